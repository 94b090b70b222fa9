// The sheet 指标说明 of indicators.xlsx: every target of the registry with its explanation for a reader,
// its target, scope and sources in Chinese, and the registry's formula for analysts (技术说明).
import type ExcelJS from "exceljs";
import { neutralise } from "../../src/shared/cells.js";
import { formatThreshold } from "../../src/shared/format.js";
import { areas, scopeText } from "../../src/shared/vocabulary.js";
import type { Target } from "../lib/targets.ts";

export const notesSheetName = "指标说明";

const columns: [string, number][] = [
  ["指标编号", 34],
  ["指标名称", 36],
  ["领域", 14],
  ["工作要点条款", 24],
  ["计算方法", 90],
  ["目标值", 20],
  ["范围", 24],
  ["依据", 60],
  ["技术说明（公式）", 60],
];

export function addNotesSheet(workbook: ExcelJS.Workbook, targets: Target[]): void {
  const sheet = workbook.addWorksheet(notesSheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  const areaTitles = new Map(areas.map((a) => [a.slug, a.title]));
  for (const t of targets) {
    const row = sheet.addRow(
      [
        t.target_id,
        t.title_zh,
        areaTitles.get(t.area) ?? t.area,
        `第${t.clause}条 ${t.clause_title}`.trim(),
        t.explanation_zh,
        formatThreshold(t.comparator, t.threshold, t.display_unit),
        scopeText(t),
        t.source_zh || t.source,
        t.formula,
      ].map(neutralise),
    );
    row.alignment = { wrapText: true, vertical: "top" };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}
