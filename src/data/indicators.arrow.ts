// Every row of indicator_values, as Arrow: the district report's numbers and statuses.
import { indicatorArrow, writeStdout } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { queryIndicatorRows } from "../../pipelines/lib/snapshot.ts";
import { readWarehouse } from "../../pipelines/lib/warehouse.ts";

await writeStdout(indicatorArrow(await readWarehouse(warehousePath(), queryIndicatorRows, [])));
