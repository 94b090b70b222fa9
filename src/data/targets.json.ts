// The target registry as the pages show it (area, chart kind, display unit, clause title).
import { readSiteTargets } from "../../pipelines/lib/targets.ts";
import { writeStdout } from "../../pipelines/lib/arrow.ts";

await writeStdout(JSON.stringify({ targets: readSiteTargets() }));
