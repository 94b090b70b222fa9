// The data-quality page: the ingest log, reject counts by reason, and who has not reported.
import fs from "node:fs";
import { reasonLabels } from "../../pipelines/ingest/summary.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { writeStdout } from "../../pipelines/site/arrow.ts";
import { datasetLabels, queryMissing } from "../../pipelines/site/missing.ts";

const file = warehousePath();
const result = { log: [] as unknown[], reasons: [] as unknown[], missing: [] as unknown[], datasetLabels, reasonLabels };
if (fs.existsSync(file)) {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    const c = warehouse.connection;
    result.log = await queryRows(
      c,
      `select load_id, source_file, dataset, encoding, rows_read, rows_loaded, rows_rejected, status, message,
              strftime(loaded_at, '%Y-%m-%d %H:%M') as loaded_at
       from ingest_log order by load_id`,
    );
    result.reasons = await queryRows(
      c,
      `select reason_code, count(*)::integer as rows, count(distinct source_file)::integer as files
       from rejects group by reason_code order by rows desc, reason_code`,
    );
    result.missing = await queryMissing(c);
  } finally {
    warehouse.close();
  }
}
await writeStdout(JSON.stringify(result));
