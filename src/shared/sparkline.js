// A card's trend as an SVG string: the values year by year as a line with dots, the threshold as a dashed
// rule. Written into the page at build time, so a card shows its trend without JavaScript and in print.
import { escapeHtml as esc, formatValue } from "./format.js";

const width = 240;
const height = 50;
const margin = { top: 6, right: 14, bottom: 16, left: 14 };

/**
 * @param {import("./targetCard.d.ts").TrendPoint[]} points
 * @param {{ unit: string, share: boolean }} options
 */
export function sparklineSvg(points, { unit, share }) {
  const data = /** @type {{ year: number, value: number }[]} */ (
    points.filter((p) => p.value != null).sort((a, b) => a.year - b.year)
  );
  if (data.length === 0) return "";
  const threshold = points.find((p) => p.threshold != null)?.threshold ?? null;
  const values = data.map((d) => d.value).concat(threshold === null ? [] : [threshold]);
  let [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const x = (/** @type {number} */ i) =>
    data.length === 1 ? width / 2 : margin.left + (i * (width - margin.left - margin.right)) / (data.length - 1);
  const y = (/** @type {number} */ v) => margin.top + ((hi - v) * (height - margin.top - margin.bottom)) / (hi - lo);
  const r = (/** @type {number} */ n) => n.toFixed(1);
  const rule =
    threshold === null
      ? ""
      : `<line x1="${margin.left}" x2="${width - margin.right}" y1="${r(y(threshold))}" y2="${r(y(threshold))}" stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="3,3"/>`;
  const line = `<polyline fill="none" stroke="var(--theme-foreground-focus)" stroke-width="1.5" points="${data.map((d, i) => `${r(x(i))},${r(y(d.value))}`).join(" ")}"/>`;
  const dots = data
    .map(
      (d, i) =>
        `<circle cx="${r(x(i))}" cy="${r(y(d.value))}" r="2.5" fill="var(--theme-foreground-focus)"><title>${esc(`${d.year}年：${formatValue(d.value, unit, { share })}`)}</title></circle>` +
        `<text x="${r(x(i))}" y="${height - 3}" text-anchor="middle" font-size="9" fill="currentColor">${d.year}</text>`,
    )
    .join("");
  return `<svg class="sparkline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`历年变化：${data.map((d) => `${d.year}年 ${formatValue(d.value, unit, { share })}`).join("，")}`)}">${rule}${line}${dots}</svg>`;
}
