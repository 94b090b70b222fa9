// One ingest run over small fixture folders, against a temp DuckDB file (rule: docs/interfaces.md,
// 数据仓库表: ingest_log, rejects and reason codes).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type Files, type TempWarehouse } from "../../helpers/ingest.ts";

process.env.STUDENT_ID_SALT = "test-salt-不要泄露-0123456789abcdef";

const schools = csv(
  "学校代码,学校名称,办学类型,办学性质",
  "S01,第一小学,小学,公办",
  "S02,第二中学,完全中学,公办",
  "S03,第三学校,九年一贯制学校,民办",
);

interface Log {
  load_id: number;
  source_file: string;
  dataset: string | null;
  encoding: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  status: string;
  message: string | null;
}
interface RejectRow {
  source_file: string;
  source_line: number;
  reason_code: string;
  reason: string;
  record: string;
}

let open: TempWarehouse[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of open) w.cleanup();
  open = [];
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function ingest(files: Files, warehouse?: TempWarehouse, dir?: string) {
  const w = warehouse ?? (await tempWarehouse());
  if (!warehouse) open.push(w);
  const input = dir ?? tempDir();
  if (!dir) dirs.push(input);
  writeFiles(input, files);
  const outcomes = await runIngest(w.connection, { input, isSample: false });
  return { w, input, outcomes };
}

const logs = (w: TempWarehouse) => w.rows<Log>("select * from ingest_log order by load_id");
const rejects = (w: TempWarehouse) =>
  w.rows<RejectRow>("select source_file, source_line, reason_code, reason, record from rejects order by source_line");

