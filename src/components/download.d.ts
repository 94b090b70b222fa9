// Types of download.js for the unit tests (src/ itself is not type-checked).
export type Cell = string | number | null | { value: number; format: string; text: string };
export declare function numericCell(text: string): Cell;
export declare function tableCells(
  columns: { label: string; numeric?: boolean }[],
  shown: string[][],
): { header: string[]; rows: Cell[][] };
