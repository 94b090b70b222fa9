// Opening an .xlsx or .xls workbook (SheetJS, @e965/xlsx) and turning each sheet into the records the
// CSV reader produces: one record per visible non-blank row, its line the row number Excel shows.
// SheetJS never evaluates a formula (a formula cell gives the value the file saved) and never
// follows an external link; the limits in workbookLimits.ts run before it sees the bytes.
import * as XLSX from "@e965/xlsx";
import { cellText } from "./workbookCells.ts";
import { workbookLimitProblem } from "./workbookLimits.ts";
import type { RawRecord } from "./table.ts";

/** A row of a sheet; `formulas` are its cells holding a formula whose value the file did not save. */
export interface WorkbookRecord extends RawRecord {
  formulas: { column: number; formula: string }[];
}

export interface Sheet {
  name: string;
  hidden: boolean;
  /** Visible rows with any text, merged cells filled with their value, all as wide as the sheet's text. */
  records: WorkbookRecord[];
  /** Excel row numbers of hidden rows that hold text (skipped). */
  hiddenRows: number[];
  /** Merged ranges, 0-based. */
  merges: XLSX.Range[];
}

export type OpenedWorkbook = { ok: true; kind: "xlsx" | "xls"; sheets: Sheet[] } | { ok: false; message: string };

export function openWorkbook(bytes: Uint8Array, kind: "xlsx" | "xls"): OpenedWorkbook {
  const limit = workbookLimitProblem(bytes, kind);
  if (limit) return { ok: false, message: limit };
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, {
      type: "buffer",
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellStyles: true, // hidden rows
      cellHTML: false,
      bookVBA: false,
    });
  } catch (error) {
    const text = String((error as Error).message ?? error);
    if (process.env.DEBUG) console.error(error);
    if (/password|encrypt/i.test(text))
      return { ok: false, message: "工作簿设有打开密码（已加密），无法读取：请取消密码后再发送" };
    return {
      ok: false,
      message: `无法读取 Excel 工作簿（.${kind}），文件可能已损坏：请在 Excel 或 WPS 中打开后重新保存`,
    };
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheets = book.SheetNames.map((name, i) =>
    sheetOf(name, book.Sheets[name], Boolean(book.Workbook?.Sheets?.[i]?.Hidden), date1904),
  );
  return { ok: true, kind, sheets };
}

function sheetOf(name: string, ws: XLSX.WorkSheet | undefined, hidden: boolean, date1904: boolean): Sheet {
  const data = (ws?.["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const rowInfo = (ws?.["!rows"] ?? []) as (XLSX.RowInfo | undefined)[];
  const rows: { r: number; cells: string[]; formulas: WorkbookRecord["formulas"] }[] = [];
  const hiddenRows: number[] = [];
  let width = 0;
  data.forEach((row, r) => {
    if (!row) return;
    const cells: string[] = [];
    const formulas: WorkbookRecord["formulas"] = [];
    row.forEach((cell, c) => {
      const read = cellText(cell, date1904);
      cells[c] = read.text;
      if (read.formula !== undefined) formulas.push({ column: c, formula: read.formula });
    });
    const filled = Array.from(cells, (t) => t ?? "");
    if (filled.every((t) => t.trim() === "")) return;
    if (rowInfo[r]?.hidden) return void hiddenRows.push(r + 1);
    rows.push({ r, cells: filled, formulas });
    let last = filled.length;
    while (last > 0 && filled[last - 1].trim() === "") last--;
    width = Math.max(width, last);
  });
  const merges = (ws?.["!merges"] ?? []) as XLSX.Range[];
  const byRow = new Map(rows.map((row) => [row.r, row]));
  for (const m of merges) {
    const value = byRow.get(m.s.r)?.cells[m.s.c] ?? "";
    if (value === "") continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = byRow.get(r);
      if (!row) continue;
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) if ((row.cells[c] ?? "") === "") row.cells[c] = value;
    }
  }
  const records = rows.map(({ r, cells, formulas }) => ({
    line: r + 1,
    cells: Array.from({ length: width }, (_, c) => cells[c] ?? ""),
    formulas,
  }));
  return { name, hidden, records, hiddenRows, merges };
}

/** `A`, `B`, … `AA`: a 0-based column as Excel names it. */
export const columnLetter = (column: number) => XLSX.utils.encode_col(column);
