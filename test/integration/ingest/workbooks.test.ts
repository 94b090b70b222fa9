// Workbooks as schools send them, each written by exceljs or LibreOffice (test/fixtures/workbooks/make.ts)
// and read by SheetJS: every row loaded or rejected at the row Excel shows, the sheet named in source_file.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type TempWarehouse } from "../../helpers/ingest.ts";

process.env.STUDENT_ID_SALT = "test-salt-workbooks-0123456789abcdef";
const fixtures = path.resolve(import.meta.dirname, "../../fixtures/workbooks");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

const schools = csv(
  "学校代码,学校名称,办学类型,办学性质",
  "S01,第一小学,小学,公办",
  "S02,第二中学,完全中学,公办",
  "S03,第三学校,九年一贯制学校,民办",
);

interface Log {
  source_file: string;
  dataset: string | null;
  encoding: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  status: string;
  message: string | null;
}

let open: TempWarehouse[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.cleanup();
});

/** Ingests the schools and the named fixtures (fixture name → path in the input folder). */
async function ingest(files: Record<string, string>) {
  const w = await tempWarehouse();
  open.push(w);
  const input = tempDir();
  const placed = Object.fromEntries(Object.entries(files).map(([name, at]) => [at, fixture(name)]));
  writeFiles(input, { "schools/schools.csv": schools, ...placed });
  const outcomes = await runIngest(w.connection, { input, isSample: false });
  fs.rmSync(input, { recursive: true });
  const logs = await w.rows<Log>(
    "select source_file, dataset, encoding, rows_read, rows_loaded, rows_rejected, status, message from ingest_log where dataset is distinct from 'schools' order by load_id",
  );
  const rejects = await w.rows<{ file: string; line: number; code: string; reason: string; record: string }>(
    "select source_file as file, source_line as line, reason_code as code, reason, record from rejects order by file, line",
  );
  return { w, outcomes, logs, rejects };
}

