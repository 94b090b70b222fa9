// What a target's card says, from the warehouse's row(s): value, unit, goal, change from the year before,
// share of schools, reported line, bounds, progress, status. Pure words, no markup: the overview and school
// pages (drawn at build time by targetCardHtml.js), the area pages and the district report all read them here.
import { formatChange, formatThreshold, formatValue, progressText } from "./format.js";
import { boundsWords, reportedWords, suppressedWords } from "./vocabulary.js";

/** @typedef {import("./targetCard.d.ts").CardTarget} CardTarget */
/** @typedef {import("./targetCard.d.ts").CardRow} CardRow */
/** @typedef {import("./targetCard.d.ts").CardFacts} CardFacts */

/**
 * A change is judged on a matched panel: its display unit is a change of a ratio (个百分点).
 * @param {CardTarget} target
 */
export const isChange = (target) => target.display_unit === "pp";

/**
 * The district figure of a school-scope target is the share of its schools met, not a value in the unit.
 * @param {CardTarget} target
 * @param {string | null} [schoolId] null or absent: the district's figure
 */
export const isShare = (target, schoolId = null) => schoolId == null && target.scope === "school";

/** Statuses judged on complete data: two such years of the same thing can be compared. */
const judged = new Set(["met", "not_met", "info"]);

/**
 * The year before, when this year and that one can be compared: both judged on complete data, and
 * (`sourceChanged`) not a school whose figures changed kind between them. Else no 较上年 is shown.
 * @template {CardRow} R
 * @param {R | undefined} row
 * @param {R | undefined} previous
 * @param {boolean} [sourceChanged]
 * @returns {R | undefined}
 */
export function comparablePrevious(row, previous, sourceChanged = false) {
  if (!row || !previous || sourceChanged) return undefined;
  return judged.has(row.status) && judged.has(previous.status) ? previous : undefined;
}

/**
 * The district's figure beside a school's own: "达标学校占比 92.5%", "4.6 平方米", or "—" without a row.
 * @param {CardTarget} target
 * @param {CardRow | undefined} row the district row
 */
export function districtFigure(target, row) {
  if (!row) return "—";
  const share = isShare(target);
  const value = formatValue(row.value, target.display_unit, { share });
  return share ? `达标学校占比 ${value}` : value;
}

/**
 * What the card of a target says for the district (`schoolId` null) or a school in the row's year.
 * @param {CardTarget} target
 * @param {{ schoolId?: string | null, row?: CardRow, previous?: CardRow, series?: CardRow[],
 *   progress?: import("./vocabulary.d.ts").Progress, districtRow?: CardRow }} [from]
 * @returns {CardFacts}
 */
export function cardFacts(target, { schoolId = null, row, previous, series = [], progress, districtRow } = {}) {
  const unit = target.display_unit;
  const share = isShare(target, schoolId);
  const inUnit = (/** @type {number | null | undefined} */ v) => formatValue(v, unit, { share });
  const reported =
    schoolId == null ? reportedWords(row?.schools_reported, row?.schools_owed, { panel: isChange(target) }) : "";
  return {
    id: target.target_id,
    title: target.title_zh,
    status: row?.status ?? "no_data",
    share,
    unit,
    value: inUnit(row?.value),
    suppressed: row?.suppressed ? suppressedWords : "",
    schoolsMet: share && row?.denominator ? { met: row.numerator ?? 0, of: row.denominator } : null,
    reported,
    reportedShort: Boolean(reported) && (row?.schools_reported ?? 0) < (row?.schools_owed ?? 0),
    bounds: boundsWords(row, inUnit),
    goal: formatThreshold(target.comparator, target.threshold, unit, { share }),
    year: row ? `${row.year}年` : "—",
    change: formatChange(row?.value, previous?.value, unit, { share }),
    progress: progressText(progress),
    district: schoolId == null ? undefined : districtFigure(target, districtRow),
    clause: { anchor: `clause-${target.clause}`, words: `第${target.clause}条 ${target.clause_title}` },
    trend: series.map((r) => ({ year: r.year, value: r.value, threshold: r.threshold })),
  };
}
