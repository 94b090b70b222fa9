// teacher_pay (per school) and district_reference (civil servant pay, children aged 3–5) per year.
import type { District } from "./context.ts";
import { corrupt, thousands } from "./messiness.ts";
import { makeRng } from "./prng.ts";
import { sectionStudents } from "./roster.ts";
import { num, type Row, type Table } from "./table.ts";

/** Civil servant pay and the teacher/civil servant ratio of the compulsory schools, by year position. */
const civilPay = [118_600, 121_900, 124_800];
const parity = [0.965, 0.99, 1.012];
const studentsPerTeacher: Record<string, number> = {
  kindergarten: 14,
  primary: 17,
  junior: 12.5,
  senior: 12.5,
  vocational: 16,
  special: 3.5,
};

const at = <T>(xs: T[], i: number) => xs[Math.min(i, xs.length - 1)];

export function teacherPayTables(d: District): Table[] {
  const rng = makeRng(d.seed, "teacher_pay");
  // its own stream, so the whole-school rows stay as they were before these columns existed
  const compulsoryRng = makeRng(d.seed, "teacher_pay_compulsory");
  return d.years.map((year, yi) => {
    const rows: Row[] = [];
    const base = at(civilPay, yi) * (1 + 0.03 * Math.max(0, yi - 2));
    for (const s of d.schools) {
      const teachers = s.sections.reduce(
        (t, sec) => t + sectionStudents(d.roster, year, s, sec) / studentsPerTeacher[sec],
        0,
      );
      const level =
        s.stage === "kindergarten"
          ? s.ownership === "public"
            ? 0.86
            : 0.62
          : s.ownership === "private"
            ? 0.9
            : at(parity, yi);
      const pay = base * level * rng.normal(1, 0.035);
      // A school with a senior section beside primary or junior ones also sends its compulsory sections'
      // teachers and their pay (senior teachers earn a little more).
      const compulsory = s.sections.filter((sec) => sec === "primary" || sec === "junior");
      const mixed = s.sections.includes("senior") && compulsory.length > 0;
      const compulsoryTeachers = compulsory.reduce(
        (t, sec) => t + sectionStudents(d.roster, year, s, sec) / studentsPerTeacher[sec],
        0,
      );
      rows.push({
        cells: {
          year: String(year),
          school_id: s.id,
          teachers: num(Math.max(3, Math.round(teachers))),
          avg_annual_pay_yuan: num(pay),
          compulsory_teachers: mixed ? num(Math.max(1, Math.round(compulsoryTeachers))) : "",
          compulsory_avg_annual_pay_yuan: mixed ? num(pay * compulsoryRng.normal(0.97, 0.01)) : "",
        },
      });
    }
    if (yi % 3 === 2) {
      for (const r of rows) {
        r.cells.avg_annual_pay_yuan = thousands(r.cells.avg_annual_pay_yuan);
        if (r.cells.compulsory_avg_annual_pay_yuan)
          r.cells.compulsory_avg_annual_pay_yuan = thousands(r.cells.compulsory_avg_annual_pay_yuan);
      }
    }
    if (yi === d.years.length - 1)
      corrupt(
        rows,
        rng,
        { avg_annual_pay_yuan: "9,800" },
        { code: "out_of_range", note: "教师年平均工资9800元低于10000（疑为月工资）" },
        (r) => !r.cells.school_id.endsWith("1"),
      );
    return {
      dataset: "teacher_pay",
      file: `teacher_pay/${year}.csv`,
      columns: [
        "year",
        "school_id",
        "teachers",
        "avg_annual_pay_yuan",
        "compulsory_teachers",
        "compulsory_avg_annual_pay_yuan",
      ],
      rows,
      layout: { encoding: yi % 3 === 1 ? "gb18030" : "utf-8" },
    };
  });
}

export function referenceTable(d: District): Table {
  const rows: Row[] = d.years.map((year, yi) => {
    const kg = d.schools.reduce(
      (n, s) => n + (s.sections.includes("kindergarten") ? sectionStudents(d.roster, year, s, "kindergarten") : 0),
      0,
    );
    const pay = at(civilPay, yi) * (1 + 0.03 * Math.max(0, yi - 2));
    return {
      cells: {
        year: String(year),
        civil_servant_avg_annual_pay_yuan: thousands(num(pay)),
        children_3_5: num(kg / (0.885 + 0.01 * Math.min(yi, 3))),
      },
    };
  });
  return {
    dataset: "district_reference",
    file: "district_reference/district_reference.csv",
    columns: ["year", "civil_servant_avg_annual_pay_yuan", "children_3_5"],
    rows,
    layout: { encoding: "utf-8-bom", english: true },
  };
}
