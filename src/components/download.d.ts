// Types of download.js for the unit tests (src/ itself is not type-checked).
export type Cell = string | number | null | { value: number | null; format: string };
export declare function tableCells<R>(
  columns: {
    key: string;
    label: string;
    numeric?: boolean;
    value?: (row: R) => unknown;
    unit?: string | ((row: R) => string);
    share?: (row: R) => boolean;
  }[],
  rows: R[],
  shown: (row: R, column: { key: string }) => string,
): { header: string[]; rows: Cell[][] };
export declare function workbookBlob(table: { header: string[]; rows: Cell[][] }): Promise<Blob>;
