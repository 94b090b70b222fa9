// The data-quality page: the ingest log, reject counts by reason, reports owed and not received, schools
// whose vision figures changed kind, pupils the myopia criterion could not judge (pipelines/lib/quality.ts).
import { runLoader } from "../../pipelines/lib/loader.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { readQuality } from "../../pipelines/lib/quality.ts";
import { datasetNames } from "../../pipelines/lib/registry.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";

const empty = {
  year: null,
  log: [],
  reasons: [],
  missing: [],
  completeness: null,
  sourceChanges: [],
  indeterminate: [],
  datasetNames: datasetNames(),
};

await runLoader("quality.json", async () =>
  JSON.stringify(await readWarehouse<object>(warehousePath(), readQuality, empty)),
);
