// The one drawing of a target's card, as HTML (targetCard.js says what it says): written into the overview
// and the school pages at build time, so each card carries the contract's data-target-id and data-status
// and its trend in the static HTML, shows without JavaScript and prints.
import { escapeHtml as esc } from "./format.js";
import { sparklineSvg } from "./sparkline.js";
import { gapWords, statusOrder, statusWords } from "./vocabulary.js";

/**
 * The status badge; with `href` (a card's list of what is missing) it is a link to it.
 * @param {string} status
 * @param {string} [href]
 */
export function statusBadgeHtml(status, href) {
  const words = esc(statusWords[status] ?? status);
  return href
    ? `<a class="status-badge status-${esc(status)}" href="${esc(href)}">${words}</a>`
    : `<span class="status-badge status-${esc(status)}">${words}</span>`;
}

/**
 * A card. `href`: where its title links; `root`: how the site's root is reached from the page ("/", which
 * Framework makes relative, or "../" on a school page); `gaps`: the list of the schools (district card) or
 * of the data (school card) still missing, with its element id `gapsId`.
 * @param {import("./targetCard.d.ts").CardFacts} card
 * @param {{ href: string, root?: string, gaps?: string, gapsId?: string }} where
 */
export function targetCardHtml(card, { href, root = "/", gaps = "", gapsId }) {
  const { status } = card;
  // the 数据不全 badge leads to the list of what is missing (a link into a closed <details> opens it)
  const badgeHref = status === "incomplete" && gaps && gapsId ? `#${gapsId}` : undefined;
  const label = card.share ? '<span class="card-label">达标学校占比</span>' : "";
  const hidden = card.suppressed ? `<span class="card-suppressed">${esc(card.suppressed)}</span>` : "";
  const count = card.schoolsMet
    ? `<span class="card-count">${card.schoolsMet.met} / ${card.schoolsMet.of} 所达标</span>`
    : "";
  const bounds = card.bounds ? `<span class="card-bounds">${esc(card.bounds)}</span>` : "";
  const meta = [
    ["目标", esc(card.goal)],
    ["年度", esc(card.year)],
    ["较上年", esc(card.change)],
  ]
    .map(([term, words]) => `<dt>${term}</dt><dd>${words}</dd>`)
    .join("");
  const progress = card.progress ? `<dt>进度</dt><dd class="card-progress">${esc(card.progress)}</dd>` : "";
  const district = card.district === undefined ? "" : `<dt>全区</dt><dd>${esc(card.district)}</dd>`;
  return `<article class="target-card status-${esc(status)}" data-target-id="${esc(card.id)}" data-status="${esc(status)}">
<div class="card-head"><a class="card-title" href="${esc(href)}">${esc(card.title)}</a>${statusBadgeHtml(status, badgeHref)}</div>
<div class="card-value">${label}${esc(card.value)}${hidden}${count}${reportedHtml(card, gaps)}${bounds}${ownGapsHtml(card, gaps)}</div>
<dl class="card-meta">${meta}${progress}${district}</dl>
<div class="spark" data-spark="${esc(card.id)}">${sparklineSvg(card.trend, card)}</div>
<div class="card-foot"><a href="${root}methods#${card.clause.anchor}">${esc(card.clause.words)}</a></div>
</article>`;
}

/**
 * "已报 37/40 校" under a district figure; with the list of the schools behind it, a <details> that opens it.
 * @param {import("./targetCard.d.ts").CardFacts} card
 * @param {string} gaps
 */
function reportedHtml(card, gaps) {
  if (!card.reported) return "";
  const line = `<span class="card-reported${card.reportedShort ? " short" : ""}">${esc(card.reported)}</span>`;
  return gaps ? `<details class="card-gaps"><summary>${line}</summary>${gaps}</details>` : line;
}

/**
 * A school card's "缺哪些数据": the data of its own still missing.
 * @param {import("./targetCard.d.ts").CardFacts} card
 * @param {string} gaps
 */
function ownGapsHtml(card, gaps) {
  return card.district !== undefined && gaps
    ? `<details class="card-gaps"><summary>${esc(gapWords.ownTitle)}</summary>${gaps}</details>`
    : "";
}

/**
 * The count of each status, in the order a reader should look at them; each tile is a button that shows only
 * the cards of its status (statusFilter.js), with a line saying what is shown and a way back to all.
 * @param {string[]} statuses
 */
export function statusSummaryHtml(statuses) {
  const tiles = statusOrder.map((s) => {
    const n = statuses.filter((x) => x === s).length;
    return `<button type="button" class="summary-item status-${s}" data-filter="${s}" aria-pressed="false" title="只看${statusWords[s]}的 ${n} 项指标"><span class="summary-count">${n}</span><span>${statusWords[s]}</span></button>`;
  });
  return `<div class="status-summary" role="group" aria-label="按状态筛选指标">${tiles.join("")}</div>
<p class="filter-note no-print" aria-live="polite" hidden></p>`;
}