describe("row rejects", () => {
  it("gives every reason code with the physical line and a Chinese reason naming the column and value", async () => {
    const vision = csv(
      "沙坪坝区2021年学生视力筛查汇总表", // 1
      "", // 2
      "年度,学校代码,年级,在籍学生数,筛查人数,近视人数,备注", // 3
      "2021,S01,一年级,200,100,30,", // 4 ok
      "2021,S01,二年级,200,,30,", // 5 missing_required
      "2021,S01,三年级,200,abc,30,", // 6 bad_type
      "1999,S01,四年级,200,100,30,", // 7 out_of_range
      "2021,S99,一年级,200,100,30,", // 8 unknown_school
      "2021,S01,高一,200,100,30,", // 9 wrong_section
      "2021,S01,五年级,200,100,120,", // 10 inconsistent
      "2021,S01,一年级,200,100,31,", // 11 duplicate_key of line 4
      "2021,S01", // 12 too short
      "合计,,,600,300,90,", // 13 totals_row
      "填表人：张三", // 14 footer
    );
    const milestones = csv("指标编号,年度,统计日期,完成数", "no.such_target,2021,2021-06-30,3");
    const military = csv("年度,学校代码,军训天数,军训学时", "2021,S01,7,83", "2021,S02,7,83");
    const { w } = await ingest({
      "schools/2021.csv": schools,
      "vision/2021.csv": vision,
      "milestones/2021.csv": milestones,
      "military_training/2021.csv": military,
    });
    const got = (await rejects(w)).map((r) => [r.source_file, r.source_line, r.reason_code, r.reason]);
    expect(got.filter((r) => r[0] === "vision/2021.csv")).toEqual([
      ["vision/2021.csv", 5, "missing_required", "必填列“筛查人数”为空"],
      ["vision/2021.csv", 6, "bad_type", '筛查人数的值"abc"无法识别，应为整数'],
      ["vision/2021.csv", 7, "out_of_range", "年度的值 1999 超出允许范围（2000–2100）"],
      ["vision/2021.csv", 8, "unknown_school", "学校代码 S99 不在学校名录中"],
      ["vision/2021.csv", 9, "wrong_section", '学校 S01（第一小学）没有高中学段，年级"高一"不适用'],
      ["vision/2021.csv", 10, "inconsistent", "近视人数(120)大于筛查人数(100)"],
      ["vision/2021.csv", 11, "duplicate_key", "年度、学校代码、年级与第 4 行相同（重复）"],
      ["vision/2021.csv", 12, "missing_required", "本行只有 2 列，缺少必填列“年级”"],
      ["vision/2021.csv", 13, "totals_row", '合计行（"合计"），不是一所学校的数据'],
      ["vision/2021.csv", 14, "totals_row", '表尾说明行（"填表人：张三"），不是数据行'],
    ]);
    expect(got.filter((r) => r[0] !== "vision/2021.csv")).toEqual([
      ["milestones/2021.csv", 2, "unknown_target", "指标编号 no.such_target 不在指标库中"],
      ["military_training/2021.csv", 2, "wrong_section", "学校 S01（第一小学）没有高中学段"],
    ]);
    expect(await w.rows("select school_id, grade, myopic, source_line from vision")).toEqual([
      { school_id: "S01", grade: "1", myopic: 30, source_line: 4 },
    ]);
    expect(await w.rows("select school_id, days, hours from military_training")).toEqual([
      { school_id: "S02", days: 7, hours: 83 },
    ]);
    const log = (await logs(w)).find((l) => l.source_file === "vision/2021.csv")!;
    expect(log).toMatchObject({
      status: "loaded",
      encoding: "utf-8",
      rows_read: 11,
      rows_loaded: 1,
      rows_rejected: 10,
    });
  });

  it("gives a row that breaks two rules the first in the contract's order", async () => {
    const vision = csv(
      "年度,学校代码,年级,在籍学生数,筛查人数,近视人数",
      "2021,S01,一年级,x,,30", // missing_required before bad_type
      "2021,S01,一年级,x,100,-1", // bad_type before out_of_range
      "1999,S99,一年级,200,100,30", // out_of_range before unknown_school
      "2021,S99,高一,200,100,120", // unknown_school before wrong_section and inconsistent
      "2021,S01,高一,200,100,120", // wrong_section before inconsistent
      "合计,S01,一年级,,,", // totals_row before missing_required
      "2021,S01,二年级,200,100,30", // ok
      "2021,S01,二年级,200,100,120", // inconsistent before duplicate_key
    );
    const { w } = await ingest({ "schools.csv": schools, "vision_2021.csv": vision });
    expect((await rejects(w)).map((r) => [r.source_line, r.reason_code])).toEqual([
      [2, "missing_required"],
      [3, "bad_type"],
      [4, "out_of_range"],
      [5, "unknown_school"],
      [6, "wrong_section"],
      [7, "totals_row"],
      [9, "inconsistent"],
    ]);
  });

  it("accepts a row whose key matches only an earlier rejected row", async () => {
    const vision = csv(
      "年度,学校代码,年级,在籍学生数,筛查人数,近视人数",
      "2021,S01,五年级,200,100,120",
      "2021,S01,五年级,200,100,20",
    );
    const { w } = await ingest({ "schools.csv": schools, "vision.csv": vision });
    expect((await rejects(w)).map((r) => r.reason_code)).toEqual(["inconsistent"]);
    expect(await w.rows("select grade, myopic from vision")).toEqual([{ grade: "5", myopic: 20 }]);
  });

  it("stores each reject's record as JSON: header as written → cell text as read", async () => {
    const vision = csv(
      " 年度 ,学校代码,年级,在籍学生数,筛查人数（人）,筛查人数,近视人数,备注",
      '2021,S01,一年级,200,,１００,120,"含逗号,的说明"',
    );
    const { w } = await ingest({ "schools.csv": schools, "vision.csv": vision });
    const [r] = await rejects(w);
    expect(r.reason).toBe("近视人数(120)大于筛查人数(100)");
    expect(JSON.parse(r.record)).toEqual({
      年度: "2021",
      学校代码: "S01",
      年级: "一年级",
      在籍学生数: "200",
      "筛查人数（人）": "",
      筛查人数: "１００",
      近视人数: "120",
      备注: "含逗号,的说明",
    });
  });

  it("reads the spellings schools use: full-width digits, separators, spaces, no-value marks", async () => {
    const vision = csv(
      "年度,学校代码,年级,在籍学生数,筛查人数,近视人数,轻度视力不良人数,中度视力不良人数",
      '２０２１, S01 ,一年级,"1,200"," 1,100 ",３０,—,/',
      "2021,S01,2年级,200,100,30,无,-",
    );
    const { w } = await ingest({ "schools.csv": schools, "vision.csv": vision });
    expect(await rejects(w)).toEqual([]);
    expect(
      await w.rows(
        "select year, school_id, grade, enrolled, screened, myopic, low_vision_mild, low_vision_moderate from vision order by grade",
      ),
    ).toEqual([
      {
        year: 2021,
        school_id: "S01",
        grade: "1",
        enrolled: 1200,
        screened: 1100,
        myopic: 30,
        low_vision_mild: null,
        low_vision_moderate: null,
      },
      {
        year: 2021,
        school_id: "S01",
        grade: "2",
        enrolled: 200,
        screened: 100,
        myopic: 30,
        low_vision_mild: null,
        low_vision_moderate: null,
      },
    ]);
  });
});

