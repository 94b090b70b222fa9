// `npm run check` as a school clerk reads it: whatever is wrong with the file, every line it prints is
// Chinese. The only Latin a clerk meets is what stands in the file or on the keyboard: the file's name,
// codes (S01, cell F2, column F), file formats (Excel, CSV, UTF-8) and the command and its options.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, tempDir, writeFiles } from "../helpers/ingest.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const dir = tempDir("check-chinese-");
const db = path.join(dir, "w.duckdb");
const sent = path.join(dir, "sent");

function run(...args: string[]) {
  const r = spawnSync(tsx, ["pipelines/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, STUDENT_ID_SALT: "check-test-salt-0123456789abcdefgh", DEBUG: "" },
    timeout: 120_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** Formats and products a clerk knows by these names. */
const known = new Set(["Excel", "WPS", "CSV", "ZIP", "UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "GB18030", "GBK"]);

/** What the files hold (cells, sheet names): quoted back to the clerk as written. */
const written = new Set(["Sheet1", "Sheet2", "2021-02-01", "=A1+1", "abc"]);

/**
 * The Latin words of check's output that are none of: the file's path, a cell quoted as written, the
 * command and its options, a code, a format.
 */
function foreignWords(out: string): string[] {
  const rest = out
    .replace(new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s：]*`, "g"), " ")
    .replace(/"([^"\n]*)"|“([^”\n]*)”/g, (quoted, a, b) => (written.has(a ?? b) ? " " : quoted))
    .replace(/npm run check/g, " ")
    .replace(/--[a-z]+/g, " ");
  return [...rest.matchAll(/(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9_-]*/g)]
    .map(([w]) => w)
    .filter((w) => !known.has(w) && !/^[A-Z]{1,3}\d*$/.test(w) && !/^xlsx?$/.test(w));
}

beforeAll(async () => {
  writeFiles(path.join(dir, "in"), {
    "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办", "S02,第二中学,初级中学,公办"),
  });
  expect(run("ingest", "--input", path.join(dir, "in"), "--db", db).status).toBe(0);
  const header = "年度,学校代码,年级,在籍学生数,筛查人数,近视人数";
  const files: Record<string, string | Buffer> = {
    // a row for each rule a report can break
    "vision.csv": csv(
      header,
      "2021,S01,一年级,200,100,120",
      "2021,S99,一年级,200,100,30",
      "20x1,S01,二年级,200,100,30",
      "2021,S01,初一,200,100,30",
      "2021,S01,三年级,-5,100,30",
      "2021,,四年级,200,100,30",
      "2021,S01,五年级,200,100,30",
      "2021,S01,五年级,200,100,30",
      "2021,S01 第二中学,六年级,200,100,30",
      "合计,,,600,300,90",
      "填表人：张三",
    ),
    "视力筛查_gbk.csv": iconv.encode(csv(header, "2021,S01,一年级,200,100,abc"), "gbk"),
    "视力筛查_缺列.csv": csv("年度,学校代码", "2021,S01"),
    "视力筛查_引号.csv": csv(header, '"2021,S01'),
    "视力筛查_乱码.csv": Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)),
    "不知道.csv": csv("a,b,c", "1,2,3"),
    "空的.csv": "\r\n",
    "损坏.xlsx": Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)),
    "学生视力个案.csv": csv(
      "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力",
      "2021,S01,一年级,A01,王一,x,2021-13-01,9,5",
    ),
    "坏的.xlsx": Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 1)]),
  };
  writeFiles(sent, files);
  for (const text of Object.values(files))
    if (typeof text === "string") for (const cell of text.split(/[\r\n,]+/)) written.add(cell);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("视力筛查");
  sheet.addRow(header.split(","));
  sheet.addRow([2021, "S01", "一年级", 200, 100, { formula: "A1+1" }]);
  sheet.addRow([2021, "S01", "二年级", 200, 100, 30]).hidden = true;
  sheet.addRow([new Date(2021, 1, 1), "S01", "三年级", "abc", 100, 30]);
  book.addWorksheet("Sheet2").addRow(["foo", "bar"]);
  await book.xlsx.writeFile(path.join(sent, "视力.xlsx"));
  const other = new ExcelJS.Workbook();
  other.addWorksheet("Sheet1").addRow(["x"]);
  await other.xlsx.writeFile(path.join(sent, "其他.xlsx"));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run check speaks Chinese only", () => {
  it("for every kind of bad file, bad option and missing warehouse", () => {
    const runs = [
      ...fs.readdirSync(sent).map((f) => ["check", path.join(sent, f), "--db", db]),
      ["check", path.join(sent, "vision.csv")],
      ["check", path.join(sent, "vision.csv"), "--db", path.join(dir, "none.duckdb")],
      ["check", path.join(sent, "不知道.csv"), "--dataset", "视力"],
      ["check", path.join(sent, "不知道.csv"), "--dataset", "视力筛查", "--db", db],
      ["check", path.join(sent, "vision.csv"), "--bogus"],
      ["check", path.join(sent, "没有这个文件.csv")],
      ["check"],
    ];
    const outputs = runs.map((args) => ({ args: args.slice(1).join(" "), ...run(...args) }));
    for (const { args, status, out } of outputs) {
      expect(status, args).not.toBe(0);
      expect(out.trim(), args).not.toBe("");
      // no stack trace, no English word a clerk would have to look up
      expect(out, args).not.toMatch(/\bat |Error|undefined|null/);
      expect(foreignWords(out), `${args}\n${out}`).toEqual([]);
    }
    const said = (file: string) => outputs.find((o) => o.args === `${path.join(sent, file)} --db ${db}`)!.out;
    expect(said("空的.csv")).toContain("文件是空的，没有任何数据");
    expect(said("损坏.xlsx")).toContain("文件名是 Excel 工作簿，内容却不是（可能已损坏）");
    // the rules broken are named in Chinese with the value as written
    const vision = said("vision.csv");
    expect(vision).toContain('第 4 行 [格式错误] 年度的值"20x1"无法识别，应为整数');
    expect(vision).toContain(
      '第 10 行 [学校不存在] 学校代码"S01 第二中学"的代码与名称不符：S01 是第一小学，第二中学的代码是 S02',
    );
  }, 600_000);
});
