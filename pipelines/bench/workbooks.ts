// The workbook limits under load: `npm run check` on workbooks written byte by byte (rawXlsx.ts) —
// the worst shape just under the unpacked-size cap (short numeric cells, no styles part), a cell in
// column XFD below many rows, and 20,000 overlapping merged ranges in a few kilobytes. Each is timed
// and its peak memory read as a user would run it; the README's limits table quotes the figures.
import fs from "node:fs";
import path from "node:path";
import { maxUnpackedBytes } from "../ingest/workbook/limits.ts";
import { npmRun, type Measured } from "./measure.ts";
import { cellXml, rawXlsx, rowXml } from "./rawXlsx.ts";

export interface WorkbookCase {
  title: string;
  fileBytes: number;
  unpackedBytes: number;
  measured: Measured;
}

const header = ["年度", "学校代码", "年级", "在籍学生数", "筛查人数", "近视人数"];

/** Rows of short numeric cells until the sheet's XML reaches `bytes`. */
function numericRows(bytes: number, extra?: (r: number) => string): { rows: string; count: number } {
  const parts = [rowXml(1, header, extra?.(1))];
  let size = parts[0].length;
  let r = 2;
  for (; size < bytes; r++) {
    const row = rowXml(r, [2021, 101, (r % 9) + 1, 200, 100, 30], extra?.(r));
    parts.push(row);
    size += row.length;
  }
  return { rows: parts.join(""), count: r - 1 };
}

async function measure(work: string, name: string, title: string, book: Uint8Array, unpacked: number) {
  const file = path.join(work, name);
  fs.writeFileSync(file, book);
  const measured = await npmRun("check", [file]);
  fs.rmSync(file);
  return { title, fileBytes: book.length, unpackedBytes: unpacked, measured };
}

export async function benchWorkbooks(work: string): Promise<WorkbookCase[]> {
  const cases: WorkbookCase[] = [];
  const nearCap = numericRows(maxUnpackedBytes - 6 * 1024 * 1024);
  cases.push(
    await measure(
      work,
      "视力筛查-上限.xlsx",
      `接近解压上限（${nearCap.count.toLocaleString("zh-CN")} 行短数字单元格，无样式）`,
      rawXlsx([{ name: "视力筛查", rows: nearCap.rows }]),
      nearCap.rows.length,
    ),
  );
  const xfd = numericRows(2 * 1024 * 1024, (r) => (r % 100 === 1 ? cellXml(`XFD${r}`, "x") : ""));
  cases.push(
    await measure(
      work,
      "视力筛查-XFD.xlsx",
      `XFD 列有单元格（${xfd.count.toLocaleString("zh-CN")} 行）`,
      rawXlsx([{ name: "视力筛查", rows: xfd.rows }]),
      xfd.rows.length,
    ),
  );
  const small = numericRows(1);
  const merges = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? "A1:F1048576" : "B2:XFD1048576"));
  cases.push(
    await measure(
      work,
      "视力筛查-合并.xlsx",
      "20,000 处相互重叠的合并单元格",
      rawXlsx([{ name: "视力筛查", rows: small.rows, merges }]),
      small.rows.length,
    ),
  );
  return cases;
}
