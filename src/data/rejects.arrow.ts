// Every rejected row with its file, editor line, reason and raw record (student ids already hashed at ingest).
import fs from "node:fs";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { rowsToArrow, writeStdout } from "../../pipelines/site/arrow.ts";

const file = warehousePath();
let rows: Record<string, unknown>[] = [];
if (fs.existsSync(file)) {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    rows = await queryRows(
      warehouse.connection,
      `select source_file, source_line, dataset, reason_code, reason, record
       from rejects order by source_file, source_line`,
    );
  } finally {
    warehouse.close();
  }
}
await writeStdout(
  rowsToArrow(rows, {
    source_file: "string",
    source_line: "int",
    dataset: "string",
    reason_code: "string",
    reason: "string",
    record: "string",
  }),
);