describe("ingest_log", () => {
  it("reconciles rows_read = rows_loaded + rows_rejected for every loaded file, and logs encodings", async () => {
    const pe =
      "年度\t学校代码\t年级\t体育课周课时\t校内体育活动（分钟/天）\r\n2021\tS01\t一年级\t4\t60\r\n2021\tS01\t初一\t4\t60\r\n";
    const { w } = await ingest({
      "schools.csv": schools,
      "pe/2021.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pe, "utf16le")]),
      "vision/2021.csv": Buffer.from(
        csv("年度,学校代码,年级,在籍学生数,筛查人数,近视人数", "2021,S01,一年级,1,1,0", "2021,S01,二年级,1,2,0"),
      ),
    });
    const all = await logs(w);
    expect(all.map((l) => [l.source_file, l.dataset, l.encoding, l.status])).toEqual([
      ["schools.csv", "schools", "utf-8", "loaded"],
      ["pe/2021.txt", "pe", "utf-16le", "loaded"],
      ["vision/2021.csv", "vision", "utf-8", "loaded"],
    ]);
    for (const l of all) expect(l.rows_read).toBe(l.rows_loaded + l.rows_rejected);
    expect(all.map((l) => [l.rows_read, l.rows_loaded, l.rows_rejected])).toEqual([
      [3, 3, 0],
      [2, 1, 1],
      [2, 1, 1],
    ]);
  });

  it("logs a second run of the same files as unchanged and inserts nothing", async () => {
    const files = {
      "schools.csv": schools,
      "vision.csv": csv(
        "年度,学校代码,年级,在籍学生数,筛查人数,近视人数",
        "2021,S01,一年级,1,1,0",
        "2021,S01,一年级,1,1,0",
      ),
    };
    const { w, input } = await ingest(files);
    const count = async () =>
      w.rows(
        "select (select count(*) from vision) v, (select count(*) from schools) s, (select count(*) from rejects) r, (select count(*) from vision_history) h",
      );
    const before = await count();
    const second = await runIngest(w.connection, { input, isSample: false });
    expect(second.map((o) => [o.source_file, o.status, o.rows_loaded])).toEqual([
      ["schools.csv", "unchanged", 0],
      ["vision.csv", "unchanged", 0],
    ]);
    expect(await count()).toEqual(before);
    expect((await logs(w)).map((l) => l.status)).toEqual(["loaded", "loaded", "unchanged", "unchanged"]);
  });

  it("replaces the value of a natural key loaded later and keeps the old one in history", async () => {
    const header = "年度,学校代码,年级,在籍学生数,筛查人数,近视人数";
    const { w, input } = await ingest({
      "schools.csv": schools,
      "vision/a.csv": csv(header, "2021,S01,一年级,200,100,30"),
    });
    writeFiles(input, { "vision/b.csv": csv(header, "2021,S01,一年级,200,100,40", "2021,S01,二年级,200,100,10") });
    await runIngest(w.connection, { input, isSample: false });
    expect(await w.rows("select grade, myopic, source_file from vision order by grade")).toEqual([
      { grade: "1", myopic: 40, source_file: "vision/b.csv" },
      { grade: "2", myopic: 10, source_file: "vision/b.csv" },
    ]);
    const loadB = (await logs(w)).find((l) => l.source_file === "vision/b.csv")!.load_id;
    expect(await w.rows("select grade, myopic, source_file, replaced_by_load_id from vision_history")).toEqual([
      { grade: "1", myopic: 30, source_file: "vision/a.csv", replaced_by_load_id: loadB },
    ]);
  });
});

