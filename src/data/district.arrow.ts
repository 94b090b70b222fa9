// The district rows of indicator_values only: all the overview needs, so its size does not grow with the schools.
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { indicatorArrow, writeStdout } from "../../pipelines/site/arrow.ts";
import { readSnapshot } from "../../pipelines/site/snapshot.ts";

const { rows } = await readSnapshot(warehousePath());
await writeStdout(indicatorArrow(rows.filter((r) => r.school_id === null)));
