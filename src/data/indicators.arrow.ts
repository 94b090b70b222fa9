// Every row of indicator_values, as Arrow: the only source of the numbers and statuses the pages show.
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { rowsToArrow, writeStdout } from "../../pipelines/site/arrow.ts";
import { readSnapshot } from "../../pipelines/site/snapshot.ts";

const { rows } = await readSnapshot(warehousePath());
await writeStdout(
  rowsToArrow(rows as unknown as Record<string, unknown>[], {
    target_id: "string",
    year: "int",
    school_id: "string",
    value: "float",
    threshold: "float",
    status: "string",
    numerator: "float",
    denominator: "float",
  }),
);
