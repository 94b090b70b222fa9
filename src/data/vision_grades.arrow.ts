// Myopia by grade from the table vision_grade_rates: counts over too few pupils, and those that would give
// them away by subtraction, are already hidden in the warehouse, so the page only shows what it gets.
import { gradeLabels } from "../../pipelines/lib/codes.ts";
import { rowsToArrow } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { queryRows, readWarehouse } from "../../pipelines/lib/warehouse.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("vision_grades.arrow", async () => {
  const order = Object.keys(gradeLabels);
  const rows = await readWarehouse(
    warehousePath(),
    async (c) => {
      const [table] = await queryRows(c, "select 1 from duckdb_tables() where table_name = 'vision_grade_rates'");
      if (!table) return [];
      return queryRows(
        c,
        `select year::integer as year, school_id, grade, screened, judged, myopic, myopia_rate,
                suppressed::integer as suppressed, note
         from vision_grade_rates order by year, school_id nulls first, grade`,
      );
    },
    [] as Record<string, unknown>[],
  );
  return (
    rowsToArrow(
      rows.map((r) => ({
        ...r,
        grade_label: gradeLabels[String(r.grade)] ?? r.grade,
        grade_order: order.indexOf(String(r.grade)),
      })),
      {
        year: "int",
        school_id: "string",
        grade: "string",
        grade_label: "string",
        grade_order: "int",
        screened: "int",
        judged: "int",
        myopic: "int",
        myopia_rate: "float",
        suppressed: "int",
        note: "string",
      },
    ),
  );
});
