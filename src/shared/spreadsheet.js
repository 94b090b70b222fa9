// A value as a spreadsheet cell: a number an analyst can sort, sum and chart, with a number format that
// reads like the pages (0.0%, 0.00, 个百分点), and the unit said in the column's header. Used by
// indicators.xlsx (exceljs, Node) and the pages' download buttons (write-excel-file, browser).
import { countUnits, unitWords } from "./vocabulary.js";

const points = '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"';

/** Excel number format of a value in a unit; `share`: the share of schools met. */
export function sheetFormat(unit, share = false) {
  if (share || unit === "ratio") return "0.0%";
  if (unit === "pp") return points;
  if (unit === "coefficient") return "0.000";
  if (unit === "yuan") return "#,##0";
  if (countUnits.includes(unit)) return "0";
  return "#,##0.00";
}

/** How many decimals of the stored number the pages show (a share shown as 45.2% keeps 3 of its fraction). */
export function shownDecimals(unit, share = false) {
  if (share || unit === "ratio") return 3;
  if (unit === "pp") return 1;
  if (unit === "coefficient") return 3;
  if (unit === "yuan" || countUnits.includes(unit)) return 0;
  return 2;
}

/** The number stored: as in the warehouse, but a change of a ratio in percentage points (−0.005 → −0.5). */
export function sheetValue(value, unit, share = false) {
  if (value == null || !Number.isFinite(value)) return null;
  return unit === "pp" && !share ? Number((value * 100).toPrecision(12)) : value;
}

/** What a bare number of a unit stands for, said in a header or a unit column. */
export function unitHeaderWords(unit, share = false) {
  if (share) return "达标学校占比";
  const bare = { ratio: "比率", pp: "个百分点（变化）", coefficient: "差异系数" };
  return bare[unit] ?? unitWords[unit] ?? unit;
}
