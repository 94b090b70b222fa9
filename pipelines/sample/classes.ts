// class_sizes: one row per class of grades 1–12 at schools with primary, junior or senior sections.
import type { District } from "./context.ts";
import { duplicate, insert, unknownSchoolIds } from "./messiness.ts";
import { makeRng } from "./prng.ts";
import { sectionGrades } from "./districts.ts";
import type { Row, Table } from "./table.ts";

export function classSizesTables(d: District): Table[] {
  const rng = makeRng(d.seed, "class_sizes");
  return d.years.map((year, yi) => {
    const rows: Row[] = [];
    for (const s of d.schools)
      for (const section of s.sections) {
        if (!["primary", "junior", "senior"].includes(section)) continue;
        for (const grade of sectionGrades[section]) {
          const sizes = d.roster.classes.get(`${year}|${s.id}|${grade}`) ?? [];
          sizes.forEach((n, c) =>
            rows.push({
              cells: { year: String(year), school_id: s.id, grade, class_name: `${c + 1}班`, students: String(n) },
            }),
          );
        }
      }
    if (yi === d.years.length - 1) {
      duplicate(rows, rng, {}, "同一班级重复填报（第二行应拒收）");
      insert(
        rows,
        rng,
        { year: String(year), school_id: unknownSchoolIds[1], grade: "5", class_name: "1班", students: "44" },
        { code: "unknown_school", note: `学校代码${unknownSchoolIds[1]}不在学校名录中` },
      );
      insert(
        rows,
        rng,
        { year: String(year), school_id: rows[0].cells.school_id, grade: "1", class_name: "9班", students: "" },
        { code: "missing_required", note: "班级人数为空" },
      );
    }
    const layout: Table["layout"] =
      yi % 3 === 2 ? { encoding: "gb18030", eol: "\r\n" } : { encoding: "utf-8", eol: "\r\n" };
    return {
      dataset: "class_sizes",
      file: `class_sizes/${year}.csv`,
      columns: ["year", "school_id", "grade", "class_name", "students"],
      rows,
      layout,
    };
  });
}
