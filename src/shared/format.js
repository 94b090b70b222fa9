// Numbers in Chinese conventions (万, %, 个百分点, unit words). Shared by the pages, the build-time markup and the exports.
import { countUnits, progressWords, unitWords } from "./vocabulary.js";

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

/**
 * A tick of a chart's axis: the number alone, its unit said once in the axis label (unitLabel). Given the axis's
 * `ticks`, with as many decimals as make every label differ (48.2%, 48.4% … never 48%, 48%, 49%).
 */
export function formatTick(value, unit, { share = false, ticks } = {}) {
  if (value == null || !Number.isFinite(value)) return "";
  const finite = (ticks ?? []).filter((t) => Number.isFinite(t));
  let extra = 0;
  while (extra < 4 && new Set(finite.map((t) => tickText(t, unit, share, extra))).size < finite.length) extra++;
  return tickText(value, unit, share, extra);
}

function tickText(value, unit, share, extra) {
  if (share || unit === "ratio") return formatPercent(value, extra);
  if (unit === "pp") return formatNumber(value * 100, 1 + extra);
  if (unit === "coefficient") return formatNumber(value, 2 + extra);
  const tenThousands = (digits) => `${formatNumber(value / 10000, digits + extra)}万`;
  if (unit === "yuan") return Math.abs(value) >= 10000 ? tenThousands(1) : formatNumber(value, extra);
  if (countUnits.includes(unit)) return Math.abs(value) >= 10000 ? tenThousands(2) : formatNumber(value, extra);
  return formatNumber(value, 2 + extra);
}

/** Ticks of a count axis: whole numbers only (0 1 2 3, never 0 0.5 1); undefined for any other unit. */
export function countTicks(values, unit, { zero = false } = {}) {
  if (!countUnits.includes(unit)) return undefined;
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return undefined;
  const lo = Math.floor(Math.min(...finite, ...(zero ? [0] : [])));
  const hi = Math.ceil(Math.max(...finite, ...(zero ? [0] : [])));
  const span = Math.max(1, hi - lo);
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const first = Math.ceil(lo / step) * step;
  return Array.from({ length: Math.floor((hi - first) / step) + 1 }, (_, i) => first + i * step);
}

/** A signed change of a ratio in percentage points: -0.005 → "−0.5个百分点". */
export function formatPoints(delta, digits = 1) {
  if (delta == null || !Number.isFinite(delta)) return "—";
  const number = formatNumber(delta * 100, digits);
  return `${delta > 0 && number !== "0" ? "+" : ""}${number}个百分点`;
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
  return formatDelta(current - previous, unit, { share });
}

/** A signed movement in the target's own unit: a share or rate in 个百分点 (two decimals when one would read 0), a count to one decimal, money in 元. */
export function formatDelta(delta, unit, { share = false } = {}) {
  if (delta == null || !Number.isFinite(delta)) return "—";
  if (share || unit === "ratio" || unit === "pp") return formatPoints(delta, Math.abs(delta) < 0.0005 ? 2 : 1);
  const text = countUnits.includes(unit)
    ? `${formatNumber(delta, 1)}${unitLabel(unit) ? ` ${unitLabel(unit)}` : ""}`
    : formatValue(delta, unit);
  return delta > 0 && !/^0(?![.\d])/.test(text) ? `+${text}` : text;
}

/**
 * Which way a target is heading (table target_progress), with the yearly movement behind the judgement in
 * the target's own unit: "退步（2019–2021年达标学校占比年均 −1.2个百分点；2025年全部学校达标需年均 +1.6个百分点）".
 * A share or rate moves in 百分点 a year, never as a percentage growth of a percentage.
 */
export function progressText(p) {
  if (!p) return "";
  const word = progressWords[p.category] ?? p.category;
  if (!["on_track", "accelerate", "limited", "regress"].includes(p.category) || p.observed_change == null) return word;
  const options = { share: Boolean(p.share) };
  const what = p.share ? "达标学校占比" : "";
  const observed = `${p.first_year}–${p.latest_year}年${what}年均 ${formatDelta(p.observed_change, p.unit, options)}`;
  // A base that already met the goal (and has since fallen back): the way to the goal points backwards.
  const aim = p.share ? "全部学校达标" : "达标";
  const required =
    p.required_change == null
      ? ""
      : p.required_change * (p.direction ?? 1) > 0
        ? `；${p.target_year}年${aim}需年均 ${formatDelta(p.required_change, p.unit, options)}`
        : `；${p.first_year}年曾达标`;
  return `${word}（${observed}${required}）`;
}

/** Escapes text for HTML (used where markup is written as a string at build time). */
export function escapeHtml(text) {
  return String(text ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

/** A moment as the reports print it, in the machine's time zone: "2026-12-04 23:14". */
export function localTime(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
