// vision: screening summary per school × grade × year; myopia rises by grade and falls slowly by year.
import { gradeLabels } from "../lib/codes.ts";
import { schoolLabel, type District } from "./context.ts";
import { clamp, makeRng } from "./prng.ts";
import { gradesOf, students } from "./roster.ts";
import { corrupt, duplicate, footer, fullWidth, insert, noValue, sprinkle, unknownSchoolIds } from "./messiness.ts";
import { num, type Layout, type Row, type Table } from "./table.ts";

/** Myopia rate of a grade in the first year, before the school's own level and trend. */
export const myopiaBase: Record<string, number> = {
  K1: 0.01, K2: 0.015, K3: 0.025,
  "1": 0.13, "2": 0.19, "3": 0.26, "4": 0.33, "5": 0.4, "6": 0.46,
  "7": 0.63, "8": 0.71, "9": 0.77, "10": 0.8, "11": 0.83, "12": 0.86,
}; // prettier-ignore

const columns = ["year", "school_id", "grade", "enrolled", "screened", "myopic"];
const lowVision = ["low_vision_mild", "low_vision_moderate", "low_vision_severe"];
const chineseGrade = (g: string) => ({ "7": "初一", "8": "初二", "9": "初三" })[g] ?? gradeLabels[g];

/** Whether the i-th school that sends records also sends a summary for the last year. */
export const sendsSummary = (i: number) => i % 2 === 1;

export function visionTables(d: District): Table[] {
  const rng = makeRng(d.seed, "vision");
  const level = new Map(d.schools.map((s) => [s.id, rng.normal(0, 0.04)]));
  const trend = new Map(
    d.schools.map((s) => [s.id, rng.chance(0.85) ? rng.normal(-0.009, 0.004) : rng.normal(0.006, 0.004)]),
  );
  const last = d.years[d.years.length - 1];
  // Half of the schools that send records also send a summary for that year (the records win).
  const withoutSummary = new Set(d.recordSchools.filter((_, i) => !sendsSummary(i)).map((s) => s.id));
  return d.years
    .map((year, yi) => {
      const rows: Row[] = [];
      for (const school of d.schools) {
        if (year === last && withoutSummary.has(school.id)) continue;
        const shortfall = rng.chance(0.05);
        const noLowVision = yi % 3 === 1 && rng.chance(0.04);
        for (const grade of gradesOf(school)) {
          const enrolled = students(d.roster, year, school, grade);
          const screened = shortfall && rng.chance(0.5) ? enrolled - rng.int(1, Math.ceil(enrolled * 0.06)) : enrolled;
          const rate = clamp(
            myopiaBase[grade] + level.get(school.id)! + trend.get(school.id)! * yi + rng.normal(0, 0.012),
            0,
            0.95,
          );
          const myopic = Math.round(screened * rate);
          const bad = Math.round(screened * Math.min(0.97, rate + 0.06));
          const severe = Math.round(bad * 0.22);
          const moderate = Math.round(bad * 0.43);
          const cells: Record<string, string> = {
            year: String(year),
            school_id: school.id,
            grade: yi % 3 === 0 ? chineseGrade(grade) : grade,
            enrolled: num(enrolled),
            screened: num(screened),
            myopic: num(myopic),
            low_vision_mild: num(bad - severe - moderate),
            low_vision_moderate: num(moderate),
            low_vision_severe: num(severe),
          };
          if (noLowVision) for (const c of lowVision) cells[c] = rng.pick(noValue);
          rows.push({ cells });
        }
      }
      return {
        dataset: "vision",
        file: `vision/${year}.csv`,
        columns: [...columns, ...lowVision],
        rows,
        layout: layoutOf(year, yi),
      };
    })
    .map((t, yi) => (yi === d.years.length - 1 ? withDefects(t, d) : t));
}

function layoutOf(year: number, yi: number): Layout {
  const title = `沙坪坝区${year}年学生视力筛查汇总表（示例数据）`;
  if (yi % 3 === 0) return { encoding: "gb18030", eol: "\r\n", title, padTitle: true, footer: footer(year) };
  if (yi % 3 === 1) return { encoding: "utf-8", totals: ["enrolled", "screened", "myopic"] };
  return { encoding: "utf-16le", delimiter: "\t", eol: "\r\n", title };
}

function withDefects(table: Table, d: District): Table {
  const rng = makeRng(d.seed, "vision-defects");
  const rows = table.rows;
  const year = table.file.slice(7, 11);
  const row = corrupt(
    rows,
    rng,
    {},
    { code: "inconsistent", note: "近视人数大于筛查人数" },
    (r) => Number(r.cells.grade) >= 7,
  );
  if (row) row.cells.myopic = String(Number(row.cells.screened) + rng.int(3, 12));
  const primary = d.schools.find((s) => s.stage === "primary")!;
  insert(
    rows,
    rng,
    { year, school_id: unknownSchoolIds[0], grade: "3", enrolled: "128", screened: "128", myopic: "31" },
    { code: "unknown_school", note: `学校代码${unknownSchoolIds[0]}不在学校名录中` },
  );
  insert(
    rows,
    rng,
    { year, school_id: primary.id, grade: "8", enrolled: "45", screened: "45", myopic: "30" },
    { code: "wrong_section", note: `${schoolLabel(primary)}是小学，没有八年级` },
  );
  duplicate(rows, rng, { myopic: "0" }, "同一学校同一年级重复填报（第二行应拒收）");
  sprinkle(rows, "enrolled", 97, fullWidth, 5);
  sprinkle(rows, "screened", 89, fullWidth, 11);
  return table;
}
