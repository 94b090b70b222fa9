// The template workflow as the bureau and a school live it: `npm run templates` writes an .xlsx per
// dataset, a school fills it in (here exceljs, as Excel would) and sends it back unchanged, `npm run check`
// names each problem by sheet, row and column, and `npm run ingest` loads it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { csv, tempDir, writeFiles } from "../helpers/ingest.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const dir = tempDir("templates-");
const db = path.join(dir, "w.duckdb");
const out = path.join(dir, "templates");

function run(...args: string[]) {
  const r = spawnSync(tsx, ["pipelines/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, STUDENT_ID_SALT: "templates-test-0123456789abcdefghij", DEBUG: "" },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The text of one part of an .xlsx (a ZIP), read with SheetJS's own container reader. */
function part(file: string, name: string): string {
  const zip = XLSX.CFB.read(fs.readFileSync(file), { type: "buffer" });
  const at = zip.FullPaths.findIndex((p: string) => p.endsWith(`/${name}`));
  const entry = zip.FileIndex[at];
  if (!entry) throw new Error(`${name} missing from ${file}`);
  return Buffer.from(entry.content as Uint8Array).toString("utf8");
}

beforeAll(() => {
  writeFiles(path.join(dir, "in"), {
    "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办", "S02,第二中学,完全中学,公办"),
  });
  expect(run("ingest", "--input", path.join(dir, "in"), "--db", db).status).toBe(0);
  expect(run("templates", "--out", out, "--db", db).status).toBe(0);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the .xlsx template", () => {
  it("has Chinese headers in a frozen, protected first row, hints and drop-down lists", () => {
    // named as a school clerk reads it
    const file = path.join(out, "视力筛查.xlsx");
    const book = XLSX.read(fs.readFileSync(file), { type: "buffer" });
    expect(book.SheetNames).toEqual(["视力筛查", "填报说明", "可选值", "学校代码表"]);
    const header = XLSX.utils.sheet_to_json<string[]>(book.Sheets["视力筛查"], { header: 1 })[0];
    expect(header.slice(0, 6)).toEqual(["年度", "学校代码", "年级", "在籍学生数", "筛查人数", "近视人数"]);
    const sheet = part(file, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<pane ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<sheetProtection sheet="1"/);
    // the school list stands on 可选值 after the 年级 list: each school as code and name, then each code alone
    expect(sheet).toContain("&apos;可选值&apos;!$B$1:$B$4");
    const schoolChoices = XLSX.utils.sheet_to_json<string[]>(book.Sheets["可选值"], { header: 1 }).map((r) => r[1]);
    expect(schoolChoices.slice(0, 4)).toEqual(["S01 第一小学", "S02 第二中学", "S01", "S02"]);
    // the 年级 list stands on the hidden sheet 可选值 and holds every spelling the importer reads (初一 too)
    expect(sheet).toContain("&apos;可选值&apos;!$A$1:$A$");
    const values = XLSX.utils.sheet_to_json<string[]>(book.Sheets["可选值"], { header: 1 }).map((r) => r[0]);
    expect(values.slice(0, 4)).toEqual(["小班", "中班", "大班", "一年级"]);
    expect(values).toEqual(expect.arrayContaining(["初一", "初三", "十年级", "7", "7年级", "K1"]));
    expect(book.Workbook?.Sheets?.find((s) => s.name === "可选值")?.Hidden).toBeTruthy();
    expect(sheet).toContain('prompt="必填；整数；取值 ≥ 0；须满足 近视人数 ≤ 筛查人数"');
    const codes = XLSX.utils.sheet_to_json<string[]>(book.Sheets["学校代码表"], { header: 1 });
    expect(codes).toEqual([
      ["学校代码", "学校名称", "办学类型"],
      ["S01", "第一小学", "小学"],
      ["S02", "第二中学", "完全中学"],
    ]);
    const guide = XLSX.utils.sheet_to_json<string[]>(book.Sheets["填报说明"], { header: 1 });
    expect(guide.flat().join("")).toContain("同一年度、学校代码、年级只填一行");
  });

  it("offers 是/否 and 学段 lists where the dictionary asks for them, with every spelling the importer reads", () => {
    const list = (file: string) =>
      XLSX.utils
        .sheet_to_json<string[]>(XLSX.read(fs.readFileSync(path.join(out, file))).Sheets["可选值"], { header: 1 })
        .map((r) => r.filter((c) => c !== undefined));
    // the lists of 年级, 性别 and 是否戴镜, then the schools'
    const glasses = XLSX.utils
      .sheet_to_json<string[]>(XLSX.read(fs.readFileSync(path.join(out, "学生视力个案.xlsx"))).Sheets["可选值"], {
        header: 1,
      })
      .map((r) => r[2])
      .filter((c) => c !== undefined);
    expect(glasses.slice(0, 2)).toEqual(["是", "否"]);
    expect(glasses).toEqual(expect.arrayContaining(["Y", "N", "1", "0", "√", "×"].map((w) => w.toLowerCase())));
    const sections = list("办学条件.xlsx").map((r) => r[0]);
    expect(sections.slice(0, 7)).toEqual(["幼儿园", "小学", "初中", "高中", "中职", "特殊教育", "全校"]);
    expect(sections).toEqual(expect.arrayContaining(["特教", "学前"]));
    // the CSV templates too, and the guide, in Chinese only
    expect(fs.existsSync(path.join(out, "视力筛查.csv"))).toBe(true);
    expect(fs.readFileSync(path.join(out, "填报说明.csv"), "utf8")).not.toMatch(/\bvision\b|student_id/);
  });

  it("round-trips: filled and sent back, check names each problem by sheet, row and column, ingest loads it", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, "视力筛查.xlsx"));
    const sheet = book.getWorksheet("视力筛查")!;
    sheet.getRow(2).values = [2021, "S01", "一年级", 200, 100, 30];
    sheet.getRow(3).values = [2021, "S01", "二年级", 200, 100, 120];
    sheet.getRow(4).values = [2021, "S02", "初一", 300, 290, 200, 10, 5, 1];
    const filled = path.join(dir, "send", "第一小学视力.xlsx");
    fs.mkdirSync(path.dirname(filled), { recursive: true });
    await book.xlsx.writeFile(filled);

    const check = run("check", filled, "--db", db);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("工作表“视力筛查”：数据集“视力筛查”，数据 3 行，可导入 2 行，有问题 1 行。");
    // a school clerk reads Chinese only
    expect(check.stdout.replace(filled, "")).not.toMatch(/vision|myopic|screened|\([a-z_]+\)/);
    expect(check.stdout).toContain(
      "工作表“视力筛查” 第 3 行 F 列（近视人数） [前后矛盾] 近视人数(120)大于筛查人数(100)",
    );
    expect(check.stdout).not.toContain("填报说明");
    expect(check.stderr).toBe("");

    const ingest = run("ingest", "--input", path.dirname(filled), "--db", db);
    expect(ingest.stderr).toBe("");
    expect(ingest.status).toBe(0);
    const w = await openWarehouse(db, { readOnly: true });
    try {
      expect(
        await queryRows(
          w.connection,
          "select school_id, grade, myopic, source_file, source_line from vision order by source_line",
        ),
      ).toEqual([
        { school_id: "S01", grade: "1", myopic: 30, source_file: "第一小学视力.xlsx#视力筛查", source_line: 2 },
        { school_id: "S02", grade: "7", myopic: 200, source_file: "第一小学视力.xlsx#视力筛查", source_line: 4 },
      ]);
      expect(await queryRows(w.connection, "select source_line, reason_code from rejects")).toEqual([
        { source_line: 3, reason_code: "inconsistent" },
      ]);
    } finally {
      w.close();
    }
  });

  it("takes a school picked from the drop-down (code and name) as its code, in a report and in student records", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, "视力筛查.xlsx"));
    const sheet = book.getWorksheet("视力筛查")!;
    sheet.getRow(2).values = [2021, "S01 第一小学", "一年级", 200, 100, 30];
    sheet.getRow(3).values = [2021, "S02 第二中学", "初一", 300, 290, 200];
    const send = path.join(dir, "picked");
    const filled = path.join(send, "视力筛查.xlsx");
    fs.mkdirSync(send, { recursive: true });
    await book.xlsx.writeFile(filled);
    // the student-records template, filled as a school's system exports it
    const blank = fs.readFileSync(path.join(out, "学生视力个案.csv"), "utf8");
    const records = path.join(send, "学生视力个案.csv");
    fs.writeFileSync(
      records,
      blank +
        "2021,S01 第一小学,一年级,A01,王一,男,2021-09-15,4.8,5.0,,,否\r\n" +
        "2021,S01 第一小学,二年级,A02,王二,女,2021-09-15,4.6,4.9,,,是\r\n",
    );
    const checked = run("check", filled, "--db", db);
    expect(checked.stdout).toContain("工作表“视力筛查”：数据集“视力筛查”，数据 2 行，可导入 2 行，有问题 0 行。");
    expect(checked.status).toBe(0);
    const checkedRecords = run("check", records, "--db", db);
    expect(checkedRecords.stdout).toContain("数据 2 行，可导入 2 行，有问题 0 行。");
    expect(checkedRecords.status).toBe(0);

    // a name that is another school's is named by sheet, row, column and value
    sheet.getRow(3).values = [2021, "S02 第一小学", "初一", 300, 290, 200];
    const wrong = path.join(dir, "wrong", "视力筛查.xlsx");
    fs.mkdirSync(path.dirname(wrong), { recursive: true });
    await book.xlsx.writeFile(wrong);
    const refused = run("check", wrong, "--db", db);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      '工作表“视力筛查” 第 3 行 B 列（学校代码） [学校不存在] 学校代码"S02 第一小学"的代码与名称不符：S02 是第二中学，第一小学的代码是 S01',
    );

    const fresh = path.join(dir, "picked.duckdb");
    expect(run("ingest", "--input", path.join(dir, "in"), "--db", fresh).status).toBe(0);
    const ingest = run("ingest", "--input", send, "--db", fresh);
    expect(ingest.stderr).toBe("");
    expect(ingest.status).toBe(0);
    const w = await openWarehouse(fresh, { readOnly: true });
    try {
      expect(await queryRows(w.connection, "select school_id, grade from vision order by source_line")).toEqual([
        { school_id: "S01", grade: "1" },
        { school_id: "S02", grade: "7" },
      ]);
      expect(await queryRows(w.connection, "select school_id, grade from vision_records order by source_line")).toEqual(
        [
          { school_id: "S01", grade: "1" },
          { school_id: "S01", grade: "2" },
        ],
      );
      expect(await queryRows(w.connection, "select count(*)::integer as n from rejects")).toEqual([{ n: 0 }]);
    } finally {
      w.close();
    }
  });
});
