// Which way each level target is heading, from the table target_progress (pipelines/indicators/steps/progress.sql).
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { queryProgress } from "../../pipelines/lib/snapshot.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("progress.json", async () => {
  return (JSON.stringify(await readWarehouse(warehousePath(), queryProgress, [])));
});
