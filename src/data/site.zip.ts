// Every data file the pages load (report.json, schools.json, quality.json, areas/<area>.arrow …, see
// pipelines/lib/siteFiles.ts), from one read-only pass over the warehouse, as one archive from which
// Framework extracts the file each page names.
import { zipSync } from "fflate";
import { queryReportFacts } from "../../pipelines/lib/facts.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { siteFiles } from "../../pipelines/lib/siteFiles.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";

await runLoader("site.zip", async () => {
  const read = async (c: Parameters<typeof queryReportFacts>[0]) => siteFiles(c, await queryReportFacts(c));
  const files = await readWarehouse(warehousePath(), read, await read(null));
  const encoder = new TextEncoder();
  const entries = Object.entries(files).map(([name, data]) => [
    name,
    typeof data === "string" ? encoder.encode(data) : data,
  ]);
  return zipSync(Object.fromEntries(entries), { level: 0 });
});
