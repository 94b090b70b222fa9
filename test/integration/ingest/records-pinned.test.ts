// A 20,000-row screening file of ten schools, written here with its bad and duplicate lines placed by
// construction: `npm run ingest` must load every other row, reject each bad line with its physical
// line number and reason, find every repeated key (pointing at the first line with it), store the
// student id only as sha256(salt:id) and recompute the vision indicators from exactly the loaded rows.
// This pins what a school sees while the records reader is made faster.
import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type TempWarehouse } from "../../helpers/ingest.ts";

const salt = "test-salt-pinned-0123456789abcdef";
process.env.STUDENT_ID_SALT = salt;

const primary = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"];
const junior = ["七年级", "八年级", "九年级"];
/** Ten schools of 2,000 rows each: P0, J1, P2, J3 … (primary, junior alternately). */
const schools = Array.from({ length: 10 }, (_, s) => ({
  id: `${s % 2 ? "J" : "P"}${s}`,
  name: `第${s + 1}学校`,
  grades: s % 2 ? junior : primary,
}));
const rowsPerSchool = 2000;
const total = 10 * rowsPerSchool;
/** Title on line 1, header on line 2: row i is on line i + 3. */
const lineOf = (i: number) => i + 3;

/** Every 97th row is bad, of these kinds in turn. */
const badKinds = ["out_of_range", "bad_type", "missing_required", "unknown_school", "wrong_section", "duplicate_key"];
const isBad = (i: number) => i % 97 === 96;
/** Three more repeated keys: two later copies of row 100's key, and one of row 96's (rejected, out of range). */
const extraCopies = new Map([
  [19990, 100],
  [19995, 100],
  [19997, 96],
]);

interface Row {
  i: number;
  cells: string[];
  code: string | null;
  /** For duplicate_key: the row whose key it repeats. */
  first?: number;
  school: string;
  grade: string;
  /** 0 myopic (4.6, −1.50: moderate), 1 mild (4.9), 2 severe (4.5), 3 normal (5.0). */
  kind: number;
  id: string;
}

function build(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < total; i++) {
    const school = schools[Math.floor(i / rowsPerSchool)];
    const grade = school.grades[i % school.grades.length];
    const kind = i % 4;
    const [va, se] = [
      ["4.6", "-1.50"],
      ["4.9", "0.00"],
      ["4.5", "-0.25"],
      ["5.0", "0.25"],
    ][kind];
    const id = `G${String(i).padStart(6, "0")}`;
    const cells = ["2021", school.id, grade, id, `学生${i}`, i % 2 ? "女" : "男", "2021-09-15", va, va, se, se, "否"];
    const row: Row = { i, cells, code: null, school: school.id, grade, kind, id };
    const copyOf =
      extraCopies.get(i) ?? (isBad(i) && badKinds[Math.floor(i / 97) % 6] === "duplicate_key" ? i - 40 : -1);
    if (copyOf >= 0) {
      const source = out[copyOf];
      cells.splice(0, 4, ...source.cells.slice(0, 4));
      Object.assign(row, { school: source.school, grade: source.grade, id: source.id });
      if (source.code === null) Object.assign(row, { code: "duplicate_key", first: copyOf });
    } else if (isBad(i)) {
      const code = badKinds[Math.floor(i / 97) % 6];
      row.code = code;
      if (code === "out_of_range") cells[8] = "5.8";
      else if (code === "bad_type") cells[7] = "不详";
      else if (code === "missing_required") cells[3] = "";
      else if (code === "unknown_school") cells[1] = "X99";
      else if (code === "wrong_section") cells[2] = school.grades === primary ? "七年级" : "一年级";
    }
    out.push(row);
  }
  return out;
}

const rows = build();
const accepted = rows.filter((r) => r.code === null);
const hashOf = (id: string) => crypto.createHash("sha256").update(`${salt}:${id}`).digest("hex");

let w: TempWarehouse;
let input: string;

beforeAll(async () => {
  w = await tempWarehouse();
  input = writeFiles(tempDir(), {
    "schools.csv": csv(
      "学校代码,学校名称,办学类型,办学性质",
      ...schools.map((s) => `${s.id},${s.name},${s.grades === primary ? "小学" : "初级中学"},公办`),
    ),
    "vision_records/2021.csv": csv(
      "2021年学生视力筛查明细",
      "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜",
      ...rows.map((r) => r.cells.join(",")),
    ),
  });
  await runIngest(w.connection, { input, isSample: false });
  await computeIndicators(w.connection);
}, 120_000);

afterAll(() => {
  w?.cleanup();
  if (input) fs.rmSync(input, { recursive: true, force: true });
});