describe("files that cannot be read", () => {
  it("logs each as failed with a Chinese message, loads nothing of it, and still loads the others", async () => {
    const header = "年度,学校代码,年级,在籍学生数,筛查人数,近视人数";
    const { w, outcomes } = await ingest({
      "schools.csv": schools,
      "misc/notes.csv": csv("a,b", "1,2"),
      "visionary.csv": csv(header, "2021,S01,一年级,1,1,0"),
      "vision/empty.csv": "",
      "vision/blank.csv": "\uFEFF\r\n\r\n",
      "vision/missing.csv": csv("标题", "年度,学校代码,年级,在籍学生数,筛查人数", "2021,S01,一年级,1,1"),
      "vision/binary.csv": Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0xff, 0x0a, 0x80, 0xff]),
      "vision/quote.csv": csv(header, '2021,S01,"一年级,1,1,0', "2021,S01,二年级,1,1,0"),
      "vision/good.csv": csv(header, "2021,S01,一年级,1,1,0"),
    });
    const failed = (await logs(w)).filter((l) => l.status === "failed");
    const byFile = Object.fromEntries(failed.map((l) => [l.source_file, l]));
    expect(Object.keys(byFile).sort()).toEqual([
      "misc/notes.csv",
      "vision/binary.csv",
      "vision/blank.csv",
      "vision/empty.csv",
      "vision/missing.csv",
      "vision/quote.csv",
      "visionary.csv",
    ]);
    for (const l of failed) {
      expect(l).toMatchObject({ rows_loaded: 0, rows_rejected: 0 });
      expect(l.message).toMatch(/[\u4e00-\u9fff]/);
      expect(l.message).not.toMatch(/Error|at /);
    }
    expect(byFile["misc/notes.csv"].dataset).toBeNull();
    expect(byFile["misc/notes.csv"].message).toContain("无法判断数据集");
    expect(byFile["visionary.csv"].dataset).toBeNull();
    expect(byFile["vision/empty.csv"].message).toContain("空");
    expect(byFile["vision/blank.csv"].message).toContain("空");
    expect(byFile["vision/missing.csv"].message).toBe("第 2 行的表头缺少必填列：“近视人数”");
    expect(byFile["vision/binary.csv"].message).toContain("编码");
    expect(byFile["vision/quote.csv"].message).toContain("引号");
    expect(await w.rows("select source_file, count(*)::integer n from vision group by all")).toEqual([
      { source_file: "vision/good.csv", n: 1 },
    ]);
    expect(await w.rows("select count(*)::integer n from rejects")).toEqual([{ n: 0 }]);
    expect(outcomes.filter((o) => o.status === "loaded").map((o) => o.source_file)).toEqual([
      "schools.csv",
      "vision/good.csv",
    ]);
  });
});

describe("which file is which dataset, and in what order", () => {
  it("loads schools and district_reference first, even when their names sort after the others", async () => {
    const { w } = await ingest({
      "facilities_2021.csv": csv(
        "年度,学校代码,学段,在校生数,班级数,教学及辅助用房面积(平方米),体育运动场馆面积(平方米),教学仪器设备值(元),网络多媒体教室数(间),高于规定学历教师数,县级及以上骨干教师数,体育艺术专任教师数",
        "2021,S03,小学,450,10,2000,3000,1000000,10,5,3,4",
        "2021,S03,初中,300,6,1500,2000,800000,6,4,2,3",
      ),
      "military_training_2021.csv": csv("年度,学校代码,军训天数,军训学时", "2021,S02,7,83"),
      "zz/district_reference/2021.csv": csv("年度,公务员年平均工资(元)", "2021,120000"),
      "zz/schools/registry.csv": schools,
    });
    expect((await logs(w)).map((l) => [l.source_file, l.dataset, l.status, l.rows_rejected])).toEqual([
      ["zz/schools/registry.csv", "schools", "loaded", 0],
      ["zz/district_reference/2021.csv", "district_reference", "loaded", 0],
      ["facilities_2021.csv", "facilities", "loaded", 0],
      ["military_training_2021.csv", "military_training", "loaded", 0],
    ]);
  });

  it("tells the dataset by folder, or by file-name prefix with the longest name winning", async () => {
    const records = csv(
      "年度,学校代码,年级,学籍号,姓名,筛查日期,右眼裸眼视力,左眼裸眼视力",
      "2021,S01,一年级,G001,王一,2021-09-15,5.0,5.0",
    );
    const summary = csv("年度,学校代码,年级,在籍学生数,筛查人数,近视人数", "2021,S01,一年级,1,1,0");
    const { w } = await ingest({
      "schools.csv": schools,
      "vision_records_2021.csv": records,
      "vision-2021.csv": summary,
      "Vision.2022.csv": summary.replace("2021,", "2022,"),
      "2023/vision/all.csv": summary.replace("2021,", "2023,"),
    });
    expect(Object.fromEntries((await logs(w)).map((l) => [l.source_file, l.dataset]))).toEqual({
      "schools.csv": "schools",
      "vision_records_2021.csv": "vision_records",
      "vision-2021.csv": "vision",
      "Vision.2022.csv": "vision",
      "2023/vision/all.csv": "vision",
    });
  });
});

