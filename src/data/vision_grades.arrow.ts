// Myopia by grade from the view vision_grade_rates: rates over too few pupils are already hidden in the
// warehouse (small-number rule), so the page only shows what it gets. Empty for a warehouse without the view.
import fs from "node:fs";
import { gradeLabels } from "../../pipelines/lib/codes.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { rowsToArrow, writeStdout } from "../../pipelines/site/arrow.ts";

const file = warehousePath();
const order = Object.keys(gradeLabels);
let rows: Record<string, unknown>[] = [];
if (fs.existsSync(file)) {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    const [view] = await queryRows(
      warehouse.connection,
      "select 1 from duckdb_views() where view_name = 'vision_grade_rates'",
    );
    if (view) {
      rows = await queryRows(
        warehouse.connection,
        `select year::integer as year, school_id, grade, screened, myopic, myopia_rate,
                suppressed::integer as suppressed, note
         from vision_grade_rates order by year, school_id nulls first, grade`,
      );
    }
  } finally {
    warehouse.close();
  }
}
await writeStdout(
  rowsToArrow(
    rows.map((r) => ({ ...r, grade_label: gradeLabels[String(r.grade)] ?? r.grade, grade_order: order.indexOf(String(r.grade)) })),
    {
      year: "int",
      school_id: "string",
      grade: "string",
      grade_label: "string",
      grade_order: "int",
      screened: "int",
      myopic: "int",
      myopia_rate: "float",
      suppressed: "int",
      note: "string",
    },
  ),
);
