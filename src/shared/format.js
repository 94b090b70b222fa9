// Numbers in Chinese conventions (万, %, 个百分点, unit words). Shared by the pages, the build-time markup and the exports.
import { countUnits, unitWords } from "./vocabulary.js";

const formats = new Map();
const grouped = (digits) => {
  if (!formats.has(digits)) {
    formats.set(digits, new Intl.NumberFormat("zh-CN", { maximumFractionDigits: digits, useGrouping: true }));
  }
  return formats.get(digits);
};

/** A plain number with at most `digits` decimals and thousands separators. */
export function formatNumber(value, digits = 2) {
  if (value == null || !Number.isFinite(value)) return "—";
  const text = grouped(digits).format(value);
  // A value that rounds to zero reads as 0, never −0.
  return /^-0(\.0*)?$/.test(text) ? "0" : text.replace("-", "−");
}

/** A fraction as a percentage: 0.4523 → "45.2%". */
export function formatPercent(value, digits = 1) {
  if (value == null || !Number.isFinite(value)) return "—";
  return `${formatNumber(value * 100, digits)}%`;
}

/** Yuan, with 万 for sums of ten thousand and more: 123456 → "12.35万元". */
export function formatYuan(value) {
  if (value == null || !Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 10000) return `${formatNumber(value / 10000, 2)}万元`;
  return `${formatNumber(value, 0)}元`;
}

/** A count in Chinese conventions: 12,345 → "1.23万", 9,876 → "9,876". */
export function formatCount(value) {
  if (value == null || !Number.isFinite(value)) return "—";
  return Math.abs(value) >= 10000 ? `${formatNumber(value / 10000, 2)}万` : formatNumber(value, 0);
}

/** A value in its unit (`pp`: a change of a ratio in percentage points). `share` marks the district row of a school-scope target (share of schools met). */
export function formatValue(value, unit, { share = false } = {}) {
  if (value == null || !Number.isFinite(value)) return "—";
  if (share) return formatPercent(value);
  if (unit === "pp") return formatPoints(value);
  if (unit === "ratio") return formatPercent(value);
  if (unit === "yuan") return formatYuan(value);
  if (unit === "coefficient") return formatNumber(value, 3);
  const number = countUnits.includes(unit) ? formatCount(value) : formatNumber(value, 2);
  const word = unitLabel(unit);
  return `${number}${word ? ` ${word}` : ""}`;
}

/** The words of a unit after a number or on an axis; a unit of next year's registry with no word is shown as written (个, 所 …). */
export function unitLabel(unit, { share = false } = {}) {
  if (share || unit === "ratio") return "";
  if (unit === "pp") return "个百分点";
  return unit in unitWords ? unitWords[unit] : unit;
}

/** A tick of a chart's axis: the number alone, its unit said once in the axis label (unitLabel). */
export function formatTick(value, unit, { share = false } = {}) {
  if (value == null || !Number.isFinite(value)) return "";
  if (share || unit === "ratio") return formatPercent(value, 0);
  if (unit === "pp") return formatNumber(value * 100, 1);
  if (unit === "coefficient") return formatNumber(value, 2);
  if (unit === "yuan") return Math.abs(value) >= 10000 ? `${formatNumber(value / 10000, 1)}万` : formatNumber(value, 0);
  // a count's axis names whole numbers only (a document is 0 or 1 件: no tick reads 0 three times)
  if (countUnits.includes(unit)) return Number.isInteger(value) ? formatCount(value) : "";
  return formatNumber(value, 2);
}

/** A signed change of a ratio in percentage points: -0.005 → "−0.5个百分点". */
export function formatPoints(delta, digits = 1) {
  if (delta == null || !Number.isFinite(delta)) return "—";
  const sign = delta > 0 ? "+" : "";
  return `${sign}${formatNumber(delta * 100, digits)}个百分点`;
}

/** The target as a leader reads it: "≥ 4.5 平方米", "≤ −0.5个百分点", "全部学校达标". */
export function formatThreshold(comparator, threshold, unit, { share = false } = {}) {
  if (comparator === "info" || threshold == null) return "监测指标，无目标值";
  if (share) return "全部学校达标（100%）";
  const symbol = comparator === ">=" ? "≥" : "≤";
  return `${symbol} ${formatValue(threshold, unit)}`;
}

/** Change from last year in the target's unit, or "—" without both years. */
export function formatChange(current, previous, unit, { share = false } = {}) {
  if (current == null || previous == null) return "—";
  const delta = current - previous;
  if (share || unit === "ratio" || unit === "pp") return formatPoints(delta);
  const sign = delta > 0 ? "+" : "";
  return `${sign}${formatValue(delta, unit)}`;
}

/** Escapes text for HTML (used where markup is written as a string at build time). */
export function escapeHtml(text) {
  return String(text ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}