describe("vision_records: student ids never stored readable", () => {
  const header =
    "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
  const ids = ["G500106201401011234", "G500106201401025678", "G500106201401039999", "G500106201401040000"];
  const names = ["王小明", "李小红", "张三丰", "赵四海"];
  const lines = [
    `2021,S01,一年级,${ids[0]},${names[0]},男,2021-09-15,4.8,5.0,-1.00,0.00,否`,
    `2021,S01,一年级,${ids[1]},${names[1]},女,2021/9/15,5.1,5.1,,,否`,
    `2021,S01,一年级,${ids[0]},${names[0]},男,2021-09-15,4.8,5.0,-1.00,0.00,否`,
    `2021,S01,一年级,${ids[2]},${names[2]},男,2021-09-15,6.0,5.0,,,否`,
    `2021,S99,一年级,${ids[3]},${names[3]},男,2021-09-15,5.0,5.0,,,是`,
  ];

  async function everyCell(w: TempWarehouse): Promise<string> {
    const tables = await w.rows<{ table_name: string }>("select table_name from information_schema.tables");
    const parts: string[] = [];
    for (const { table_name } of tables)
      parts.push(
        JSON.stringify(await w.rows(`select * from "${table_name}"`), (_k, v) =>
          typeof v === "bigint" ? String(v) : v,
        ),
      );
    return parts.join("\n");
  }

  it.each([
    ["read by DuckDB (plain file)", csv(header, ...lines)],
    [
      "read by the exact reader (a quoted cell and a blank line)",
      csv(header, lines[0].replace(names[0], `"${names[0]}"`), "", ...lines.slice(1)),
    ],
  ])("%s", async (_label, text) => {
    const { w } = await ingest({ "schools.csv": schools, "vision_records/2021.csv": text });
    const stored = await w.rows<{ student_hash: string }>(
      "select student_hash from vision_records order by source_line",
    );
    expect(stored).toHaveLength(2);
    for (const { student_hash } of stored) expect(student_hash).toMatch(/^[0-9a-f]{64}$/);
    const unsalted = crypto.createHash("sha256").update(ids[0]).digest("hex");
    expect(stored.map((s) => s.student_hash)).not.toContain(unsalted);
    const all = await everyCell(w);
    for (const secret of [...ids, ...names]) expect(all).not.toContain(secret);
    const r = await rejects(w);
    expect(r.map((x) => x.reason_code)).toEqual(["duplicate_key", "out_of_range", "unknown_school"]);
    for (const x of r) {
      const record = JSON.parse(x.record) as Record<string, string>;
      expect(Object.keys(record)).toContain("学籍号");
      expect(record["年级"]).toBe("一年级");
    }
  });

  it("gives the same student the same hash in a later load, which replaces the earlier row", async () => {
    const { w, input } = await ingest({ "schools.csv": schools, "vision_records/a.csv": csv(header, lines[0]) });
    writeFiles(input, { "vision_records/b.csv": csv(header, lines[0].replace("4.8,5.0", '"4.9",5.0')) });
    await runIngest(w.connection, { input, isSample: false });
    expect(await w.rows("select va_right, source_file from vision_records")).toEqual([
      { va_right: 4.9, source_file: "vision_records/b.csv" },
    ]);
    expect(await w.rows("select va_right from vision_records_history")).toEqual([{ va_right: 4.8 }]);
  });
});

