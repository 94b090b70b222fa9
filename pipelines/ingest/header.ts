// Finding the header below title rows and mapping its cells to the dictionary's columns.
import type { Column, Dataset } from "../lib/seeds.ts";
import type { RawRecord } from "./table.ts";

/** A header cell as compared: NFKC, no whitespace, lower case. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();
}

export interface HeaderMap {
  /** Index of the header record within the file's records. */
  index: number;
  /** Header cells as written. */
  cells: string[];
  /** Column of the dictionary → position in the record. */
  positions: Map<string, number>;
  missingRequired: Column[];
}

function matchCells(cells: string[], ds: Dataset): Map<string, number> {
  const byKey = new Map<string, string>();
  for (const c of ds.columns) {
    byKey.set(headerKey(c.zhHeader), c.column);
    byKey.set(headerKey(c.column), c.column);
  }
  const positions = new Map<string, number>();
  cells.forEach((cell, i) => {
    const column = byKey.get(headerKey(cell));
    if (column && !positions.has(column)) positions.set(column, i);
  });
  return positions;
}

/** The record among the first ten that names the most columns of the dataset (at least two). */
export function findHeader(records: RawRecord[], ds: Dataset, searchRows = 10): HeaderMap | undefined {
  let best: HeaderMap | undefined;
  for (let i = 0; i < Math.min(records.length, searchRows); i++) {
    const positions = matchCells(records[i].cells, ds);
    if (positions.size >= Math.min(2, ds.columns.length) && positions.size > (best?.positions.size ?? 0)) {
      const missingRequired = ds.columns.filter((c) => c.required && !positions.has(c.column));
      best = { index: i, cells: records[i].cells, positions, missingRequired };
    }
  }
  return best;
}

/** The dataset whose header fits the file best, for files whose name does not tell. */
export function guessDataset(records: RawRecord[], datasets: Map<string, Dataset>): Dataset | undefined {
  let best: { ds: Dataset; score: number } | undefined;
  for (const ds of datasets.values()) {
    const header = findHeader(records, ds);
    if (!header || header.missingRequired.length) continue;
    const score = header.positions.size / ds.columns.length + header.positions.size;
    if (!best || score > best.score) best = { ds, score };
  }
  return best?.ds;
}

export function describeColumn(c: Column): string {
  return `“${c.zhHeader}”`;
}
