// indicators.xlsx (exceljs): sheet 汇总 with the district rows then the school rows, then a sheet per area
// with the same rows of its targets, then 指标说明 (every target explained: notesSheet.ts). Numbers are numbers
// with a format in the target's unit; text is neutralised like the CSV.
import ExcelJS from "exceljs";
import { neutralise } from "../../src/shared/cells.js";
import { statusWords, unitWords as pageUnitWords } from "../../src/shared/vocabulary.js";
import { areas } from "../../src/shared/vocabulary.js";
import { readSiteTargets, type SiteTarget } from "../lib/targets.ts";
import { csvHeader } from "./csv.ts";
import { addNotesSheet } from "./notesSheet.ts";
import { isShare, type ExportRow } from "./rows.ts";

/** Excel number format of a value in a unit (the site's formatValue, as a spreadsheet shows it). */
export function numberFormat(unit: string, share = false): string {
  if (share || unit === "ratio") return "0.0%";
  if (unit === "pp") return "+0.0%;-0.0%;0.0%";
  if (unit === "coefficient") return "0.000";
  if (unit === "yuan") return "#,##0";
  if (["indicators", "classes", "schools", "kindergartens", "points", "pairs", "projects"].includes(unit)) return "0";
  return "#,##0.00";
}

/** What the value column means, in words: the pages' unit words, and what a bare number stands for. */
export function unitColumnWords(unit: string, share = false): string {
  if (share) return "达标学校占比";
  const bare: Record<string, string> = { ratio: "比率", pp: "百分点（变化）", coefficient: "差异系数" };
  return bare[unit] ?? pageUnitWords[unit] ?? unit;
}

const columns = [...csvHeader, "分子", "分母", "单位"];
const widths = [40, 44, 8, 14, 30, 12, 12, 9, 12, 12, 16];

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: ExportRow[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const share = isShare(r);
    const format = numberFormat(r.target.display_unit, share);
    const row = sheet.addRow([
      ...[r.target.target_id, r.target.title_zh].map(neutralise),
      r.year,
      r.school_id === null ? null : neutralise(r.school_id),
      neutralise(r.school_name),
      r.value,
      r.threshold,
      statusWords[r.status] ?? r.status,
      r.numerator,
      r.denominator,
      unitColumnWords(r.target.display_unit, share),
    ]);
    row.getCell(6).numFmt = format;
    row.getCell(7).numFmt = format;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function writeIndicatorWorkbook(
  file: string,
  rows: ExportRow[],
  targets: SiteTarget[] = readSiteTargets(),
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "沙坪坝区教育工作要点指标监测";
  addSheet(workbook, "汇总", rows);
  // An area's sheet: its district rows, then its school rows (areas of district-wide targets have no school rows).
  for (const area of areas)
    addSheet(
      workbook,
      area.title,
      rows.filter((r) => r.target.area === area.slug),
    );
  addNotesSheet(workbook, targets);
  await workbook.xlsx.writeFile(file);
}
