// The target registry as the pages show it (area, chart kind, display unit, clause title); the long
// explanations and sources are in target_notes.json, which only the report loads.
import { readSiteTargets } from "../../pipelines/lib/targets.ts";

import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("targets.json", async () => {
  const targets = readSiteTargets().map(({ explanation_zh, source_zh, ...t }) => t);
  return (JSON.stringify({ targets }));
});
