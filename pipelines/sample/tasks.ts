// school_tasks (学校重点工作落实, the plan's year only): 是/否 per task a school's sections owe, most 是;
// special_needs (特殊教育一人一案, the last two years): counts of pupils with special needs and of those
// with an individual plan, never a pupil's name; one row with more plans than pupils is to be rejected.
import { has, type District } from "./context.ts";
import type { School } from "./districts.ts";
import { corrupt } from "./messiness.ts";
import { makeRng } from "./prng.ts";
import { num, type Row, type Table } from "./table.ts";

const schoolSections = ["primary", "junior", "senior"];

/** Each task's column and the sections whose schools answer it (seeds/targets.csv applies_to). */
const tasks: [string, string[]][] = [
  ["psych_lectures", schoolSections],
  ["parent_psych", schoolSections],
  ["art_assessment", schoolSections],
  ["public_courses", ["vocational"]],
  ["development_plan", [...schoolSections, "vocational", "special"]],
];

const answers = (s: School, sections: string[]) => sections.some((section) => has(s, section));

export function schoolTasksTable(d: District): Table {
  const rng = makeRng(d.seed, "school_tasks");
  const year = d.years[d.years.length - 1];
  const rows: Row[] = [];
  for (const s of d.schools) {
    const cells: Record<string, string> = { year: String(year), school_id: s.id };
    for (const [column, sections] of tasks) if (answers(s, sections)) cells[column] = rng.chance(0.95) ? "是" : "否";
    if (Object.keys(cells).length > 2) rows.push({ cells });
  }
  return {
    dataset: "school_tasks",
    file: `school_tasks/${year}.csv`,
    columns: ["year", "school_id", ...tasks.map(([column]) => column)],
    rows,
    layout: { encoding: "utf-8-bom", eol: "\r\n" },
  };
}

export function specialNeedsTables(d: District): Table[] {
  const rng = makeRng(d.seed, "special_needs");
  return d.years.slice(-2).map((year, yi, years) => {
    const rows: Row[] = [];
    for (const s of d.schools) {
      if (!answers(s, ["primary", "junior", "special"])) continue;
      const pupils = has(s, "special") ? rng.int(25, 60) : rng.chance(0.3) ? 0 : rng.int(1, 8);
      const withPlan = pupils > 0 && rng.chance(0.08) ? pupils - 1 : pupils;
      rows.push({ cells: { year: String(year), school_id: s.id, pupils: num(pupils), with_plan: num(withPlan) } });
    }
    if (yi === years.length - 1) {
      const row = corrupt(
        rows,
        rng,
        {},
        { code: "inconsistent", note: "已有“一人一案”的学生数大于特殊教育需要学生数" },
        (r) => Number(r.cells.pupils) > 0,
      );
      if (row) row.cells.with_plan = String(Number(row.cells.pupils) + 2);
    }
    return {
      dataset: "special_needs",
      file: `special_needs/${year}.csv`,
      columns: ["year", "school_id", "pupils", "with_plan"],
      rows,
      layout: { encoding: "utf-8", eol: "\n" },
    };
  });
}
