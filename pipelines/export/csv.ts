// indicator_values.csv: UTF-8 with BOM, the contract's Chinese headers, statuses in the site's words,
// values as stored (rates as fractions), formula-like text neutralised.
import fs from "node:fs";
import { stringify } from "csv-stringify/sync";
import { neutralise } from "../../src/shared/cells.js";
import { statusWords } from "../../src/shared/vocabulary.js";
import type { ExportRow } from "./rows.ts";

export const csvHeader = ["指标编号", "指标名称", "年度", "学校代码", "学校名称", "值", "目标值", "状态"];

/** On the shipped sample every exported row says so, in a column after the contract's (whose order stays). */
export const sampleColumn = { header: "数据说明", text: "示例数据（合成，非真实数据）" };

export function indicatorCsv(rows: ExportRow[], { sample = false } = {}): string {
  const header = sample ? [...csvHeader, sampleColumn.header] : csvHeader;
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
      ...(sample ? [sampleColumn.text] : []),
    ].map(neutralise),
  );
  return "\uFEFF" + stringify([header, ...records], { record_delimiter: "windows", cast: { number: String } });
}

export function writeIndicatorCsv(file: string, rows: ExportRow[], options: { sample?: boolean } = {}): void {
  fs.writeFileSync(file, indicatorCsv(rows, options));
}
