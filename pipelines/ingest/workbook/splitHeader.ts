// A header split over two rows by merged cells, as real workbooks have it:
//   | 学校代码 | 视力不良人数（merged over three columns） |
//   |   (merged down)   | 轻度 | 中度 | 重度 |
// becomes one header record whose cells name the dictionary's columns (轻度视力不良人数 …).
import type * as XLSX from "@e965/xlsx";
import type { Dataset } from "../../lib/seeds.ts";
import { findHeader, headerKey } from "../header.ts";
import type { WorkbookRecord } from "./workbook.ts";

/** The header cell of a column from its upper and lower cells: whichever joining the dictionary knows. */
function joinCell(top: string, bottom: string, known: Set<string>): string {
  if (bottom.trim() === "" || headerKey(top) === headerKey(bottom)) return top;
  if (top.trim() === "") return bottom;
  const candidates = [top + bottom, bottom + top, bottom, top];
  return candidates.find((c) => known.has(headerKey(c))) ?? top + bottom;
}

/** True when a merged range starts on `row` (0-based) and reaches into the next row or across columns. */
function mergedAt(merges: XLSX.Range[], row: number): boolean {
  return merges.some((m) => m.s.r === row && (m.e.r > m.s.r || m.e.c > m.s.c));
}

/**
 * The records with two header rows joined into one, when some pair of adjacent rows among the
 * first ten starts with a merged cell and joining them names more of the dataset's columns.
 */
export function joinSplitHeader(records: WorkbookRecord[], merges: XLSX.Range[], ds: Dataset): WorkbookRecord[] {
  const known = new Set(ds.columns.flatMap((c) => [headerKey(c.zhHeader), headerKey(c.column)]));
  let best = records;
  let named = findHeader(records, ds)?.positions.size ?? 0;
  for (let i = 0; i + 1 < Math.min(records.length, 10); i++) {
    const [upper, lower] = [records[i], records[i + 1]];
    if (lower.line !== upper.line + 1 || !mergedAt(merges, upper.line - 1)) continue;
    const cells = upper.cells.map((top, c) => joinCell(top, lower.cells[c] ?? "", known));
    const joined = [...records.slice(0, i), { line: upper.line, cells, formulas: [] }, ...records.slice(i + 2)];
    const size = findHeader(joined, ds)?.positions.size ?? 0;
    if (size > named) [best, named] = [joined, size];
  }
  return best;
}
