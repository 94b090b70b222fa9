// The HTML written into pages at build time (the one place the site makes markup in Node): the overview's
// and each school page's cards with what is still owed, the sample banner and the footer. Measured: a
// school page stays the same size however many schools the district has, and prints without scripts.
import { escapeHtml as esc, formatPercent, formatValue, progressText } from "../../src/shared/format.js";
import {
  areas,
  blankWords,
  classWords,
  correctionText,
  correctionWords,
  lackWords,
  sectionWords,
} from "../../src/shared/vocabulary.js";
import { gradeLabels, stageLabels } from "../lib/codes.ts";
import { readPlan } from "../lib/plan.ts";
import type { Correction } from "../lib/corrections.ts";
import type { BlankCells } from "../lib/gaps.ts";
import { datasetNames, readDictionary } from "../lib/seeds.ts";
import type { Completeness, MissingReport } from "../lib/reports.ts";
import {
  latestRows,
  rowKey,
  snapshotIndex,
  type OversizeClass,
  type RejectedRow,
  type Snapshot,
} from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { card, comparablePrevious, statusSummary } from "./cards.ts";
import { gapList } from "./gaps.ts";

const datasetLabels = datasetNames();

/** Datasets that stand in for another's report (student records for the vision summary). */
const alternates = new Set([...readDictionary().values()].filter((d) => d.fulfils !== d.name).map((d) => d.name));
/** Whether a target's figures may come from either of two kinds of source. */
const readsAlternateSource = (t: Target) => t.datasets.some((d) => alternates.has(d));

/** "2021年应报 1,234 份报表，已收齐 1,200 份（97.2%）": how complete the latest year is. */
export function completenessMarkup(completeness: Completeness | null): string {
  if (!completeness || completeness.owed === 0) return "";
  const { year, owed, complete, datasets } = completeness;
  const short = datasets.filter((d) => d.complete < d.owed);
  const detail = short.length
    ? `未收齐的有：${short.map((d) => `${esc(d.label)} ${d.owed - d.complete} 校`).join("、")}。<a href="/quality#missing">查看缺报清单</a>`
    : "全部收齐。";
  return `<p class="completeness${short.length ? " short" : ""}" data-owed="${owed}" data-complete="${complete}">${year}年各校应报报表 ${owed} 份，已收齐 ${complete} 份（${formatPercent(complete / owed)}）。${detail}</p>`;
}

