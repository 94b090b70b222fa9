// The printable report's cover facts (plan title, data load time, sample flag) and the data's fingerprint,
// by which `npm run export -- --site DIR` checks that a built site shows this warehouse.
import { readReportFacts } from "../../pipelines/lib/facts.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";

import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("report.json", async () => {
  return (JSON.stringify(await readReportFacts(warehousePath())));
});