describe("vision_records: headers in English of any case", () => {
  // The header matcher ignores case (header.ts), so `Student_ID` and `Name` are read as the
  // personal columns; the record of a reject must then be redacted as well.
  it.each([
    ["read by DuckDB (plain file)", "2021,S01,1,G123,王小明,2021-09-15,6.0,5.0"],
    ["read by the exact reader (a quoted cell)", '2021,S01,1,G123,"王小明",2021-09-15,6.0,5.0'],
  ])("keeps the raw id and name out of rejects when %s", async (_label, line) => {
    const { w } = await ingest({
      "schools.csv": schools,
      "vision_records/a.csv": csv("year,school_id,grade,Student_ID,Name,screen_date,va_right,va_left", line),
    });
    const [r] = await rejects(w);
    expect(r.reason_code).toBe("out_of_range");
    expect(r.record).not.toContain("G123");
    expect(r.record).not.toContain("王小明");
  });
});

describe("vision_records in every encoding, by either reader", () => {
  it("gives the same lines and reason codes for GB18030, UTF-16LE tab-separated and a quoted UTF-8 file", async () => {
    const h = "标题\r\n年度,学校代码,年级,学籍号,姓名,筛查日期,右眼裸眼视力,左眼裸眼视力\r\n";
    const body = (p: string) =>
      `2021,S01,一年级,${p}1,王一,2021-09-15,6.0,5.0\r\n2021,S01,一年级,${p}2,王二,2021-02-30,5.0,5.0\r\n` +
      `2021,S01,初一,${p}3,王三,2021-09-15,5.0,5.0\r\n合计,,,,,,,\r\n2021,S01,一年级,${p}4,王四,2021年9月15日,5.0,4.9\r\n`;
    const { w } = await ingest({
      "schools.csv": schools,
      "vision_records/gb.csv": iconv.encode(h + body("G"), "gb18030"),
      "vision_records/u16.txt": Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from((h + body("H")).replace(/,/g, "\t"), "utf16le"),
      ]),
      "vision_records/js.csv": h + body("J").replace("王一", '"王一"'),
    });
    const log = await logs(w);
    expect(log.slice(1).map((l) => [l.source_file, l.encoding, l.rows_read, l.rows_loaded, l.rows_rejected])).toEqual([
      ["vision_records/gb.csv", "gb18030", 5, 1, 4],
      ["vision_records/js.csv", "utf-8", 5, 1, 4],
      ["vision_records/u16.txt", "utf-16le", 5, 1, 4],
    ]);
    const r = await w.rows<RejectRow>("select * from rejects order by source_file, source_line");
    for (const file of ["gb.csv", "js.csv", "u16.txt"]) {
      expect(
        r.filter((x) => x.source_file === `vision_records/${file}`).map((x) => [x.source_line, x.reason_code]),
      ).toEqual([
        [3, "out_of_range"],
        [4, "bad_type"],
        [5, "wrong_section"],
        [6, "totals_row"],
      ]);
    }
    expect(r.find((x) => x.reason_code === "bad_type")!.reason).toBe(
      '筛查日期的值"（学生个人数据，不显示）"无法识别，应为日期（如 2021-06-30）',
    );
    expect(r.find((x) => x.reason_code === "wrong_section")!.reason).toBe(
      '学校 S01（第一小学）没有初中学段，年级"（学生个人数据，不显示）"不适用',
    );
    expect(
      await w.rows("select source_line, screen_date::varchar d, va_left from vision_records order by source_file"),
    ).toEqual([
      { source_line: 7, d: "2021-09-15", va_left: 4.9 },
      { source_line: 7, d: "2021-09-15", va_left: 4.9 },
      { source_line: 7, d: "2021-09-15", va_left: 4.9 },
    ]);
  });
});
