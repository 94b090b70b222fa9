// One Arrow file per area page (areas/vision.arrow, …): the rows of indicator_values of that area's
// targets, so an area page loads its own targets only. One loader writes them all as a ZIP archive,
// from which Framework extracts the file each page names (one process, not one per area).
import { zipSync } from "fflate";
import { areas } from "../shared/vocabulary.js";
import { indicatorArrow } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { queryIndicatorRows } from "../../pipelines/lib/snapshot.ts";
import { readSiteTargets } from "../../pipelines/lib/targets.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("areas.zip", async () => {
  const rows = await readWarehouse(warehousePath(), queryIndicatorRows, []);
  const areaOf = new Map(readSiteTargets().map((t) => [t.target_id, t.area]));
  const files = Object.fromEntries(
    areas.map((a) => [`${a.slug}.arrow`, indicatorArrow(rows.filter((r) => areaOf.get(r.target_id) === a.slug))]),
  );
  return (zipSync(files, { level: 0 }));
});
