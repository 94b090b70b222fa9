// The benchmark's screening file: one row per student as a vendor sends it (Chinese headers),
// the same bytes for the same size and seed, with one bad row in 200 of every kind the ingest rejects.
import fs from "node:fs";
import path from "node:path";
import { gradeLabels } from "../lib/codes.ts";
import { makeRng } from "../sample/prng.ts";

export const recordsHeader =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";

/** The column types the floor reads the file with (same order as the header). */
export const recordsTypes: [string, string][] = [
  ["year", "INTEGER"],
  ["school_id", "VARCHAR"],
  ["grade", "VARCHAR"],
  ["student_id", "VARCHAR"],
  ["name", "VARCHAR"],
  ["sex", "VARCHAR"],
  ["screen_date", "DATE"],
  ["va_right", "DOUBLE"],
  ["va_left", "DOUBLE"],
  ["se_right", "DOUBLE"],
  ["se_left", "DOUBLE"],
  ["glasses", "VARCHAR"],
];

/** One bad row in `badEvery`: 0.5 %. */
export const badEvery = 200;
const badKinds = ["out_of_range", "bad_type", "missing_required", "unknown_school", "wrong_section", "duplicate_key"];
const studentsPerSchool = 2000;

export interface RecordsInput {
  dir: string;
  rows: number;
  badRows: number;
  bytes: number;
  /** Expected rejects by reason code. */
  rejects: Record<string, number>;
}

interface School {
  id: string;
  grades: string[];
}

function schoolsOf(rows: number): School[] {
  const n = Math.max(2, Math.ceil(rows / studentsPerSchool));
  return Array.from({ length: n }, (_, i) => ({
    id: `5001${String(100000 + i)}`,
    grades: i % 2 ? ["1", "2", "3", "4", "5", "6"] : ["7", "8", "9"],
  }));
}

const schoolsCsv = (schools: School[]) =>
  ["学校代码,学校名称,办学类型,办学性质"]
    .concat(schools.map((s, i) => `${s.id},第${i + 1}学校,${s.grades.length === 6 ? "小学" : "初级中学"},公办`))
    .join("\n") + "\n";

/** Writes DIR/schools.csv and DIR/vision_records/2021.csv with `rows` data rows. */
export function writeRecordsInput(dir: string, rows: number, seed = 2021): RecordsInput {
  const rng = makeRng(seed, "bench-records");
  const schools = schoolsOf(rows);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "vision_records"), { recursive: true });
  fs.writeFileSync(path.join(dir, "schools.csv"), schoolsCsv(schools));
  const file = path.join(dir, "vision_records", "2021.csv");
  const fd = fs.openSync(file, "w");
  const rejects: Record<string, number> = {};
  let bytes = 0;
  let chunk: string[] = [recordsHeader];
  const flush = () => {
    const text = chunk.join("\n") + "\n";
    fs.writeSync(fd, text);
    bytes += Buffer.byteLength(text);
    chunk = [];
  };
  let previousId = "";
  for (let i = 0; i < rows; i++) {
    const school = schools[Math.floor(i / studentsPerSchool) % schools.length];
    const grade = school.grades[Math.floor(((i % studentsPerSchool) * school.grades.length) / studentsPerSchool)];
    const id = `G${school.id}${String(i).padStart(8, "0")}`;
    const myopic = rng.chance(0.3 + Number(grade) * 0.04);
    const va = () => (myopic ? 4.0 + rng.int(0, 9) / 10 : 4.9 + rng.int(0, 4) / 10).toFixed(1);
    const se = () => (myopic ? -0.75 - rng.int(0, 24) / 4 : rng.int(-2, 6) / 4).toFixed(2);
    const cells = [
      "2021",
      school.id,
      gradeLabels[grade],
      id,
      `学生${String(i).padStart(7, "0")}`,
      rng.chance(0.51) ? "男" : "女",
      `2021-09-${String(rng.int(6, 28)).padStart(2, "0")}`,
      va(),
      va(),
      se(),
      se(),
      myopic && rng.chance(0.6) ? "是" : "否",
    ];
    if (i % badEvery === badEvery - 1) {
      const kind = badKinds[Math.floor(i / badEvery) % badKinds.length];
      if (kind === "out_of_range") cells[8] = "5.8";
      else if (kind === "bad_type") cells[7] = "不详";
      else if (kind === "missing_required") cells[3] = "";
      else if (kind === "unknown_school") cells[1] = "5009999999";
      else if (kind === "wrong_section") cells[2] = school.grades.length === 6 ? "初一" : "一年级";
      else cells.splice(0, 4, "2021", school.id, gradeLabels[grade], previousId);
      rejects[kind] = (rejects[kind] ?? 0) + 1;
    } else previousId = id;
    chunk.push(cells.join(","));
    if (chunk.length >= 50_000) flush();
  }
  flush();
  fs.closeSync(fd);
  const badRows = Object.values(rejects).reduce((a, b) => a + b, 0);
  return { dir, rows, badRows, bytes, rejects };
}
