// Which way each level target is heading, from the table target_progress (pipelines/indicators/steps/progress.sql).
import { writeStdout } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { queryProgress } from "../../pipelines/lib/snapshot.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";

await writeStdout(JSON.stringify(await readWarehouse(warehousePath(), queryProgress, [])));
