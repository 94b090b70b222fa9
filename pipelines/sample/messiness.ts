// How real files differ from the template: cell spellings and a few deliberately bad rows.
import type { Rng } from "./prng.ts";
import type { Defect, Row } from "./table.ts";

/** Ids that no school of the registry has (the registry stops at 9000 schools). */
export const unknownSchoolIds = ["5001069901", "5001069902", "5001069903"];

export function fullWidth(text: string): string {
  return text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** `1234567.5` → `1,234,567.5` (written quoted, as Excel does). */
export function thousands(text: string): string {
  const [int, frac] = text.split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
}

export const padded = (text: string) => ` ${text}  `;

/** The spellings of "no value" seen in real files. */
export const noValue = ["—", "/", "无", "-", ""];

/** Rewrites a column in every `every`-th row (starting at `offset`) that carries no defect. */
export function sprinkle(rows: Row[], column: string, every: number, change: (cell: string) => string, offset = 0) {
  for (let i = offset; i < rows.length; i += every) {
    const cells = rows[i].cells;
    if (!rows[i].defect && cells[column] !== undefined && cells[column] !== "") cells[column] = change(cells[column]);
  }
}

/** Turns a random good row (one that `fits`) into a bad one; returns it. */
export function corrupt(
  rows: Row[],
  rng: Rng,
  change: Record<string, string>,
  defect: Defect,
  fits: (row: Row) => boolean = () => true,
): Row | undefined {
  const start = rng.int(0, rows.length - 1);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[(start + k) % rows.length];
    if (row.defect || !fits(row)) continue;
    Object.assign(row.cells, change);
    row.defect = defect;
    return row;
  }
  return undefined;
}

/** Inserts a bad row at a random place after the first row. */
export function insert(rows: Row[], rng: Rng, cells: Record<string, string>, defect: Defect) {
  rows.splice(rng.int(1, Math.max(1, rows.length - 1)), 0, { cells, defect });
}

/** Inserts a copy of a random good row right after a later row, so the first one stays. */
export function duplicate(rows: Row[], rng: Rng, change: Record<string, string>, note: string) {
  const i = rng.int(0, Math.max(0, rows.length - 3));
  const original = rows[i];
  if (original.defect) return duplicate(rows, rng, change, note);
  rows.splice(i + 2, 0, { cells: { ...original.cells, ...change }, defect: { code: "duplicate_key", note } });
}

export const footer = (year: number) =>
  `填表人：示例填表员　审核人：示例审核员　填报日期：${year}年11月20日（本表为示例数据）`;
