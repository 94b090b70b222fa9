// Types of spreadsheet.js for the Node side (src/ itself is not type-checked).
export declare function sheetFormat(unit: string, share?: boolean): string;
export declare function sheetValue(value: number | null | undefined, unit: string, share?: boolean): number | null;
export declare function unitHeaderWords(unit: string, share?: boolean): string;
