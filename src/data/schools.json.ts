// The school registry from the warehouse, with the Chinese name of each stage and the counts of each
// status over the school's targets in their latest year (the school list shows them without loading any rows).
import { stageLabels } from "../../pipelines/lib/codes.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { readSnapshot, schoolStatusCounts } from "../../pipelines/lib/snapshot.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("schools.json", async () => {
  const snapshot = await readSnapshot(warehousePath());
  const counts = schoolStatusCounts(snapshot);
  return (
    JSON.stringify(
      snapshot.schools.map((s) => ({
        ...s,
        stage_label: stageLabels[s.stage]?.[0] ?? s.stage,
        ...counts.get(s.school_id),
      })),
    ),
  );
});
