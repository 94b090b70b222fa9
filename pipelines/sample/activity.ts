// pe (per grade) and military_training (per school with a senior section): mostly compliant, a few short.
import { has, schoolLabel, type District } from "./context.ts";
import { corrupt, footer, insert, noValue } from "./messiness.ts";
import { clamp, makeRng } from "./prng.ts";
import { gradesOf, students } from "./roster.ts";
import { num, type Row, type Table } from "./table.ts";

const peColumns = ["year", "school_id", "grade", "pe_lessons_per_week", "in_school_minutes", "out_school_minutes"];
const fitness = ["fitness_tested", "fitness_passed", "fitness_good"];
const minLessons = (g: number) => (g <= 2 ? 4 : g <= 9 ? 3 : 2);

export function peTables(d: District): Table[] {
  const rng = makeRng(d.seed, "pe");
  const last = d.years.length - 1;
  return d.years.map((year, yi) => {
    const rows: Row[] = [];
    for (const school of d.schools) {
      if (!["primary", "junior", "senior"].some((s) => has(school, s))) continue;
      const short = rng.chance(0.08);
      const good = clamp(rng.normal(0.47 + 0.025 * yi, 0.07), 0.25, 0.8);
      for (const grade of gradesOf(school)) {
        const g = Number(grade);
        const n = students(d.roster, year, school, grade);
        const tested = n - (rng.chance(0.2) ? rng.int(1, 3) : 0);
        const passed = Math.round(tested * clamp(rng.normal(0.95, 0.02), 0.85, 1));
        rows.push({
          cells: {
            year: String(year),
            school_id: school.id,
            grade,
            pe_lessons_per_week: String(short && rng.chance(0.3) ? minLessons(g) - 1 : minLessons(g)),
            in_school_minutes: String(
              short && rng.chance(0.5) ? rng.pick([40, 45, 50]) : rng.pick([60, 60, 60, 65, 70]),
            ),
            out_school_minutes: rng.chance(0.1)
              ? rng.pick(noValue)
              : String(rng.pick([30, 40, 45, 60, 60, 60, 70, 90])),
            fitness_tested: num(tested),
            fitness_passed: num(passed),
            fitness_good: num(Math.min(passed, Math.round(tested * good))),
          },
        });
      }
    }
    const layout: Table["layout"] =
      yi % 3 === 1
        ? { encoding: "utf-8", english: true }
        : {
            encoding: "utf-8-bom",
            eol: "\r\n",
            headers: { in_school_minutes: "校内体育活动（分钟/天）", grade: " 年级 " },
          };
    const table: Table = { dataset: "pe", file: `pe/${year}.csv`, columns: [...peColumns, ...fitness], rows, layout };
    if (yi === last) {
      corrupt(rows, rng, { in_school_minutes: "约60" }, { code: "bad_type", note: "校内体育活动“约60”不是数值" });
      corrupt(rows, rng, { pe_lessons_per_week: "25" }, { code: "out_of_range", note: "体育课周课时25超出0–20" });
      const row = corrupt(rows, rng, {}, { code: "inconsistent", note: "体质健康优良人数大于合格人数" });
      if (row) row.cells.fitness_good = String(Number(row.cells.fitness_passed) + 7);
    }
    return table;
  });
}

export function militaryTable(d: District): Table {
  const rng = makeRng(d.seed, "military");
  const rows: Row[] = [];
  for (const year of d.years)
    for (const school of d.schools.filter((s) => has(s, "senior"))) {
      const short = rng.chance(0.12);
      const days = short ? rng.pick([5, 6]) : 7;
      rows.push({
        cells: {
          year: String(year),
          school_id: school.id,
          days: String(days),
          hours: String(short ? days * 10 + rng.int(0, 8) : 83),
        },
      });
    }
  const junior = d.schools.find((s) => s.stage === "junior")!;
  const year = String(d.years[d.years.length - 1]);
  insert(
    rows,
    rng,
    { year, school_id: junior.id, days: "7", hours: "83" },
    { code: "wrong_section", note: `${schoolLabel(junior)}没有高中学段，不应填报军训` },
  );
  corrupt(rows, rng, { days: "70" }, { code: "out_of_range", note: "军训天数70超出0–60" });
  const layout = {
    encoding: "gb18030",
    eol: "\r\n",
    title: "沙坪坝区高中学生军训情况统计表（示例数据）",
    footer: footer(Number(year)),
  } as const;
  return {
    dataset: "military_training",
    file: `military_training/${d.years[0]}-${year}.csv`,
    columns: ["year", "school_id", "days", "hours"],
    rows,
    layout,
  };
}
