// Workbooks built to hurt, each written byte by byte in the test (pipelines/bench/rawXlsx.ts): a cell in
// column XFD, tens of thousands of merged ranges. Each fails or is clipped alone, says why in Chinese
// in ingest_log, and the other files of the run load. Time and memory are measured in `npm run bench`.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { openWorkbook } from "../../../pipelines/ingest/workbook/workbook.ts";
import { sheetColumns } from "../../../pipelines/ingest/workbook/sheets.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type Files, type TempWarehouse } from "../../helpers/ingest.ts";
import { cellXml, rawXlsx, rowXml } from "../../../pipelines/bench/rawXlsx.ts";

process.env.STUDENT_ID_SALT = "test-salt-hostile-workbooks-0123456789abcdef";

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办");
const header = ["年度", "学校代码", "年级", "在籍学生数", "筛查人数", "近视人数"];
const good = csv(header.join(","), "2021,S01,一年级,200,100,30");

let open: TempWarehouse[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.cleanup();
});

async function ingest(files: Files) {
  const w = await tempWarehouse();
  open.push(w);
  const input = writeFiles(tempDir(), { "schools/schools.csv": schools, ...files });
  await runIngest(w.connection, { input, isSample: false });
  fs.rmSync(input, { recursive: true });
  const logs = await w.rows<{ source_file: string; status: string; rows_loaded: number; message: string | null }>(
    "select source_file, status, rows_loaded, message from ingest_log where dataset is distinct from 'schools' order by source_file",
  );
  return { w, logs };
}

describe("a workbook with a cell in column XFD", () => {
  const rows = [
    rowXml(1, header, cellXml("XFD1", "备注")),
    rowXml(2, [2021, "S01", "一年级", 200, 100, 30]),
    rowXml(3, [2021, "S01", "二年级", 200, 100, 40], cellXml("XFD3", "多出来的")),
  ].join("");
  const book = rawXlsx([{ name: "视力筛查", rows }]);

  it("reads only the dataset's columns plus a margin, before any row is built", () => {
    const opened = openWorkbook(book, "xlsx", sheetColumns(undefined, readDictionary()));
    if (!opened.ok) throw new Error(opened.message);
    const [sheet] = opened.sheets;
    // vision has 9 dictionary columns; 26 more are read (A–AI); the text is 6 columns wide.
    expect(sheet.maxColumns).toBe(35);
    expect(sheet.records.map((r) => r.cells.length)).toEqual([6, 6, 6]);
    expect(sheet.clippedRows).toEqual([1, 3]);
  });

  it("loads its rows, names the rows whose far cells were not read, and the other files load", async () => {
    const { logs } = await ingest({ "vision/xfd.xlsx": book, "vision/other.csv": good });
    expect(logs).toEqual([
      { source_file: "vision/other.csv", status: "loaded", rows_loaded: 1, message: null },
      {
        source_file: "vision/xfd.xlsx#视力筛查",
        status: "loaded",
        rows_loaded: 2,
        message: "只读取了 A 至 AI 列，AI 列右侧的内容未读取：第 1、3 行",
      },
    ]);
  });
});

describe("merged ranges", () => {
  const data = ["一年级", "二年级", "三年级"].map((grade, i) =>
    rowXml(i + 2, [2021, i ? "" : "S01", grade, 200, 100, 30]),
  );

  it("a range down to row 1,048,576 fills only the rows that exist", async () => {
    const book = rawXlsx([{ name: "视力筛查", rows: rowXml(1, header) + data.join(""), merges: ["B2:B1048576"] }]);
    const { w, logs } = await ingest({ "vision/merged.xlsx": book });
    expect(logs.map((l) => [l.status, l.rows_loaded])).toEqual([["loaded", 3]]);
    expect(await w.rows("select school_id, source_line from vision order by source_line")).toEqual([
      { school_id: "S01", source_line: 2 },
      { school_id: "S01", source_line: 3 },
      { school_id: "S01", source_line: 4 },
    ]);
  });

  it("20,000 overlapping ranges in a few kilobytes fail that workbook alone, in Chinese", async () => {
    const merges = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? "A1:F1048576" : "B2:XFD1048576"));
    const book = rawXlsx([{ name: "视力筛查", rows: rowXml(1, header) + data.join(""), merges }]);
    expect(book.length).toBeLessThan(10_000);
    const { logs } = await ingest({ "vision/merges.xlsx": book, "vision/other.csv": good });
    expect(logs).toEqual([
      { source_file: "vision/merges.xlsx#视力筛查", status: "failed", rows_loaded: 0, message: expect.any(String) },
      { source_file: "vision/other.csv", status: "loaded", rows_loaded: 1, message: null },
    ]);
    expect(logs[0].message).toBe(
      "工作表有 20000 处合并单元格相互重叠（Excel 不会保存这样的文件），无法判断单元格的值：请在 Excel 或 WPS 中取消合并后重新保存",
    );
  });
});
