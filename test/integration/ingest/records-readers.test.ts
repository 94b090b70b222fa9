// Student records are read by DuckDB's CSV reader when the file allows it (records.ts) and by the
// exact reader otherwise (read.ts): a school must get the same rows, lines, reasons and redacted
// records from either, for every spelling of cells they meet.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import { ingestRecordsBySql } from "../../../pipelines/ingest/records/ingest.ts";
import { loadReferences, runIngest } from "../../../pipelines/ingest/run.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type TempWarehouse } from "../../helpers/ingest.ts";

const salt = "test-salt-readers-0123456789abcdef";
process.env.STUDENT_ID_SALT = salt;

const schools = csv(
  "学校代码,学校名称,办学类型,办学性质",
  "S01,第一小学,小学,公办",
  "S03,第三学校,九年一贯制学校,民办",
);
const header =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
// Line numbers: title 1, header 2, the rows from 3.
const rows = [
  "2021,S01,一年级,A01,王一,男,2021-09-15,4.8,5.0,-1.00,0.00,否", // 3 ok
  "2021.0, S01 , 一年级 ,Ａ02,王二,M,2021/9/15, ４.８ ,5,-1,0,Y", // 4 ok: spaces, full-width, codes
  "2021,S01,1年级,A03,王三,f,2021年9月5日,4.9\t,5.1,,,√", // 5 ok
  "2021.5,S01,一年级,A04,王四,男,2021-09-15,4.8,5.0,,,否", // 6 bad_type year
  "2021,S01,一年级,A05,王五,男,2021-09-15,不详,5.0,,,否", // 7 bad_type va_right
  "2021,S01,一年级,A06,王六,男,2021-09-15,4.8,6,,,否", // 8 out_of_range 6
  "2021,S01,一年级,A07,王七,男,2021-02-30,4.8,5.0,,,否", // 9 bad_type date
  "2021,S01,初一,A08,王八,男,2021-09-15,4.8,5.0,,,否", // 10 wrong_section
  "2021,S99,一年级,A09,王九,男,2021-09-15,4.8,5.0,,,否", // 11 unknown_school
  "2021,S01,一年级,,王十,男,2021-09-15,4.8,5.0,,,否", // 12 missing_required student_id
  "2021,S01,一年级,无,王十一,男,2021-09-15,4.8,5.0,,,否", // 13 missing_required student_id
  "2021,S01,一年级,A01,王一,男,2021-09-15,4.7,5.0,,,否", // 14 duplicate_key of line 3
  "2021,S01,一年级,A12,王十二,x,2021-09-15,4.8,5.0,,,否", // 15 bad_type sex
  "2021,S01,一年级,A13,王十三,男,2021-09-15,4.8,5.0,,,也许", // 16 bad_type glasses
  "2021,S01,二年级,A14,王十四,男,2021-09-15,4.8,5.0,,,否,多余", // 17 ok: a cell beyond the header
  "2021,S03,九年级,A15,合计,男,2021-09-15,4.8,5.0,,,否", // 18 totals_row (a cell is a totals word)
  ",,,,,,,,,,,", // 19 blank: not a row
  "2021,S01,一年级,A16,王十六,男,2021-09-15,4_8,5.0,,,否", // 20 bad_type 4_8
  "2021,S01,一年级,A17,王十七,男,2021-09-15,1e0,5.0,,,否", // 21 out_of_range 1
  "合计,,,,,,,,,,,", // 22 totals_row
  "填表人：张三", // 23 totals_row (footer)
  "2021,S01,一年级", // 24 missing_required: a short row
  `2021,S01,一年级,A24,王二四,男,2021-09-15,${"9".repeat(70)}x,5.0,,,否`, // 25 bad_type, long value cut
  "2021,S01,一年级,A25,王二五,男\u0007,2021-09-15,4.8,5.0,,,否", // 26 bad_type, control character shown
];

