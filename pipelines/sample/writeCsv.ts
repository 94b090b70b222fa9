// Lays a table out as the bytes of a real export: title, header, rows, totals, footer, encoding.
import iconv from "iconv-lite";
import type { Dataset } from "../lib/seeds.ts";
import { headerOf, type Defect, type Table } from "./table.ts";

export interface DefectAt extends Defect {
  file: string;
  /** 1-based physical line where the record starts (title rows and blank lines counted). */
  line: number;
}

export interface Written {
  file: string;
  bytes: Buffer;
  dataRows: number;
  encoding: Table["layout"]["encoding"] | "xlsx" | "xls";
  defects: DefectAt[];
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function sum(table: Table, column: string): string {
  let total = 0;
  for (const row of table.rows) {
    const n = Number((row.cells[column] ?? "").normalize("NFKC").replace(/[,\s]/g, ""));
    if (Number.isFinite(n)) total += n;
  }
  return String(Math.round(total * 100) / 100);
}

export function writeTable(table: Table, ds: Dataset): Written {
  const { layout } = table;
  const d = layout.delimiter ?? ",";
  const eol = layout.eol ?? "\n";
  const width = table.columns.length + (layout.extra ? 1 : 0);
  const records: { cells: string[]; defect?: Defect }[] = [];
  if (layout.title) {
    records.push({ cells: [layout.title, ...Array(layout.padTitle ? width - 1 : 0).fill("")] });
    records.push({ cells: layout.padTitle ? Array(width).fill("") : [""] });
  }
  const header = table.columns.map((c) => headerOf(ds, c, layout));
  if (layout.extra) header.push(layout.extra.header);
  records.push({ cells: header });
  table.rows.forEach((row, i) => {
    const cells = table.columns.map((c) => row.cells[c] ?? "");
    if (layout.extra) cells.push(layout.extra.value(row, i));
    records.push({ cells, defect: row.defect });
  });
  if (layout.totals) {
    const first = table.columns.find((c) => c !== "year") ?? table.columns[0];
    const cells = table.columns.map((c) => (c === first ? "合计" : layout.totals!.includes(c) ? sum(table, c) : ""));
    if (layout.extra) cells.push("");
    records.push({ cells, defect: { code: "totals_row", note: "合计行（应识别为合计行，不入库）" } });
  }
  if (layout.footer) records.push({ cells: [layout.footer] });

  const defects: DefectAt[] = [];
  let line = 1;
  let text = "";
  for (const r of records) {
    const record = r.cells.map((c) => quote(c, d)).join(d);
    if (r.defect) defects.push({ file: table.file, line, ...r.defect });
    line += 1 + (record.match(/\n/g)?.length ?? 0);
    text += record + eol;
  }
  return {
    file: table.file,
    bytes: encode(text, layout.encoding),
    encoding: layout.encoding,
    dataRows: table.rows.length,
    defects,
  };
}

export function encode(text: string, encoding: Table["layout"]["encoding"]): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.from("\uFEFF" + text, "utf8");
    case "gb18030":
      return iconv.encode(text, "gb18030");
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]);
  }
}
