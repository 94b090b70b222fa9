// One Arrow file per area page (areas/vision.arrow, …): the rows of indicator_values of that page's
// targets, so an area page loads its own targets only. One loader writes them all as a ZIP archive,
// from which Framework extracts the file each page names (one process, not one per area).
import fs from "node:fs";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { openWarehouse } from "../../pipelines/lib/warehouse.ts";
import { areas } from "../shared/vocabulary.js";
import { indicatorArrow, writeStdout } from "../../pipelines/site/arrow.ts";
import { queryIndicatorRows, type IndicatorRow } from "../../pipelines/site/snapshot.ts";
import { readSiteTargets } from "../../pipelines/site/targets.ts";
import { zipStored } from "../components/zip.js";

const file = warehousePath();
let rows: IndicatorRow[] = [];
if (fs.existsSync(file)) {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    rows = await queryIndicatorRows(warehouse.connection);
  } finally {
    warehouse.close();
  }
}
const areaOf = new Map(readSiteTargets().map((t) => [t.target_id, t.area]));
await writeStdout(
  zipStored(
    areas.map((a) => ({
      name: `${a.slug}.arrow`,
      data: indicatorArrow(rows.filter((r) => areaOf.get(r.target_id) === a.slug)),
    })),
  ),
);
