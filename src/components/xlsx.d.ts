// Types of xlsx.js for the unit tests (src/ itself is not type-checked).
export type XlsxCell = string | number | null | { value: number; format?: string };
export declare function columnName(index: number): string;
export declare function xlsxBytes(sheets: { name: string; header: string[]; rows: XlsxCell[][] }[]): Uint8Array;
