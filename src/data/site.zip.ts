// Every data file the pages load (report.json, schools.json, quality.json, areas/<area>.arrow …, see
// pipelines/lib/siteFiles.ts), from the build's one read of the warehouse (pipelines/lib/siteData.ts), as one
// archive from which Framework extracts the file each page names.
import { zipSync } from "fflate";
import { runLoader } from "../../pipelines/lib/loader.ts";
import { siteDataForPages } from "../../pipelines/lib/siteData.ts";

await runLoader("site.zip", async () => {
  const { files } = await siteDataForPages();
  const encoder = new TextEncoder();
  const entries = Object.entries(files).map(([name, data]) => [
    name,
    typeof data === "string" ? encoder.encode(data) : data,
  ]);
  return zipSync(Object.fromEntries(entries), { level: 0 });
});
