// The school registry from the warehouse, with the Chinese name of each stage.
import { stageLabels } from "../../pipelines/lib/codes.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { writeStdout } from "../../pipelines/site/arrow.ts";
import { readSnapshot } from "../../pipelines/site/snapshot.ts";

const { schools } = await readSnapshot(warehousePath());
await writeStdout(JSON.stringify(schools.map((s) => ({ ...s, stage_label: stageLabels[s.stage]?.[0] ?? s.stage }))));
