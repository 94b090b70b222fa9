// Every row of indicator_values, as Arrow: the district report's numbers and statuses.
import { indicatorArrow } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { queryIndicatorRows } from "../../pipelines/lib/snapshot.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("indicators.arrow", async () => {
  return (indicatorArrow(await readWarehouse(warehousePath(), queryIndicatorRows, [])));
});
