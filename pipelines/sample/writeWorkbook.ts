// Some sample files are Excel workbooks, as schools send them: the last year's health as .xlsx and
// teacher_pay as .xls (Excel 97–2003). Same rows and defects as the CSV would have; a defect's line is
// the row Excel shows and its file is `file.xlsx#工作表`, as the reader names it. Fixed workbook
// properties keep the bytes the same for the same seed.
import * as XLSX from "@e965/xlsx";
import type { Dataset } from "../lib/seeds.ts";
import { headerOf, type Defect, type Table } from "./table.ts";
import { writeTable, type DefectAt, type Written } from "./writeCsv.ts";

type Kind = "xlsx" | "xls";

/** The workbook kind a table is written as, or undefined for a CSV. */
export function workbookKindOf(table: Table, years: number[]): Kind | undefined {
  const last = years[years.length - 1];
  if (table.file === `health/${last}.csv`) return "xlsx";
  if (table.file === `teacher_pay/${last}.csv`) return "xls";
  return undefined;
}

/** A sample file: a workbook for the tables chosen above, else the CSV writer's bytes. */
export function writeSampleFile(table: Table, ds: Dataset, years: number[]): Written {
  const kind = workbookKindOf(table, years);
  return kind ? writeWorkbook(table, ds, kind, years[years.length - 1]) : writeTable(table, ds);
}

const plainNumber = /^-?\d+(\.\d+)?$/;

function cellOf(text: string, numeric: boolean): XLSX.CellObject | undefined {
  if (text === "") return undefined;
  // Numbers of number columns are numbers; "2,038" and "无" stay text, as typed into a text cell.
  return numeric && plainNumber.test(text) ? { t: "n", v: Number(text) } : { t: "s", v: text };
}

export function writeWorkbook(table: Table, ds: Dataset, kind: Kind, year: number): Written {
  const { layout } = table;
  const sheetName = ds.nameZh;
  const numeric = table.columns.map((c) => ["int", "number"].includes(ds.columns.find((x) => x.column === c)!.type));
  const rows: { cells: (XLSX.CellObject | undefined)[]; defect?: Defect; merged?: boolean }[] = [];
  const width = table.columns.length;
  // A workbook always has a title row, merged across the table, as Excel users make them.
  const title = layout.title ?? `沙坪坝区${year}年${sheetName}报表（示例数据）`;
  rows.push({ cells: [{ t: "s", v: title }], merged: true }, { cells: [] });
  rows.push({ cells: table.columns.map((c) => ({ t: "s", v: headerOf(ds, c, layout) })) });
  const firstData = rows.length;
  for (const row of table.rows)
    rows.push({ cells: table.columns.map((c, i) => cellOf(row.cells[c] ?? "", numeric[i])), defect: row.defect });
  if (layout.totals) {
    const last = rows.length;
    const cells = table.columns.map((c, i): XLSX.CellObject | undefined => {
      if (i === 0) return { t: "s", v: "合计" };
      if (!layout.totals!.includes(c)) return undefined;
      const sum = rows.slice(firstData).reduce((n, r) => n + (r.cells[i]?.t === "n" ? Number(r.cells[i]!.v) : 0), 0);
      const col = XLSX.utils.encode_col(i);
      return { t: "n", v: sum, f: `SUM(${col}${firstData + 1}:${col}${last})` };
    });
    rows.push({ cells, defect: { code: "totals_row", note: "合计行（应识别为合计行，不入库）" } });
  }
  if (layout.footer) rows.push({ cells: [{ t: "s", v: layout.footer }], merged: true });

  const sheet: XLSX.WorkSheet = {};
  const merges: XLSX.Range[] = [];
  const defects: DefectAt[] = [];
  const file = table.file.replace(/\.csv$/, `.${kind}`);
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    });
    if (row.merged) merges.push({ s: { r, c: 0 }, e: { r, c: width - 1 } });
    if (row.defect) defects.push({ file: `${file}#${sheetName}`, line: r + 1, ...row.defect });
  });
  sheet["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } });
  sheet["!merges"] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  if (kind === "xlsx")
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["本工作簿为示例数据（合成），非真实数据。"]]), "说明");
  book.Props = { Title: sheetName, Author: "示例数据", CreatedDate: new Date(Date.UTC(year, 10, 20)) };
  const bytes = XLSX.write(book, { type: "buffer", bookType: kind === "xls" ? "biff8" : "xlsx", compression: true });
  return { file, bytes, encoding: kind, dataRows: table.rows.length, defects };
}
