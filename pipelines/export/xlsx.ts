// indicators.xlsx (exceljs): sheet 汇总 with the district rows then the school rows, then a sheet per area
// with the same rows of its targets, then 指标说明 (every target explained: notesSheet.ts). Numbers are numbers
// with a format in the target's unit; text is neutralised like the CSV.
import ExcelJS from "exceljs";
import { neutralise } from "../../src/shared/cells.js";
import { sheetFormat, sheetValue, unitHeaderWords } from "../../src/shared/spreadsheet.js";
import { isShare } from "../../src/shared/targetCard.js";
import { areas, statusWords } from "../../src/shared/vocabulary.js";
import { readTargets, type Target } from "../lib/targets.ts";
import { csvHeader, sampleColumn } from "./csv.ts";
import { addNotesSheet } from "./notesSheet.ts";
import type { ExportRow } from "./rows.ts";

const columns = [...csvHeader, "分子", "分母", "单位", "应报学校数", "已报齐学校数"];
const widths = [40, 44, 8, 14, 30, 12, 12, 9, 12, 12, 16, 10, 12];

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: ExportRow[], sample: boolean): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = sample ? [...columns, sampleColumn.header] : columns;
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 30 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const share = isShare(r.target, r.school_id);
    const unit = r.target.display_unit;
    const format = sheetFormat(unit, share);
    const row = sheet.addRow([
      ...[r.target.target_id, r.target.title_zh].map(neutralise),
      r.year,
      r.school_id === null ? null : neutralise(r.school_id),
      neutralise(r.school_name),
      sheetValue(r.value, unit, share),
      sheetValue(r.threshold, unit, share),
      statusWords[r.status] ?? r.status,
      r.numerator,
      r.denominator,
      unitHeaderWords(unit, share),
      r.schools_owed,
      r.schools_reported,
      ...(sample ? [sampleColumn.text] : []),
    ]);
    row.getCell(6).numFmt = format;
    row.getCell(7).numFmt = format;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

export async function writeIndicatorWorkbook(
  file: string,
  rows: ExportRow[],
  targets: Target[] = readTargets(),
  { sample = false } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "沙坪坝区教育工作要点指标监测";
  if (sample) {
    workbook.title = `指标汇总表（${sampleColumn.text}）`;
    workbook.subject = sampleColumn.text;
  }
  addSheet(workbook, "汇总", rows, sample);
  // An area's sheet: its district rows, then its school rows (areas of district-wide targets have no school rows).
  for (const area of areas)
    addSheet(
      workbook,
      area.title,
      rows.filter((r) => r.target.area === area.slug),
      sample,
    );
  addNotesSheet(workbook, targets);
  await workbook.xlsx.writeFile(file);
}