describe("workbooks read like CSV files", () => {
  it("finds the header below merged title rows and rejects at the Excel row, naming the sheet", async () => {
    const { w, logs, rejects } = await ingest({ "title-merged.xlsx": "vision/2021.xlsx" });
    expect(logs).toEqual([
      {
        source_file: "vision/2021.xlsx#视力筛查",
        dataset: "vision",
        encoding: "xlsx",
        rows_read: 3,
        rows_loaded: 1,
        rows_rejected: 2,
        status: "loaded",
        message: null,
      },
    ]);
    expect(rejects.map((r) => [r.file, r.line, r.code, r.reason])).toEqual([
      ["vision/2021.xlsx#视力筛查", 5, "inconsistent", "近视人数(130)大于筛查人数(100)"],
      ["vision/2021.xlsx#视力筛查", 6, "totals_row", '合计行（"合计"），不是一所学校的数据'],
    ]);
    expect(JSON.parse(rejects[0].record)).toEqual({
      年度: "2021",
      学校代码: "S01",
      年级: "二年级",
      在籍学生数: "200",
      筛查人数: "100",
      近视人数: "130",
    });
    expect(await w.rows("select grade, myopic, source_file, source_line from vision")).toEqual([
      { grade: "1", myopic: 30, source_file: "vision/2021.xlsx#视力筛查", source_line: 4 },
    ]);
  });

  it("joins a header split over two rows by merged cells", async () => {
    const { w, rejects } = await ingest({ "split-header.xlsx": "vision/split.xlsx" });
    expect(
      await w.rows("select grade, low_vision_mild, low_vision_moderate, low_vision_severe, source_line from vision"),
    ).toEqual([{ grade: "1", low_vision_mild: 5, low_vision_moderate: 3, low_vision_severe: 1, source_line: 4 }]);
    expect(rejects.map((r) => [r.line, r.code])).toEqual([[5, "inconsistent"]]);
    expect(Object.keys(JSON.parse(rejects[0].record))).toContain("轻度视力不良人数");
  });

  it("reads dates stored as serial numbers, whatever their display format", async () => {
    const { w, rejects } = await ingest({ "serial-dates.xlsx": "ledger.xlsx" });
    expect(rejects).toEqual([]);
    expect(
      await w.rows("select strftime(as_of, '%Y-%m-%d') as as_of, achieved from milestones order by as_of"),
    ).toEqual([
      { as_of: "2021-06-30", achieved: 3 },
      { as_of: "2021-09-30", achieved: 4 },
      { as_of: "2021-12-31", achieved: 5 },
    ]);
  });

  it("reads a percent-formatted cell as the fraction it stores", async () => {
    const { w } = await ingest({ "percent.xlsx": "percent.xlsx" });
    expect(await w.rows("select achieved from milestones order by as_of")).toEqual([
      { achieved: 0.95 },
      { achieved: 0.875 },
    ]);
  });

  it("reads numbers stored as text, with spaces, full-width digits and thousands separators", async () => {
    const { w, rejects } = await ingest({ "text-numbers.xlsx": "teacher_pay/2021.xlsx" });
    expect(await w.rows("select school_id, teachers, avg_annual_pay_yuan from teacher_pay order by school_id")).toEqual(
      [
        { school_id: "S01", teachers: 45, avg_annual_pay_yuan: 123456 },
        { school_id: "S02", teachers: 46, avg_annual_pay_yuan: 98765.5 },
      ],
    );
    expect(rejects.map((r) => [r.line, r.code])).toEqual([[4, "out_of_range"]]);
  });

  it("takes a formula's saved value, never evaluates one, and rejects a formula without a saved value", async () => {
    const { w, rejects } = await ingest({ "formulas.xlsx": "teacher_pay/2021.xlsx" });
    expect(await w.rows("select school_id, avg_annual_pay_yuan from teacher_pay")).toEqual([
      { school_id: "S01", avg_annual_pay_yuan: 123456 },
    ]);
    expect(rejects.map((r) => [r.line, r.code, r.reason])).toEqual([
      [
        3,
        "bad_type",
        "教师年平均工资(元)（单元格 D3）是公式“=C3*2000”，文件中没有保存计算结果：请在 Excel 或 WPS 中打开、保存后再发送",
      ],
      [4, "bad_type", '教师年平均工资(元)的值"#DIV/0!"无法识别，应为数字'],
      [5, "totals_row", '合计行（"合计"），不是一所学校的数据'],
    ]);
    expect(JSON.parse(rejects[0].record)["教师年平均工资(元)"]).toBe("=C3*2000");
  });

  it("skips hidden sheets and hidden rows and says so in the log", async () => {
    const { w, logs } = await ingest({ "hidden.xlsx": "军训.xlsx" });
    expect(logs).toEqual([
      expect.objectContaining({
        source_file: "军训.xlsx#高中军训",
        rows_read: 1,
        rows_loaded: 1,
        status: "loaded",
        message: "跳过了隐藏的行：第 2 行；隐藏的工作表“班额”未读取",
      }),
    ]);
    expect(await w.rows("select year, source_line from military_training")).toEqual([{ year: 2021, source_line: 3 }]);
    expect(await w.rows("select count(*)::integer as n from class_sizes")).toEqual([{ n: 0 }]);
  });

  it("ignores trailing empty rows and columns, even formatted ones", async () => {
    const { logs, rejects } = await ingest({ "trailing-empty.xlsx": "class_sizes/2021.xlsx" });
    expect(logs[0]).toMatchObject({ source_file: "class_sizes/2021.xlsx#Sheet1", rows_read: 2, rows_loaded: 1 });
    expect(rejects.map((r) => [r.line, r.code])).toEqual([[3, "out_of_range"]]);
    expect(Object.keys(JSON.parse(rejects[0].record))).toEqual(["年度", "学校代码", "年级", "班级", "班级人数"]);
  });

  it("reads several datasets from one workbook by sheet name and lists the sheet that is none", async () => {
    const { w, logs } = await ingest({ "several-datasets.xlsx": "2021年报表.xlsx" });
    expect(logs.map((l) => [l.source_file, l.dataset, l.status, l.rows_loaded, l.rows_rejected])).toEqual([
      ["2021年报表.xlsx#military_training", "military_training", "loaded", 1, 0],
      ["2021年报表.xlsx#卫生与心理健康", "health", "loaded", 1, 1],
    ]);
    expect(logs[0].message).toContain("工作表“备注”不是数据集");
    expect(await w.rows("select school_id, psych_checked from health")).toEqual([
      { school_id: "S01", psych_checked: 490 },
    ]);
  });

  it("tells the dataset of a one-sheet workbook by its file name, as for a CSV", async () => {
    const { w, logs } = await ingest({ "pe_2021.xlsx": "pe_2021_第一小学.xlsx" });
    expect(logs.map((l) => [l.source_file, l.dataset, l.status])).toEqual([
      ["pe_2021_第一小学.xlsx#Sheet1", "pe", "loaded"],
    ]);
    expect(await w.rows("select grade, in_school_minutes from pe")).toEqual([{ grade: "1", in_school_minutes: 60 }]);
  });

  it("reads an Excel 97–2003 .xls saved by LibreOffice: merged title, cached formula, hidden row", async () => {
    const { w, logs, rejects } = await ingest({ "legacy.xls": "class_sizes/2021.xls" });
    expect(logs[0]).toMatchObject({
      source_file: "class_sizes/2021.xls#班额",
      encoding: "xls",
      rows_read: 4,
      rows_loaded: 3,
      rows_rejected: 1,
      message: "跳过了隐藏的行：第 5 行",
    });
    expect(await w.rows("select class_name, students, source_line from class_sizes order by source_line")).toEqual([
      { class_name: "1班", students: 45, source_line: 3 },
      { class_name: "2班", students: 45, source_line: 4 },
      { class_name: "1班", students: 56, source_line: 6 },
    ]);
    expect(rejects.map((r) => [r.line, r.code])).toEqual([[7, "out_of_range"]]);
  });
});

