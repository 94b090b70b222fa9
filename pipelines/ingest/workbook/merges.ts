// Merged cells of a sheet: each range clipped to the rows and columns that were read, then its value
// copied into the empty cells it covers. Work is bounded by the cells read, not by the ranges' extent:
// a range reaching row 1,048,576 visits only the rows that hold text, found by binary search, and
// ranges that overlap (Excel never saves such a file) stop the sheet once they would cover more cells
// than the sheet has.
import type * as XLSX from "@e965/xlsx";

export interface BuiltRow {
  /** 0-based row index in the sheet. */
  r: number;
  cells: string[];
}

/** The first index of `rows` (sorted by r) whose row is at or below `r`. */
function firstAtOrBelow(rows: BuiltRow[], r: number): number {
  let [lo, hi] = [0, rows.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].r < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ranges clipped to rows `[0, rowCount)` and columns `[0, width)`; ranges left empty are dropped. */
export function clipMerges(merges: XLSX.Range[], rowCount: number, width: number): XLSX.Range[] {
  const clipped: XLSX.Range[] = [];
  for (const m of merges) {
    if (m.s.r >= rowCount || m.s.c >= width || m.e.r < m.s.r || m.e.c < m.s.c) continue;
    clipped.push({ s: m.s, e: { r: Math.min(m.e.r, rowCount - 1), c: Math.min(m.e.c, width - 1) } });
  }
  return clipped;
}

/**
 * Copies each range's value into the empty cells it covers in `rows` (sorted by r). Returns a Chinese
 * sentence when the ranges overlap so much that they cover more cells than the rows hold, else undefined.
 */
export function fillMerges(rows: BuiltRow[], merges: XLSX.Range[], width: number): string | undefined {
  let budget = rows.length * width + merges.length;
  const byRow = new Map(rows.map((row, i) => [row.r, i]));
  for (const m of merges) {
    const at = byRow.get(m.s.r);
    const value = at === undefined ? "" : (rows[at].cells[m.s.c] ?? "");
    if (value === "") continue;
    for (let i = firstAtOrBelow(rows, m.s.r); i < rows.length && rows[i].r <= m.e.r; i++) {
      budget -= m.e.c - m.s.c + 1;
      if (budget < 0)
        return `工作表有 ${merges.length} 处合并单元格相互重叠（Excel 不会保存这样的文件），无法判断单元格的值：请在 Excel 或 WPS 中取消合并后重新保存`;
      const cells = rows[i].cells;
      for (let c = m.s.c; c <= m.e.c; c++) if ((cells[c] ?? "") === "") cells[c] = value;
    }
  }
  return undefined;
}
