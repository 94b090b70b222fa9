// Every row of indicator_values, as Arrow: the only source of the numbers and statuses the pages show.
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { indicatorArrow, writeStdout } from "../../pipelines/site/arrow.ts";
import { readSnapshot } from "../../pipelines/site/snapshot.ts";

const { rows } = await readSnapshot(warehousePath());
await writeStdout(indicatorArrow(rows));
