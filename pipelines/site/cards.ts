// Target cards written into the overview and the school pages at build time: they carry the contract
// attributes (data-target-id, data-status) and their trend in the HTML itself, so a page needs no data
// file for them (its size does not grow with the district) and shows them without JavaScript and in print.
import { escapeHtml as esc, formatChange, formatThreshold, formatValue } from "../../src/shared/format.js";
import { reportedWords, statusOrder, statusWords } from "../../src/shared/vocabulary.js";
import type { IndicatorRow } from "../lib/snapshot.ts";
import type { SiteTarget } from "../lib/targets.ts";
import { sparklineSvg } from "./sparkline.ts";

export function badge(status: string): string {
  return `<span class="status-badge status-${esc(status)}">${esc(statusWords[status] ?? status)}</span>`;
}

/** A change is judged on a matched panel (its display unit is a change of a ratio, 个百分点). */
export const isChange = (target: SiteTarget) => target.display_unit === "pp";

/** "已报 37/40 校" under a district value, or "同口径 36/40 校" under a change. */
export function reportedLine(target: SiteTarget, row?: IndicatorRow): string {
  const words = reportedWords(row?.schools_reported, row?.schools_owed, { panel: isChange(target) });
  if (!words) return "";
  const short = row!.schools_reported! < row!.schools_owed!;
  return `<span class="card-reported${short ? " short" : ""}">${esc(words)}</span>`;
}

/** Statuses judged on complete data: two such years of the same thing can be compared. */
const judged = new Set(["met", "not_met", "info"]);

/**
 * The year before, when this year and that one can be compared: both judged on complete data, and
 * (`sourceChanged`) not a school whose figures changed kind between them. Else no 较上年 is shown.
 */
export function comparablePrevious(
  row: IndicatorRow | undefined,
  previous: IndicatorRow | undefined,
  sourceChanged = false,
): IndicatorRow | undefined {
  if (!row || !previous || sourceChanged) return undefined;
  return judged.has(row.status) && judged.has(previous.status) ? previous : undefined;
}

export interface CardInput {
  target: SiteTarget;
  row?: IndicatorRow;
  previous?: IndicatorRow;
  /** The row is the share of schools met (district row of a school-scope target). */
  share: boolean;
  /** Where the title links. */
  href: string;
  /** The rows of every year, drawn as the card's trend. */
  series: IndicatorRow[];
  /** More facts, as <dt>/<dd> pairs. */
  extra?: string;
  /** How the site's root is reached from the page: "/" (Framework makes it relative) or "../" (a school page). */
  root?: string;
}

export function card({ target, row, previous, share, href, series, extra = "", root = "/" }: CardInput): string {
  const status = row?.status ?? "no_data";
  const unit = target.display_unit;
  const count =
    share && row?.denominator
      ? `<span class="card-count">${row.numerator ?? 0} / ${row.denominator} 所达标</span>`
      : "";
  const points = series.map((r) => ({ year: r.year, value: r.value, threshold: r.threshold }));
  return `<article class="target-card status-${esc(status)}" data-target-id="${esc(target.target_id)}" data-status="${esc(status)}">
<div class="card-head"><a class="card-title" href="${esc(href)}">${esc(target.title_zh)}</a>${badge(status)}</div>
<div class="card-value">${share ? '<span class="card-label">达标学校占比</span>' : ""}${esc(formatValue(row?.value, unit, { share }))}${count}${reportedLine(target, row)}</div>
<dl class="card-meta"><dt>目标</dt><dd>${esc(formatThreshold(target.comparator, target.threshold, unit, { share }))}</dd><dt>年度</dt><dd>${row ? `${row.year}年` : "—"}</dd><dt>较上年</dt><dd>${esc(formatChange(row?.value, previous?.value, unit, { share }))}</dd>${extra}</dl>
<div class="spark" data-spark="${esc(target.target_id)}">${sparklineSvg(points, { unit, share })}</div>
<div class="card-foot"><a href="${root}methods#clause-${target.clause}">第${target.clause}条 ${esc(target.clause_title)}</a></div>
</article>`;
}

/** How many cards have each status, in the order a reader should look at them. */
export function statusSummary(statuses: string[]): string {
  return `<div class="status-summary">${statusOrder
    .map(
      (s) =>
        `<div class="summary-item status-${s}"><span class="summary-count">${statuses.filter((x) => x === s).length}</span><span>${statusWords[s]}</span></div>`,
    )
    .join("")}</div>`;
}
