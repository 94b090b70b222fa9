// A sample file before it is written: canonical columns, rows of cell text, how it is laid out.
import type { Dataset } from "../lib/seeds.ts";

/** A deliberate defect: the reject reason code the reader should give, and a Chinese note. */
export interface Defect {
  code: string;
  note: string;
}

export interface Row {
  /** Canonical column → cell text as it will be written. */
  cells: Record<string, string>;
  defect?: Defect;
}

export interface Layout {
  encoding: "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le";
  /** Tab for Excel's "Unicode text"; comma otherwise. */
  delimiter?: "," | "\t";
  eol?: "\n" | "\r\n";
  /** Header with canonical English names instead of the Chinese template headers. */
  english?: boolean;
  /** Header text as written for some columns (stray spaces, full-width parentheses). */
  headers?: Record<string, string>;
  /** A title row above the header, then a blank line. */
  title?: string;
  /** Pad the title row with empty cells, as Excel does. */
  padTitle?: boolean;
  /** An extra column the template lacks, with its header and one value per row. */
  extra?: { header: string; value: (row: Row, index: number) => string };
  /** A 合计 row below the data, summing the listed columns. */
  totals?: string[];
  footer?: string;
}

export interface Table {
  dataset: string;
  /** Path below the output folder, `/` separators: `vision/2021.csv`. */
  file: string;
  columns: string[];
  rows: Row[];
  layout: Layout;
}

export function headerOf(ds: Dataset, column: string, layout: Layout): string {
  if (layout.headers?.[column] !== undefined) return layout.headers[column];
  if (layout.english) return column;
  const c = ds.columns.find((x) => x.column === column);
  if (!c) throw new Error(`unknown column ${ds.name}.${column}`);
  return c.zhHeader;
}

/** Cell text for a number with a fixed count of decimals, without trailing zeros. */
export function num(x: number, decimals = 0): string {
  return String(Number(x.toFixed(decimals)));
}
