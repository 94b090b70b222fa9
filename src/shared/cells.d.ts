// Types of cells.js for `npm run export` (src/ itself is not type-checked).
export declare function neutralise<T>(value: T): T | string;
export declare function csvText(header: unknown[], rows: unknown[][]): string;
