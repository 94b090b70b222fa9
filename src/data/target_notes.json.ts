// Each target's explanation and sources in Chinese, for the report's appendix 指标说明 (kept out of
// targets.json, which every area page loads).
import { readSiteTargets } from "../../pipelines/lib/targets.ts";

import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("target_notes.json", async () => {
  const notes = readSiteTargets().map((t) => ({
    target_id: t.target_id,
    explanation_zh: t.explanation_zh,
    source_zh: t.source_zh,
  }));
  return (JSON.stringify(notes));
});
