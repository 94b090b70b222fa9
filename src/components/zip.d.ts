// Types of zip.js for the unit tests (src/ itself is not type-checked).
export declare function crc32(bytes: Uint8Array): number;
export declare function zipStored(files: { name: string; data: string | Uint8Array }[]): Uint8Array;
