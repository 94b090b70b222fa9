// The data-quality page: the ingest log, reject counts by reason, reports owed and not received, schools
// whose vision figures changed kind, pupils the myopia criterion could not judge (pipelines/lib/quality.ts).
import fs from "node:fs";
import { writeStdout } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { readQuality } from "../../pipelines/lib/quality.ts";
import { datasetNames } from "../../pipelines/lib/registry.ts";
import { openWarehouse } from "../../pipelines/lib/warehouse.ts";

const file = warehousePath();
let result: object = { year: null, log: [], reasons: [], missing: [], completeness: null, sourceChanges: [], indeterminate: [], datasetNames: datasetNames() };
if (fs.existsSync(file)) {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    result = await readQuality(warehouse.connection);
  } finally {
    warehouse.close();
  }
}
await writeStdout(JSON.stringify(result));
