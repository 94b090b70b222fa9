// 学校, written at build time for one school: its facts, what it still owes, the corrections of its data,
// the count of each status, the card of each target that applies to it (its latest year, the district's
// figure beside it) under the areas, its oversize classes. Each part fills one fence of src/schools/[school].md.
import { escapeHtml as esc } from "../../src/shared/format.js";
import { cardFacts, comparablePrevious } from "../../src/shared/targetCard.js";
import { statusSummaryHtml, targetCardHtml } from "../../src/shared/targetCardHtml.js";
import {
  areas,
  blankWords,
  classWords,
  correctionText,
  correctionWords,
  lackWords,
} from "../../src/shared/vocabulary.js";
import { gradeLabels, stageLabels } from "../lib/codes.ts";
import type { Correction } from "../lib/corrections.ts";
import type { BlankCells } from "../lib/gaps.ts";
import { datasetNames, readDictionary } from "../lib/registry.ts";
import type { MissingReport } from "../lib/reports.ts";
import {
  latestRows,
  rowKey,
  snapshotIndex,
  type OversizeClass,
  type RejectedRow,
  type Snapshot,
} from "../lib/snapshot.ts";
import type { SiteTarget } from "../lib/targets.ts";
import { gapList, gapListId } from "./gaps.ts";

const datasetLabels = datasetNames();

/** Datasets that stand in for another's report (student records for the vision summary). */
const alternates = new Set([...readDictionary().values()].filter((d) => d.fulfils !== d.name).map((d) => d.name));
/** Whether a target's figures may come from either of two kinds of source. */
const readsAlternateSource = (t: SiteTarget) => t.datasets.some((d) => alternates.has(d));

/** Where a school page is drawn: `root` "/" inside a Framework page, "../" on the pages schoolPages.ts writes. */
export interface SchoolPageContext {
  snapshot: Snapshot;
  targets: SiteTarget[];
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

/** The rejected rows of a report, by file and line with the reason (ten at the most, then how many more). */
function rejectedList(rows: RejectedRow[]): string {
  if (rows.length === 0) return "";
  const items = rows
    .slice(0, 10)
    .map((r) => `<li>${esc(r.source_file)} 第 ${r.source_line} 行：${esc(r.reason)}</li>`)
    .join("");
  const more = rows.length > 10 ? `<li>另有 ${rows.length - 10} 行，见数据质量页</li>` : "";
  return `<ul class="rejected-rows">${items}${more}</ul>`;
}

/**
 * What a school still owes: each report not received whole (the sections or grades that did not arrive),
 * and the optional cells it left blank. Never "均已报齐" while one of its cards says 数据不全 (`incomplete`).
 */
function owedMarkup(
  missing: MissingReport[],
  blanks: BlankCells[] = [],
  incomplete = 0,
  rejected: RejectedRow[] = [],
): string {
  const year = missing[0]?.year ?? blanks[0]?.year;
  if (missing.length === 0 && blanks.length === 0) {
    return incomplete > 0
      ? `<div class="owed" id="owed"><p class="missing">应报报表均已收到，但有 ${incomplete} 项指标的部分数据缺少计算所需的数字，详见各卡片的“缺哪些数据”。</p></div>`
      : `<p class="muted owed-none" id="owed">本年度应报数据均已报齐。</p>`;
  }
  const owed = missing.map((m) => `<li data-dataset="${esc(m.dataset)}">${esc(m.label)}：${esc(lackWords(m))}</li>`);
  // the rows behind 有数据行被拒收, after the list: what to correct and send again
  const behind = rejectedList(rejected.filter((r) => missing.some((m) => m.rejected && m.dataset === r.dataset)));
  const blank = blanks.map(
    (b) =>
      `<li data-dataset="${esc(b.dataset)}" data-blank="true">${esc(datasetLabels[b.dataset] ?? b.dataset)}：${esc(blankWords(b))}</li>`,
  );
  return `<div class="owed" id="owed">${owed.length ? `<p class="missing">${year}年尚未报齐：</p><ul>${owed.join("")}</ul>` : ""}${
    behind ? `<p class="missing">被拒收的数据行（请改正后重新报送）：</p>${behind}` : ""
  }${
    blank.length
      ? `<p class="missing">${year}年未填的选填项（需要这些数字的指标不计入这些年级）：</p><ul>${blank.join("")}</ul>`
      : ""
  }</div>`;
}

function schoolOwed(page: SchoolPageContext): string {
  if (!schoolOf(page)) return "";
  const { snapshot, schoolId } = page;
  const mine = <T extends { school_id: string | null }>(rows: T[]) => rows.filter((r) => r.school_id === schoolId);
  const incomplete = schoolTargets(page).statuses.filter((s) => s === "incomplete").length;
  return owedMarkup(mine(snapshot.missing), mine(snapshot.blanks), incomplete, mine(snapshot.rejectedRows));
}

/** The school's corrections, latest first: why one of its numbers may have moved (none: nothing). */
function correctionsMarkup(corrections: Correction[], root = "/"): string {
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (c) => `<li data-dataset="${esc(c.dataset)}">${esc(correctionText(c, datasetLabels[c.dataset]))}</li>`,
  );
  const all = `<a href="${root}quality#corrections">全部更正记录</a>`;
  return `<div class="corrections"><p>${esc(correctionWords.school)}（${all}）：</p><ul>${items.join("")}</ul></div>`;
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

/** The school's classes of 56 and more (大班额) or over their grade's standard size, by name (none: nothing). */
function oversizeClassesMarkup(classes: OversizeClass[]): string {
  if (classes.length === 0) return "";
  const rows = classes.map(
    (c) =>
      `<tr><td>${esc(gradeLabels[c.grade] ?? c.grade)}</td><td>${esc(c.class_name)}</td><td class="num">${c.students}</td><td class="num">${c.standard_size ?? "—"}</td><td>${c.large ? `<strong>${classWords.large}</strong>` : classWords.over}</td></tr>`,
  );
  return `<section class="oversize-classes"><h2 id="oversize-classes">${classWords.title}（${classes[0].year}年）</h2>
<table class="data-table"><thead><tr><th>年级</th><th>班级</th><th>人数</th><th>标准班额</th><th>情况</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
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
