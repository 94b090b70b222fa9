import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readDictionary } from "../../pipelines/lib/seeds.ts";
import { sampleDir } from "../../pipelines/lib/paths.ts";
import { main } from "../../pipelines/sample/command.ts";
import { stageCounts, stageWeights } from "../../pipelines/sample/districts.ts";
import { generateDistrict } from "../../pipelines/sample/generate.ts";

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** Records with the physical line where each starts. */
function records(text: string): { line: number; cells: string[] }[] {
  const body = text.replace(/\r\n/g, "\n");
  const delimiter = body.split("\n", 5).join("").includes("\t") ? "\t" : ",";
  const parsed = parse(body, { delimiter, relax_column_count: true, raw: true, skip_empty_lines: false });
  let line = 1;
  return (parsed as unknown as { record: string[]; raw: string }[]).map(({ record, raw }) => {
    const r = { line, cells: record };
    line += raw.match(/\n/g)?.length ?? 1; // raw ends with its record delimiter
    return r;
  });
}

/** Rows of a workbook's sheet (`file.xlsx#工作表`) with the row number Excel shows, read by SheetJS. */
function sheetRows(at: string): { line: number; cells: string[] }[] {
  const [file, sheet] = at.split("#");
  const book = XLSX.read(fs.readFileSync(path.join(sampleDir, file)), { type: "buffer" });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet], { header: 1, blankrows: true, defval: "" });
  return rows.map((cells, i) => ({ line: i + 1, cells: cells.map(String) }));
}

const dataFile = /\.(csv|xlsx|xls)$/;

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sample-"));

describe("sample generator", () => {
  it("writes the same bytes for the same seed", async () => {
    const [a, b] = [tmp(), tmp()];
    expect(await main(["--out", a, "--schools", "30", "--seed", "7"])).toBe(0);
    expect(await main(["--out", b, "--schools", "30", "--seed", "7"])).toBe(0);
    const files = listFiles(a);
    expect(files).toEqual(listFiles(b));
    for (const f of files)
      expect(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), f).toBe(true);
    const c = generateDistrict({ schools: 30, seed: 8 });
    expect(c.files.some((f) => !f.bytes.equals(fs.readFileSync(path.join(a, f.file))))).toBe(true);
    for (const dir of [a, b]) fs.rmSync(dir, { recursive: true });
  });

  it("has files for every dataset of the dictionary", () => {
    const datasets = [...readDictionary().keys()];
    const files = listFiles(sampleDir);
    for (const ds of datasets)
      expect(
        files.some((f) => f.startsWith(`${ds}/`) && dataFile.test(f)),
        ds,
      ).toBe(true);
    expect(files.filter((f) => dataFile.test(f)).every((f) => datasets.includes(f.split("/")[0]))).toBe(true);
    // Some files are workbooks, so that `npm start` takes the workbook path too.
    expect(files.filter((f) => /\.xlsx?$/.test(f))).toEqual(["health/2021.xlsx", "teacher_pay/2021.xls"]);
  });

  it("keeps the committed sample in step with the generator", () => {
    const g = generateDistrict();
    for (const f of g.files) {
      const committed = fs.readFileSync(path.join(sampleDir, f.file));
      expect(committed.equals(f.bytes), `${f.file} is stale: run npm run sample`).toBe(true);
    }
    const total = listFiles(sampleDir).reduce((n, f) => n + fs.statSync(path.join(sampleDir, f)).size, 0);
    expect(total).toBeLessThan(8e6);
  });

  it("has every stage in proportion", () => {
    const counts = stageCounts(200);
    const sum = Object.values(stageWeights).reduce((a, b) => a + b, 0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(200);
    for (const [stage, w] of Object.entries(stageWeights)) {
      expect(counts[stage]).toBeGreaterThanOrEqual(1);
      expect(Math.abs(counts[stage] - (w * 200) / sum)).toBeLessThanOrEqual(1);
    }
    const schools = generateDistrict({ schools: 200 }).district.schools;
    expect(new Set(schools.map((s) => s.id)).size).toBe(200);
    expect(schools.filter((s) => s.stage === "kindergarten").length).toBe(counts.kindergarten);
    expect(schools.every((s) => /^500106\d{4}$/.test(s.id) && s.name.startsWith("示例"))).toBe(true);
  });

  it("writes GB18030, UTF-16LE and UTF-8 with BOM files that really are so encoded", () => {
    const schools = fs.readFileSync(path.join(sampleDir, "schools/schools.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(schools)).toThrow();
    expect(iconv.decode(schools, "gb18030")).toContain("学校代码,学校名称,办学类型");
    const unicodeText = fs.readFileSync(path.join(sampleDir, "vision/2021.csv"));
    expect([...unicodeText.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(iconv.decode(unicodeText.subarray(2), "utf16le")).toContain("年度\t学校代码\t年级");
    const bom = fs.readFileSync(path.join(sampleDir, "milestones/milestones.csv"));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("lists deliberate defects at lines where a data record starts", () => {
    const defects = JSON.parse(fs.readFileSync(path.join(sampleDir, "defects.json"), "utf8")) as {
      file: string;
      line: number;
      code: string;
    }[];
    const bad = defects.filter((d) => d.code !== "totals_row");
    expect(bad.length).toBeGreaterThanOrEqual(10);
    expect(bad.length).toBeLessThanOrEqual(30);
    for (const code of [
      "missing_required",
      "bad_type",
      "out_of_range",
      "unknown_school",
      "wrong_section",
      "inconsistent",
      "duplicate_key",
    ])
      expect(
        bad.some((d) => d.code === code),
        code,
      ).toBe(true);
    const readme = fs.readFileSync(path.join(sampleDir, "README.md"), "utf8");
    for (const d of defects) {
      const recs = d.file.includes("#")
        ? sheetRows(d.file)
        : records(decode(fs.readFileSync(path.join(sampleDir, d.file))));
      const at = recs.find((r) => r.line === d.line);
      expect(at, `${d.file}:${d.line}`).toBeDefined();
      if (d.code === "totals_row") expect(at!.cells).toContain("合计");
      if (d.code !== "totals_row") expect(readme).toContain(`| ${d.file} | ${d.line} | ${d.code} |`);
    }
  });
});
