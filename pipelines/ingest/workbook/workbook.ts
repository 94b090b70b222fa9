// Opening an .xlsx or .xls workbook (SheetJS, @e965/xlsx) and turning each sheet into the records the
// CSV reader produces: one record per visible non-blank row, its line the row number Excel shows.
// SheetJS never evaluates a formula (a formula cell gives the value the file saved) and never
// follows an external link; the limits in limits.ts unpack an .xlsx before it sees the parts.
import * as XLSX from "@e965/xlsx";
import { cellText } from "./cells.ts";
import { unpackWorkbook, widestColumns, type UnpackedParts } from "./limits.ts";
import { clipMerges, fillMerges, type BuiltRow } from "./merges.ts";
import type { RawRecord } from "../table.ts";

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
  /** Excel row numbers of rows with text beyond the columns read (that text is not read). */
  clippedRows: number[];
  /** How many columns were read, from column A. */
  maxColumns: number;
  /** Merged ranges, 0-based, clipped to the rows and columns read. */
  merges: XLSX.Range[];
  /** Why the sheet cannot be read at all, in Chinese. */
  problem?: string;
}

export type OpenedWorkbook = { ok: true; kind: "xlsx" | "xls"; sheets: Sheet[] } | { ok: false; message: string };

/**
 * Opens a workbook; `maxColumns` says how many columns of a sheet (by its name) to read, from column A
 * (sheets.ts: the dictionary's columns of the sheet's dataset plus a margin).
 */
export function openWorkbook(
  bytes: Uint8Array,
  kind: "xlsx" | "xls",
  maxColumns: (sheet: string) => number = () => widestColumns(),
): OpenedWorkbook {
  const parts = unpackWorkbook(bytes, kind);
  if (typeof parts === "string") return { ok: false, message: parts };
  let book: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = {
      type: "buffer",
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellStyles: true, // hidden rows
      sheetStubs: true, // as XLSX.read sets with cellStyles
      cellHTML: false,
      bookVBA: false,
    };
    book = parts ? parseParts(parts, options) : XLSX.read(bytes, options);
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
    sheetOf(name, book.Sheets[name], Boolean(book.Workbook?.Sheets?.[i]?.Hidden), date1904, maxColumns(name)),
  );
  return { ok: true, kind, sheets };
}

/** Styles of a workbook that has none: without them SheetJS fails (and catches) once per cell, 10 times slower. */
const plainStyles = new TextEncoder().encode(
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fills count="1"><fill><patternFill patternType="none"/></fill></fills><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>',
);
const stylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** An .xlsx parsed from the parts unpackWorkbook counted (SheetJS's own ZIP reader never runs). */
function parseParts(parts: UnpackedParts, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const { name, data } of parts) {
    let content = data;
    if (name === "[Content_Types].xml") {
      const types = new TextDecoder().decode(data);
      if (!types.includes(stylesType) && types.includes("</Types>")) {
        const override = `<Override PartName="/xl/plain-styles.xml" ContentType="${stylesType}"/></Types>`;
        content = new TextEncoder().encode(types.replace("</Types>", override));
        XLSX.CFB.utils.cfb_add(cfb, "xl/plain-styles.xml", plainStyles, { unsafe: true });
      }
    }
    XLSX.CFB.utils.cfb_add(cfb, name, content, { unsafe: true });
  }
  return (XLSX as unknown as { parse_zip: (zip: unknown, o: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip(
    cfb,
    options,
  );
}

function sheetOf(
  name: string,
  ws: XLSX.WorkSheet | undefined,
  hidden: boolean,
  date1904: boolean,
  maxColumns: number,
): Sheet {
  const data = (ws?.["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const rowInfo = (ws?.["!rows"] ?? []) as (XLSX.RowInfo | undefined)[];
  const rows: (BuiltRow & { formulas: WorkbookRecord["formulas"] })[] = [];
  const hiddenRows: number[] = [];
  const clippedRows: number[] = [];
  let width = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const cells: string[] = [];
    const formulas: WorkbookRecord["formulas"] = [];
    // Only the first maxColumns cells are read: one cell in column XFD must not make every row 16,384 wide.
    const kept = Math.min(row.length, maxColumns);
    for (let c = 0; c < kept; c++) {
      const read = cellText(row[c], date1904);
      cells.push(read.text);
      if (read.formula !== undefined) formulas.push({ column: c, formula: read.formula });
    }
    const beyond = row.length > maxColumns && cellText(row[row.length - 1], date1904).text.trim() !== "";
    if (cells.every((t) => t.trim() === "")) {
      if (beyond) clippedRows.push(r + 1);
      continue;
    }
    if (rowInfo[r]?.hidden) {
      hiddenRows.push(r + 1);
      continue;
    }
    if (beyond) clippedRows.push(r + 1);
    rows.push({ r, cells, formulas });
    let last = cells.length;
    while (last > 0 && cells[last - 1].trim() === "") last--;
    width = Math.max(width, last);
  }
  const merges = clipMerges((ws?.["!merges"] ?? []) as XLSX.Range[], data.length, width);
  const problem = fillMerges(rows, merges, width);
  const records = rows.map(({ r, cells, formulas }) => ({
    line: r + 1,
    cells: Array.from({ length: width }, (_, c) => cells[c] ?? ""),
    formulas,
  }));
  return { name, hidden, records, hiddenRows, clippedRows, maxColumns, merges, problem };
}

/** `A`, `B`, … `AA`: a 0-based column as Excel names it. */
export const columnLetter = (column: number) => XLSX.utils.encode_col(column);
