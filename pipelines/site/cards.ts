// Target cards written into the overview and the school pages at build time: they carry the contract
// attributes (data-target-id, data-status) and their trend in the HTML itself, so a page needs no data
// file for them (its size does not grow with the district) and shows them without JavaScript and in print.
import { escapeHtml as esc, formatChange, formatThreshold, formatValue } from "../../src/shared/format.js";
import {
  boundsWords,
  gapWords,
  reportedWords,
  statusOrder,
  statusWords,
  suppressedWords,
} from "../../src/shared/vocabulary.js";
import type { IndicatorRow } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { sparklineSvg } from "./sparkline.ts";

/** The status badge; with `href` (a card's list of what is missing) it is a link to it. */
export function badge(status: string, href?: string): string {
  const words = esc(statusWords[status] ?? status);
  return href
    ? `<a class="status-badge status-${esc(status)}" href="${esc(href)}">${words}</a>`
    : `<span class="status-badge status-${esc(status)}">${words}</span>`;
}

/** A change is judged on a matched panel (its display unit is a change of a ratio, 个百分点). */
export const isChange = (target: Target) => target.display_unit === "pp";

/**
 * "已报 37/40 校" under a district value, or "同口径 36/40 校" under a change; with the list of the
 * schools behind it (`gaps`), a <details> that opens it.
 */
export function reportedLine(target: Target, row?: IndicatorRow, gaps = ""): string {
  const words = reportedWords(row?.schools_reported, row?.schools_owed, { panel: isChange(target) });
  if (!words) return "";
  const short = row!.schools_reported! < row!.schools_owed!;
  const line = `<span class="card-reported${short ? " short" : ""}">${esc(words)}</span>`;
  return gaps ? `<details class="card-gaps"><summary>${line}</summary>${gaps}</details>` : line;
}

/** "缺报 3 校，不影响结论" / "…结论待定（…）" under a district value with schools missing. */
function boundsLine(target: Target, row: IndicatorRow | undefined, share: boolean): string {
  const words = boundsWords(row, (v) => formatValue(v, target.display_unit, { share }));
  return words ? `<span class="card-bounds">${esc(words)}</span>` : "";
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
  target: Target;
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
  /** The list of the schools (district row) or of the data (school row) still missing (gaps.ts gapList). */
  gaps?: string;
}

export function card({
  target,
  row,
  previous,
  share,
  href,
  series,
  extra = "",
  root = "/",
  gaps = "",
}: CardInput): string {
  const status = row?.status ?? "no_data";
  const unit = target.display_unit;
  const count =
    share && row?.denominator
      ? `<span class="card-count">${row.numerator ?? 0} / ${row.denominator} 所达标</span>`
      : "";
  const points = series.map((r) => ({ year: r.year, value: r.value, threshold: r.threshold }));
  const listId = /id="([^"]+)"/.exec(gaps)?.[1];
  // the 数据不全 badge leads to the list of what is missing (a link into a closed <details> opens it)
  const badgeHref = status === "incomplete" && listId ? `#${listId}` : undefined;
  const district = row?.school_id == null;
  const reported = district ? reportedLine(target, row, gaps) : "";
  const own =
    !district && gaps ? `<details class="card-gaps"><summary>${esc(gapWords.ownTitle)}</summary>${gaps}</details>` : "";
  const hidden = row?.suppressed ? `<span class="card-suppressed">${esc(suppressedWords)}</span>` : "";
  return `<article class="target-card status-${esc(status)}" data-target-id="${esc(target.target_id)}" data-status="${esc(status)}">
<div class="card-head"><a class="card-title" href="${esc(href)}">${esc(target.title_zh)}</a>${badge(status, badgeHref)}</div>
<div class="card-value">${share ? '<span class="card-label">达标学校占比</span>' : ""}${esc(formatValue(row?.value, unit, { share }))}${hidden}${count}${reported}${boundsLine(target, row, share)}${own}</div>
<dl class="card-meta"><dt>目标</dt><dd>${esc(formatThreshold(target.comparator, target.threshold, unit, { share }))}</dd><dt>年度</dt><dd>${row ? `${row.year}年` : "—"}</dd><dt>较上年</dt><dd>${esc(formatChange(row?.value, previous?.value, unit, { share }))}</dd>${extra}</dl>
<div class="spark" data-spark="${esc(target.target_id)}">${sparklineSvg(points, { unit, share })}</div>
<div class="card-foot"><a href="${root}methods#clause-${target.clause}">第${target.clause}条 ${esc(target.clause_title)}</a></div>
</article>`;
}

/** How many cards have each status, in the order a reader should look at them. */
/**
 * The count of each status; each tile is a button that shows only the cards of its status (statusFilter.js),
 * with a line saying what is shown and a way back to all.
 */
export function statusSummary(statuses: string[]): string {
  const tiles = statusOrder.map((s) => {
    const n = statuses.filter((x) => x === s).length;
    return `<button type="button" class="summary-item status-${s}" data-filter="${s}" aria-pressed="false" title="只看${statusWords[s]}的 ${n} 项指标"><span class="summary-count">${n}</span><span>${statusWords[s]}</span></button>`;
  });
  return `<div class="status-summary" role="group" aria-label="按状态筛选指标">${tiles.join("")}</div>
<p class="filter-note no-print" aria-live="polite" hidden></p>`;
}
