// indicator_values.csv: UTF-8 with BOM, the contract's Chinese headers, statuses in the site's words,
// values as stored (rates as fractions), formula-like text neutralised.
import fs from "node:fs";
import { stringify } from "csv-stringify/sync";
import { neutralise } from "../../src/shared/cells.js";
import { statusWords } from "../../src/shared/vocabulary.js";
import type { ExportRow } from "./rows.ts";

export const csvHeader = ["指标编号", "指标名称", "年度", "学校代码", "学校名称", "值", "目标值", "状态"];

export function indicatorCsv(rows: ExportRow[]): string {
  const records = rows.map((r) =>
    [
      r.target.target_id,
      r.target.title_zh,
      r.year,
      r.school_id ?? "",
      r.school_name,
      r.value,
      r.threshold,
      statusWords[r.status] ?? r.status,
    ].map(neutralise),
  );
  return "\uFEFF" + stringify([csvHeader, ...records], { record_delimiter: "windows", cast: { number: String } });
}

export function writeIndicatorCsv(file: string, rows: ExportRow[]): void {
  fs.writeFileSync(file, indicatorCsv(rows));
}
