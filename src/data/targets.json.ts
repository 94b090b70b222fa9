// The target registry as the pages show it (area, chart kind, display unit, clause title).
import { readSiteTargets } from "../../pipelines/site/targets.ts";
import { writeStdout } from "../../pipelines/site/arrow.ts";

await writeStdout(JSON.stringify({ targets: readSiteTargets() }));