describe("a 20,000-row records file with bad and repeated lines placed by construction", () => {
  it("reads every row and loads all but the bad ones", async () => {
    const [log] = await w.rows<{ rows_read: number; rows_loaded: number; rows_rejected: number; status: string }>(
      "select rows_read, rows_loaded, rows_rejected, status from ingest_log where dataset = 'vision_records'",
    );
    // 206 lines of the 97-row pattern and the three extra copies, of which the one of a rejected row is loaded
    expect(total - accepted.length).toBe(206 + 2);
    expect(log).toEqual({
      rows_read: total,
      rows_loaded: accepted.length,
      rows_rejected: total - accepted.length,
      status: "loaded",
    });
  });

  it("rejects each bad line with its physical line number and rule", async () => {
    const got = await w.rows<{ source_line: number; reason_code: string }>(
      "select source_line, reason_code from rejects where dataset = 'vision_records' order by source_line",
    );
    const expected = rows
      .filter((r) => r.code !== null)
      .map((r) => ({ source_line: lineOf(r.i), reason_code: r.code }));
    expect(got).toEqual(expected);
    const byCode = Object.fromEntries(badKinds.map((k) => [k, expected.filter((e) => e.reason_code === k).length]));
    expect(byCode).toEqual({
      out_of_range: 35,
      bad_type: 35,
      missing_required: 34,
      unknown_school: 34,
      wrong_section: 34,
      duplicate_key: 34 + 2,
    });
  });

  it("says why in the words a school reads, the repeated key pointing at its first line", async () => {
    const reason = async (line: number) =>
      (await w.rows<{ reason: string }>("select reason from rejects where source_line = $line", { line }))[0]?.reason;
    // rows 96, 193, 290, 387, 484, 581: the six kinds in turn
    expect(await reason(lineOf(96))).toBe("左眼裸眼视力的值 5.8 超出允许范围（3–5.3）");
    expect(await reason(lineOf(193))).toBe('右眼裸眼视力的值"（学生个人数据，不显示）"无法识别，应为数字');
    expect(await reason(lineOf(290))).toBe("必填列“学籍号”为空");
    expect(await reason(lineOf(387))).toBe("学校代码 （学生个人数据，不显示） 不在学校名录中");
    expect(await reason(lineOf(484))).toBe('学校 P0（第1学校）没有初中学段，年级"（学生个人数据，不显示）"不适用');
    expect(await reason(lineOf(581))).toBe(`年度、学校代码、学籍号与第 ${lineOf(541)} 行相同（重复）`);
    // two later copies of one key both point at the first line; a copy of a rejected row's key is loaded
    expect(await reason(lineOf(19990))).toBe(`年度、学校代码、学籍号与第 ${lineOf(100)} 行相同（重复）`);
    expect(await reason(lineOf(19995))).toBe(`年度、学校代码、学籍号与第 ${lineOf(100)} 行相同（重复）`);
    expect(await reason(lineOf(19997))).toBeUndefined();
    // the rejected record keeps no student id or name in clear
    const records = JSON.stringify(await w.rows("select record from rejects"));
    expect(records).not.toMatch(/G0\d{5}|学生\d/);
  });

  it("stores every loaded row on its line, with the student id only as its salted hash", async () => {
    const stored = await w.rows<{ source_line: number; student_hash: string; school_id: string; grade: string }>(
      "select source_line, student_hash, school_id, grade from vision_records order by source_line",
    );
    expect(stored).toEqual(
      accepted.map((r) => ({
        source_line: lineOf(r.i),
        student_hash: hashOf(r.id),
        school_id: r.school,
        grade: String(primary.includes(r.grade) ? primary.indexOf(r.grade) + 1 : junior.indexOf(r.grade) + 7),
      })),
    );
    const columns = (await w.rows<{ name: string }>("select column_name as name from (describe vision_records)")).map(
      (c) => c.name,
    );
    expect(columns).not.toContain("student_id");
    expect(columns).not.toContain("name");
  });

  it("recomputes the vision indicators from exactly the loaded rows", async () => {
    const values = await w.rows<{
      school_id: string | null;
      target_id: string;
      numerator: number;
      denominator: number;
    }>(
      `select school_id, target_id, numerator, denominator from indicator_values
       where year = 2021 and target_id in ('vision.myopia_rate', 'vision.low_vision_severe_share')
       order by target_id, school_id nulls first`,
    );
    const count = (school: string | null, kind: number) =>
      accepted.filter((r) => (school === null || r.school === school) && (kind < 0 || r.kind === kind)).length;
    const expected = (target: string, kind: number) =>
      [null, ...schools.map((s) => s.id).sort()].map((school) => ({
        school_id: school,
        target_id: target,
        numerator: count(school, kind),
        denominator: count(school, -1),
      }));
    expect(values).toEqual([...expected("vision.low_vision_severe_share", 2), ...expected("vision.myopia_rate", 0)]);
    // by hand for one school: P0's 2,000 rows less its 20 bad lines of the pattern, and the loaded copy of row 96's key
    expect(count("P0", -1)).toBe(2000 - 20 + 1);
  });
});
