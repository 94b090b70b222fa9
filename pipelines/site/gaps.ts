// What lies behind a 数据不全 or an "已报 x/y 校", written into the cards at build time: the schools that
// owe a target's data and have not sent all of it, each with what it lacks (a report, a section, a
// grade, rejected rows, blank cells), so a reader reaches the list in one click.
import { escapeHtml as esc } from "../../src/shared/format.js";
import { blankWords, gapWords, lackWords } from "../../src/shared/vocabulary.js";
import type { BlankCells, TargetGap } from "../lib/gaps.ts";
import type { MissingReport } from "../lib/reports.ts";
import type { Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";

/** What one school lacks for one target: its reports not received whole, its blank cells, or why it has no value. */
export function schoolGapText(
  target: Target,
  gap: TargetGap,
  missing: MissingReport[],
  blanks: BlankCells[],
  datasetLabels: Record<string, string>,
): string {
  const own = (d: string) => target.datasets.includes(d);
  const parts = missing
    .filter((m) => m.school_id === gap.school_id && m.year === gap.year && own(m.dataset))
    .map((m) => `${m.label}：${lackWords(m)}`);
  if (gap.units_left_out > 0) {
    const cells = blanks.filter((b) => b.school_id === gap.school_id && b.year === gap.year && own(b.dataset));
    parts.push(
      cells.length
        ? cells.map((b) => `${datasetLabels[b.dataset] ?? b.dataset}：${blankWords(b)}`).join("；")
        : gapWords.leftOut(gap.units_left_out),
    );
  }
  if (parts.length === 0) parts.push(gap.units_short > 0 ? gapWords.short : gapWords.noValue);
  return parts.join("；");
}

/**
 * The list of schools behind a target's row of a year (`schoolId` null: the district's; else that school's
 * own gaps), as an HTML list whose id the card's 数据不全 badge links to ("" when nothing is missing).
 */
export function gapList(
  snapshot: Snapshot,
  target: Target,
  year: number,
  schoolId: string | null,
  root: string,
  datasetLabels: Record<string, string>,
): string {
  const gaps = snapshot.gaps.filter(
    (g) => g.target_id === target.target_id && g.year === year && (schoolId === null || g.school_id === schoolId),
  );
  if (gaps.length === 0) return "";
  const names = new Map(snapshot.schools.map((s) => [s.school_id, s.name]));
  const items = gaps.map((g) => {
    const what = esc(schoolGapText(target, g, snapshot.missing, snapshot.blanks, datasetLabels));
    if (schoolId !== null) return `<li>${what}</li>`;
    const name = esc(names.get(g.school_id) ?? g.school_id);
    return `<li data-school-id="${esc(g.school_id)}"><a href="${root}schools/${encodeURIComponent(g.school_id)}">${name}</a>：${what}</li>`;
  });
  return `<ul class="gap-list" id="${gapListId(target.target_id, schoolId)}">${items.join("")}</ul>`;
}

/** The anchor of a card's gap list (a link to an element inside a closed <details> opens it). */
export const gapListId = (targetId: string, schoolId: string | null) =>
  `gaps-${targetId.replaceAll(".", "-")}${schoolId === null ? "" : "-school"}`;