let open: TempWarehouse[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function warehouseWithSchools() {
  const w = await tempWarehouse();
  open.push(w);
  const input = writeFiles(tempDir(), { "schools.csv": schools });
  dirs.push(input);
  await runIngest(w.connection, { input, isSample: false });
  return { w, input };
}

const text = (body: string[]) => csv("2021年学生视力筛查明细", header, ...body);

async function bySql() {
  const { w, input } = await warehouseWithSchools();
  const file = path.join(input, "vision_records", "2021.csv");
  writeFiles(input, { "vision_records/2021.csv": text(rows) });
  const ds = readDictionary().get("vision_records")!;
  const base = { source_file: "vision_records/2021.csv", sha256: "x", dataset: "vision_records" };
  const outcome = await ingestRecordsBySql(
    w.connection,
    ds,
    fs.readFileSync(file),
    base,
    file,
    salt,
    await loadReferences(w.connection),
  );
  return { w, outcome };
}

async function byExactReader() {
  const { w, input } = await warehouseWithSchools();
  // A quoted cell sends the file to the exact reader; the cell reads the same.
  const quoted = [rows[0].replace("王一", '"王一"'), ...rows.slice(1)];
  writeFiles(input, { "vision_records/2021.csv": text(quoted) });
  await runIngest(w.connection, { input, isSample: false });
  return { w };
}

const rejects = (w: TempWarehouse) =>
  w.rows<{ source_line: number; reason_code: string; reason: string; record: string }>(
    "select source_line, reason_code, reason, record from rejects order by source_line",
  );
const stored = (w: TempWarehouse) =>
  w.rows(`select * exclude (load_id, source_file) replace (screen_date::varchar as screen_date)
    from vision_records order by source_line`);

describe("vision_records by DuckDB's reader and by the exact reader", () => {
  it("reads the plain file with DuckDB, with the lines, codes and reasons a school expects", async () => {
    const { w, outcome } = await bySql();
    expect(outcome).toBeDefined();
    expect(outcome!.entry).toMatchObject({ rows_read: 23, rows_loaded: 4, rows_rejected: 19 });
    const got = (await rejects(w)).map((r) => [r.source_line, r.reason_code, r.reason]);
    // a student file's reasons name the column and never quote a cell: a pupil's name may stand in any of them
    expect(got).toEqual([
      [6, "bad_type", '年度的值"（学生个人数据，不显示）"无法识别，应为整数'],
      [7, "bad_type", '右眼裸眼视力的值"（学生个人数据，不显示）"无法识别，应为数字'],
      [8, "out_of_range", "左眼裸眼视力的值 6 超出允许范围（3–5.3）"],
      [9, "bad_type", '筛查日期的值"（学生个人数据，不显示）"无法识别，应为日期（如 2021-06-30）'],
      [10, "wrong_section", '学校 S01（第一小学）没有初中学段，年级"（学生个人数据，不显示）"不适用'],
      [11, "unknown_school", "学校代码 （学生个人数据，不显示） 不在学校名录中"],
      [12, "missing_required", "必填列“学籍号”为空"],
      [13, "missing_required", "必填列“学籍号”为空"],
      [14, "duplicate_key", "年度、学校代码、学籍号与第 3 行相同（重复）"],
      [15, "bad_type", '性别的值"（学生个人数据，不显示）"无法识别，应为男、女'],
      [16, "bad_type", '是否戴镜的值"（学生个人数据，不显示）"无法识别，应为是/否'],
      [18, "totals_row", '合计行（"（学生个人数据，不显示）"），不是一所学校的数据'],
      [20, "bad_type", '右眼裸眼视力的值"（学生个人数据，不显示）"无法识别，应为数字'],
      [21, "out_of_range", "右眼裸眼视力的值 1 超出允许范围（3–5.3）"],
      [22, "totals_row", '合计行（"（学生个人数据，不显示）"），不是一所学校的数据'],
      [23, "totals_row", '表尾说明行（"（学生个人数据，不显示）"），不是数据行'],
      [24, "missing_required", "本行只有 3 列，缺少必填列“学籍号”"],
      [25, "bad_type", `右眼裸眼视力的值"（学生个人数据，不显示）"无法识别，应为数字`],
      [26, "bad_type", '性别的值"（学生个人数据，不显示）"无法识别，应为男、女'],
    ]);
    expect(await stored(w)).toEqual([
      expect.objectContaining({ year: 2021, school_id: "S01", grade: "1", sex: "M", va_right: 4.8, glasses: false }),
      expect.objectContaining({ school_id: "S01", sex: "M", screen_date: "2021-09-15", va_right: 4.8, glasses: true }),
      expect.objectContaining({ sex: "F", screen_date: "2021-09-05", va_right: 4.9, se_right: null, glasses: true }),
      expect.objectContaining({ grade: "2", source_line: 17 }),
    ]);
  });

  it("gives the same rows, hashes, rejects and redacted records as the exact reader", async () => {
    const sql = (await bySql()).w;
    const exact = (await byExactReader()).w;
    expect(await rejects(sql)).toEqual(await rejects(exact));
    expect(await stored(sql)).toEqual(await stored(exact));
    const all = JSON.stringify(await rejects(sql));
    for (const secret of ["A01", "A04", "王四", "王十"]) expect(all).not.toContain(secret);
  });
});