describe("untrusted and broken workbooks", () => {
  it("fails a damaged workbook alone, with one plain Chinese line, and loads the other files", async () => {
    const { logs, outcomes } = await ingest({
      "broken.xlsx": "vision/broken.xlsx",
      "title-merged.xlsx": "vision/ok.xlsx",
    });
    const failed = logs.find((l) => l.status === "failed")!;
    expect(failed).toMatchObject({ source_file: "vision/broken.xlsx", rows_loaded: 0 });
    expect(failed.message).toBe("工作簿已损坏（ZIP 结构不完整），无法读取：请在 Excel 或 WPS 中打开后重新保存");
    expect(outcomes.filter((o) => o.status === "loaded").map((o) => o.source_file)).toContain(
      "vision/ok.xlsx#视力筛查",
    );
  });

  it("refuses a zip bomb by what it unpacks to, not by what its headers claim", async () => {
    const { logs } = await ingest({ "zip-bomb.xlsx": "vision/bomb.xlsx" });
    expect(logs).toEqual([
      expect.objectContaining({
        source_file: "vision/bomb.xlsx",
        status: "failed",
        message: "工作簿解压后超过 100 MB（可能是恶意构造的压缩文件），拒绝读取",
      }),
    ]);
  });

  it("is unchanged when the same workbook comes again, sheet by sheet", async () => {
    const w = await tempWarehouse();
    open.push(w);
    const input = writeFiles(tempDir(), { "schools.csv": schools, "报表.xlsx": fixture("several-datasets.xlsx") });
    await runIngest(w.connection, { input, isSample: false });
    const again = await runIngest(w.connection, { input, isSample: false });
    fs.rmSync(input, { recursive: true });
    expect(again.filter((o) => o.source_file.startsWith("报表")).map((o) => [o.source_file, o.status])).toEqual([
      ["报表.xlsx#military_training", "unchanged"],
      ["报表.xlsx#卫生与心理健康", "unchanged"],
    ]);
  });
});
