// How the benchmark's table writes numbers, in Chinese.
export const n = (x: number) => x.toLocaleString("zh-CN");
export const sec = (s: number) => `${s.toFixed(1)} 秒`;
export const times = (x: number) => `${x.toFixed(2)} 倍`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 0)} MB`;
export const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** One row of the table: measure, scale, result, target. */
export type ResultRow = [string, string, string, string];
