// vision_records: one row per screened student of a few schools in the last year (all names fake).
import { schoolLabel, type District } from "./context.ts";
import { corrupt, duplicate, insert } from "./messiness.ts";
import { clamp, makeRng, type Rng } from "./prng.ts";
import { gradesOf, students } from "./roster.ts";
import type { Row, Table } from "./table.ts";
import { myopiaBase } from "./vision.ts";

const columns = ["year", "school_id", "grade", "student_id", "name", "sex", "screen_date"];
const eyes = ["va_right", "va_left", "se_right", "se_left", "glasses"];
const stems = "甲乙丙丁戊己庚辛壬癸";

/** Acuity (5-point scale) and spherical equivalent of one eye. */
function eye(rng: Rng, myopic: boolean, grade: number): [number, number] {
  if (myopic) {
    const se = clamp(Math.round(rng.normal(-1.25 - grade * 0.2, 1.1) * 4) / 4, -9, -0.75);
    return [clamp(Math.round((5.0 + se * 0.25 + rng.normal(0, 0.1)) * 10) / 10, 3.6, 4.9), se];
  }
  const se = Math.round(rng.normal(0.25, 0.35) * 4) / 4;
  const va = rng.chance(0.08) ? 4.9 : rng.pick([5.0, 5.0, 5.1, 5.1, 5.2, 5.3]);
  return [va, clamp(se, -0.5, 2)];
}

export function recordsTable(d: District): Table {
  const rng = makeRng(d.seed, "records");
  const year = d.years[d.years.length - 1];
  const rows: Row[] = [];
  d.recordSchools.forEach((school, si) => {
    let serial = 0;
    for (const grade of gradesOf(school)) {
      const g = Number(grade);
      const n = students(d.roster, year, school, grade);
      const day = rng.int(6, 28);
      for (let k = 0; k < n; k++) {
        serial++;
        const myopic = rng.chance(myopiaBase[grade] + rng.normal(0, 0.02));
        const [vr, sr] = eye(rng, myopic, g);
        const [vl, sl] = eye(rng, myopic && rng.chance(0.8), g);
        const noSe = rng.chance(0.01);
        rows.push({
          cells: {
            year: String(year),
            school_id: school.id,
            grade,
            student_id: `G${school.id}${String(serial).padStart(4, "0")}`,
            name: `学生${stems[si % 10]}${String(serial).padStart(4, "0")}`,
            sex: rng.chance(0.51) ? "男" : "女",
            screen_date: si % 2 ? `${year}/9/${day}` : `${year}-09-${String(day).padStart(2, "0")}`,
            va_right: vr.toFixed(1),
            va_left: vl.toFixed(1),
            se_right: noSe ? "" : sr.toFixed(2),
            se_left: noSe ? "" : sl.toFixed(2),
            glasses: myopic && rng.chance(0.6) ? "是" : "否",
          },
        });
      }
    }
  });
  addDefects(rows, rng, d);
  return {
    dataset: "vision_records",
    file: `vision_records/${year}.csv`,
    columns: [...columns, ...eyes],
    rows,
    layout: { encoding: "utf-8" },
  };
}

function addDefects(rows: Row[], rng: Rng, d: District) {
  if (!rows.length) return;
  corrupt(rows, rng, { va_left: "5.8" }, { code: "out_of_range", note: "左眼裸眼视力5.8超出3.0–5.3" });
  corrupt(rows, rng, { va_right: "不详" }, { code: "bad_type", note: "右眼裸眼视力“不详”不是数值" });
  corrupt(rows, rng, { student_id: "" }, { code: "missing_required", note: "学籍号为空" });
  duplicate(rows, rng, { va_right: "4.2" }, "同一学生重复记录（第二行应拒收）");
  const school = d.recordSchools.find((s) => !s.sections.includes("senior"));
  if (school) {
    const cells = { ...rows[0].cells, school_id: school.id, grade: "11", student_id: `G${school.id}9999` };
    insert(rows, rng, cells, { code: "wrong_section", note: `${schoolLabel(school)}没有高二年级` });
  }
}