/** 总览: every target, grouped by the plan's sections, district status of its latest year. */
export function overviewMarkup(snapshot: Snapshot, targets: Target[]): string {
  const { bySchool, series } = snapshotIndex(snapshot);
  const latest = latestRows(bySchool.get("") ?? []);
  const statuses = targets.map((t) => latest.get(rowKey(t.target_id, null))?.latest.status ?? "no_data");
  const progress = new Map(snapshot.progress.map((p) => [p.target_id, p]));
  const sections = readPlan().sections.map((section) => {
    const cards = targets
      .filter((t) => t.section === section.numeral)
      .map((t) => {
        const found = latest.get(rowKey(t.target_id, null));
        const heading = progressText(progress.get(t.target_id));
        return card({
          target: t,
          ...(found && { row: found.latest, previous: comparablePrevious(found.latest, found.previous) }),
          share: t.scope === "school",
          href: `/${t.area}#target-${t.target_id}`,
          series: series.get(rowKey(t.target_id, null)) ?? [],
          extra: heading ? `<dt>进度</dt><dd class="card-progress">${esc(heading)}</dd>` : "",
          gaps: found ? gapList(snapshot, t, found.latest.year, null, "/", datasetLabels) : "",
        });
      });
    const body = cards.length
      ? `<div class="card-grid">${cards.join("\n")}</div>`
      : `<p class="muted">本部分为定性任务，暂无量化指标。</p>`;
    return `<section class="plan-section"><h2 id="section-${section.numeral}">${esc(section.numeral)}、${esc(section.title)}</h2>\n${body}</section>`;
  });
  return `${completenessMarkup(snapshot.completeness)}\n${statusSummary(statuses)}\n${sections.join("\n")}`;
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
export function owedMarkup(
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

const namesOfDatasets = datasetNames();

/** The school's corrections, latest first: why one of its numbers may have moved (none: nothing). */
export function correctionsMarkup(corrections: Correction[], root = "/"): string {
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (c) => `<li data-dataset="${esc(c.dataset)}">${esc(correctionText(c, namesOfDatasets[c.dataset]))}</li>`,
  );
  const all = `<a href="${root}quality#corrections">全部更正记录</a>`;
  return `<div class="corrections"><p>${esc(correctionWords.school)}（${all}）：</p><ul>${items.join("")}</ul></div>`;
}

/**
 * 学校: the school's applicable targets in its latest year, the district beside each, what it still owes,
 * the corrections of its data.
 * `root` "/" inside a Framework page; "../" for the school pages written from the built template
 * (schoolPages.ts), which also give each heading the anchor Framework gives it.
 */
export function schoolMarkup(snapshot: Snapshot, targets: Target[], schoolId: string, root = "/"): string {
  const school = snapshot.schools.find((s) => s.school_id === schoolId);
  if (!school) return `<p class="muted">未找到该学校。</p>`;
  const { bySchool, series } = snapshotIndex(snapshot);
  const latest = latestRows([...(bySchool.get("") ?? []), ...(bySchool.get(schoolId) ?? [])]);
  const changedSource = new Set(snapshot.sourceChanges.filter((c) => c.school_id === schoolId).map((c) => c.year));
  const mine = targets.filter((t) => latest.has(rowKey(t.target_id, schoolId)));
  const facts = [
    ["学校代码", school.school_id],
    ["办学类型", stageLabels[school.stage]?.[0] ?? school.stage],
    ["办学性质", school.ownership === "private" ? "民办" : school.ownership === "public" ? "公办" : "—"],
    ["所属镇街", school.street ?? "—"],
    ["学区集团", school.cluster ?? "—"],
  ];
  const groups = areas
    .map((area) => {
      const cards = mine
        .filter((t) => t.area === area.slug)
        .map((t) => {
          const own = latest.get(rowKey(t.target_id, schoolId))!;
          const district = latest.get(rowKey(t.target_id, null))?.latest;
          const districtText = !district
            ? "—"
            : t.scope === "school"
              ? `达标学校占比 ${formatValue(district.value, t.display_unit, { share: true })}`
              : formatValue(district.value, t.display_unit);
          const switched = readsAlternateSource(t) && changedSource.has(own.latest.year);
          return card({
            target: t,
            row: own.latest,
            previous: comparablePrevious(own.latest, own.previous, switched),
            share: false,
            href: `${root}${t.area}#target-${t.target_id}`,
            series: series.get(rowKey(t.target_id, schoolId)) ?? [],
            extra: `<dt>全区</dt><dd>${esc(districtText)}</dd>`,
            root,
            gaps: gapList(snapshot, t, own.latest.year, schoolId, root, datasetLabels),
          });
        });
      return cards.length
        ? `<section><h2 id="area-${area.slug}">${root === "/" ? esc(area.title) : `<a class="observablehq-header-anchor" href="#area-${area.slug}">${esc(area.title)}</a>`}</h2>\n<div class="card-grid">${cards.join("\n")}</div></section>`
        : "";
    })
    .join("\n");
  const statuses = mine.map((t) => latest.get(rowKey(t.target_id, schoolId))!.latest.status);
  return `<dl class="school-facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl>
${owedMarkup(
  snapshot.missing.filter((m) => m.school_id === schoolId),
  snapshot.blanks.filter((b) => b.school_id === schoolId),
  statuses.filter((s) => s === "incomplete").length,
  snapshot.rejectedRows.filter((r) => r.school_id === schoolId),
)}
${correctionsMarkup(
  snapshot.corrections.filter((c) => c.school_id === schoolId),
  root,
)}
${mine.length ? statusSummary(statuses) : '<p class="muted">暂无适用于该校的指标。</p>'}
${groups}
${oversizeClassesMarkup(snapshot.oversizeClasses.filter((c) => c.school_id === schoolId))}`;
}

/** The school's classes of 56 and more (大班额) or over their grade's standard size, by name (none: nothing). */
export function oversizeClassesMarkup(classes: OversizeClass[]): string {
  if (classes.length === 0) return "";
  const rows = classes.map(
    (c) =>
      `<tr><td>${esc(gradeLabels[c.grade] ?? c.grade)}</td><td>${esc(c.class_name)}</td><td class="num">${c.students}</td><td class="num">${c.standard_size ?? "—"}</td><td>${c.large ? `<strong>${classWords.large}</strong>` : classWords.over}</td></tr>`,
  );
  return `<section class="oversize-classes"><h2 id="oversize-classes">${classWords.title}（${classes[0].year}年）</h2>
<table class="data-table"><thead><tr><th>年级</th><th>班级</th><th>人数</th><th>标准班额</th><th>情况</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/**
 * An area page's index of its targets. Each entry is also the named anchor (`name="target-<id>"`) that
 * cards link to, so the links resolve before the page's script draws the blocks (which carry the id).
 */
export function areaIndexMarkup(targets: Target[], area: string): string {
  const items = targets
    .filter((t) => t.area === area)
    .map(
      (t) => `<li><a name="target-${esc(t.target_id)}" href="#target-${esc(t.target_id)}">${esc(t.title_zh)}</a></li>`,
    );
  return `<nav class="area-index" aria-label="本页指标"><ol>${items.join("")}</ol></nav>`;
}

export function bannerMarkup(snapshot: Snapshot): string {
  return snapshot.isSample
    ? `<div class="sample-banner" role="note"><strong>示例数据</strong>：合成数据，仅用于演示<span class="banner-more">；当前数据仓库载入的是随附的示例数据，所有学校与数字均为虚构</span>。</div>`
    : "";
}

export function footerMarkup(snapshot: Snapshot): string {
  const loaded = snapshot.loadedAt ? `数据载入时间：${esc(snapshot.loadedAt)}` : "数据载入时间：未知";
  return `<div class="site-footer">${loaded} · ${snapshot.isSample ? "示例数据（合成） · " : ""}沙坪坝区2021年教育工作要点指标监测</div>`;
}
