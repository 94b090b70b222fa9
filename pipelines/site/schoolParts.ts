// 学校, written at build time for one school: its facts, what it still owes, the corrections of its data,
// the count of each status, the card of each target that applies to it (its latest year, the district's
// figure beside it) under the areas, its oversize classes. Each part fills one fence of src/schools/[school].md.
import { escapeHtml as esc } from "../../src/shared/format.js";
import { cardFacts, comparablePrevious } from "../../src/shared/targetCard.js";
import { statusSummaryHtml, targetCardHtml } from "../../src/shared/targetCardHtml.js";
import { areas } from "../../src/shared/vocabulary.js";
import { stageLabels } from "../lib/codes.ts";
import { datasetNames, readDictionary } from "../lib/seeds.ts";
import { latestRows, rowKey, snapshotIndex, type Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { gapList, gapListId } from "./gaps.ts";
import { correctionsMarkup, oversizeClassesMarkup, owedMarkup } from "./schoolLists.ts";

const datasetLabels = datasetNames();

/** Datasets that stand in for another's report (student records for the vision summary). */
const alternates = new Set([...readDictionary().values()].filter((d) => d.fulfils !== d.name).map((d) => d.name));
/** Whether a target's figures may come from either of two kinds of source. */
const readsAlternateSource = (t: Target) => t.datasets.some((d) => alternates.has(d));

/** Where a school page is drawn: `root` "/" inside a Framework page, "../" on the pages schoolPages.ts writes. */
export interface SchoolPageContext {
  snapshot: Snapshot;
  targets: Target[];
  schoolId: string;
  root: string;
}

/** The school's rows in their latest year (with the district's) and the targets that apply to it. */
function schoolTargets({ snapshot, targets, schoolId }: SchoolPageContext) {
  const { bySchool } = snapshotIndex(snapshot);
  const latest = latestRows([...(bySchool.get("") ?? []), ...(bySchool.get(schoolId) ?? [])]);
  const mine = targets.filter((t) => latest.has(rowKey(t.target_id, schoolId)));
  const statuses = mine.map((t) => latest.get(rowKey(t.target_id, schoolId))!.latest.status);
  return { latest, mine, statuses };
}

const schoolOf = ({ snapshot, schoolId }: SchoolPageContext) => snapshot.schools.find((s) => s.school_id === schoolId);

/** 学校代码, 办学类型 …; an unknown school: a line saying so. */
function schoolFacts(page: SchoolPageContext): string {
  const school = schoolOf(page);
  if (!school) return `<p class="muted">未找到该学校。</p>`;
  const facts = [
    ["学校代码", school.school_id],
    ["办学类型", stageLabels[school.stage]?.[0] ?? school.stage],
    ["办学性质", school.ownership === "private" ? "民办" : school.ownership === "public" ? "公办" : "—"],
    ["所属镇街", school.street ?? "—"],
    ["学区集团", school.cluster ?? "—"],
  ];
  return `<dl class="school-facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

function schoolOwed(page: SchoolPageContext): string {
  if (!schoolOf(page)) return "";
  const { snapshot, schoolId } = page;
  const mine = <T extends { school_id: string | null }>(rows: T[]) => rows.filter((r) => r.school_id === schoolId);
  const incomplete = schoolTargets(page).statuses.filter((s) => s === "incomplete").length;
  return owedMarkup(mine(snapshot.missing), mine(snapshot.blanks), incomplete, mine(snapshot.rejectedRows));
}

function schoolCorrections(page: SchoolPageContext): string {
  if (!schoolOf(page)) return "";
  return correctionsMarkup(
    page.snapshot.corrections.filter((c) => c.school_id === page.schoolId),
    page.root,
  );
}

function schoolStatusSummary(page: SchoolPageContext): string {
  if (!schoolOf(page)) return "";
  const { mine, statuses } = schoolTargets(page);
  return mine.length ? statusSummaryHtml(statuses) : '<p class="muted">暂无适用于该校的指标。</p>';
}

/**
 * The card of each target that applies to the school, under the areas. On the pages schoolPages.ts writes,
 * each heading gets the anchor Framework gives it.
 */
function schoolCards(page: SchoolPageContext): string {
  if (!schoolOf(page)) return "";
  const { snapshot, schoolId, root } = page;
  const { series } = snapshotIndex(snapshot);
  const { latest, mine } = schoolTargets(page);
  const changedSource = new Set(snapshot.sourceChanges.filter((c) => c.school_id === schoolId).map((c) => c.year));
  return areas
    .map((area) => {
      const cards = mine
        .filter((t) => t.area === area.slug)
        .map((t) => {
          const own = latest.get(rowKey(t.target_id, schoolId))!;
          const switched = readsAlternateSource(t) && changedSource.has(own.latest.year);
          const facts = cardFacts(t, {
            schoolId,
            row: own.latest,
            previous: comparablePrevious(own.latest, own.previous, switched),
            series: series.get(rowKey(t.target_id, schoolId)) ?? [],
            districtRow: latest.get(rowKey(t.target_id, null))?.latest,
          });
          return targetCardHtml(facts, {
            href: `${root}${t.area}#target-${t.target_id}`,
            root,
            gaps: gapList(snapshot, t, own.latest.year, schoolId, root, datasetLabels),
            gapsId: gapListId(t.target_id, schoolId),
          });
        });
      const title =
        root === "/"
          ? esc(area.title)
          : `<a class="observablehq-header-anchor" href="#area-${area.slug}">${esc(area.title)}</a>`;
      return cards.length
        ? `<section><h2 id="area-${area.slug}">${title}</h2>\n<div class="card-grid">${cards.join("\n")}</div></section>`
        : "";
    })
    .join("\n");
}

function schoolOversizeClasses(page: SchoolPageContext): string {
  if (!schoolOf(page)) return "";
  return oversizeClassesMarkup(page.snapshot.oversizeClasses.filter((c) => c.school_id === page.schoolId));
}

/** The parts of a school page, by the name of the fence each fills (in the page's order). */
export const schoolParts: Record<string, (page: SchoolPageContext) => string> = {
  "school-facts": schoolFacts,
  "school-owed": schoolOwed,
  "school-corrections": schoolCorrections,
  "school-status-summary": schoolStatusSummary,
  "school-cards": schoolCards,
  "school-oversize-classes": schoolOversizeClasses,
};
