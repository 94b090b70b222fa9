// The rows of indicator_values of one area page's targets (`--area vision` for data/areas/vision.arrow):
// an area page loads its own targets only, a few times smaller than every row of every target.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { warehousePath } from "../../../pipelines/lib/paths.ts";
import { openWarehouse } from "../../../pipelines/lib/warehouse.ts";
import { areas } from "../../../pipelines/site/areas.ts";
import { indicatorArrow, writeStdout } from "../../../pipelines/site/arrow.ts";
import { queryIndicatorRows, type IndicatorRow } from "../../../pipelines/site/snapshot.ts";
import { readSiteTargets } from "../../../pipelines/site/targets.ts";

const { values } = parseArgs({ options: { area: { type: "string" } } });
if (!areas.some((a) => a.slug === values.area)) throw new Error(`unknown area ${values.area}`);
const ids = readSiteTargets()
  .filter((t) => t.area === values.area)
  .map((t) => t.target_id);
const file = warehousePath();
let rows: IndicatorRow[] = [];
if (fs.existsSync(file)) {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    rows = await queryIndicatorRows(warehouse.connection, ids);
  } finally {
    warehouse.close();
  }
}
await writeStdout(indicatorArrow(rows));
