// Static markup written into the pages at build time: target cards carry the contract attributes
// (data-target-id, data-status) in the HTML itself, so they show without JavaScript and in print.
import { sectionLabels, stageLabels } from "../lib/codes.ts";
import { escapeHtml as esc, formatChange, formatThreshold, formatValue } from "../../src/shared/format.js";
import { statusWords } from "../../src/shared/vocabulary.js";
import { areas } from "../../src/shared/vocabulary.js";
import { readPlan } from "./plan.ts";
import { latestRows, rowKey, snapshotIndex, type IndicatorRow, type Snapshot } from "./snapshot.ts";
import type { SiteTarget } from "./targets.ts";

const areaTitle = new Map(areas.map((a) => [a.slug, a.title]));

function badge(status: string): string {
  return `<span class="status-badge status-${esc(status)}">${esc(statusWords[status] ?? status)}</span>`;
}

interface CardInput {
  target: SiteTarget;
  row?: IndicatorRow;
  previous?: IndicatorRow;
  share: boolean; // the row is the share of schools met
  href: string; // where the title links
  /** The rows of every year, drawn as the card's trend. */
  series: IndicatorRow[];
  extra?: string;
}

/**
 * A card's trend as sparkline.js draws it, written into the page: no page has to load a data file
 * for its sparklines, so a school page stays the same size however many schools the district has.
 */
function seriesAttribute(series: IndicatorRow[], unit: string, share: boolean): string {
  const points = series.map((r) => ({ year: r.year, value: r.value, threshold: r.threshold }));
  return esc(JSON.stringify({ unit, share, points }));
}

function card({ target, row, previous, share, href, series, extra = "" }: CardInput): string {
  const status = row?.status ?? "no_data";
  const unit = target.display_unit;
  const count =
    share && row?.denominator
      ? `<span class="card-count">${row.numerator ?? 0} / ${row.denominator} 所达标</span>`
      : "";
  return `<article class="target-card status-${esc(status)}" data-target-id="${esc(target.target_id)}" data-status="${esc(status)}">
<div class="card-head"><a class="card-title" href="${esc(href)}">${esc(target.title_zh)}</a>${badge(status)}</div>
<div class="card-value">${share ? '<span class="card-label">达标学校占比</span>' : ""}${esc(formatValue(row?.value, unit, { share }))}${count}</div>
<dl class="card-meta"><dt>目标</dt><dd>${esc(formatThreshold(target.comparator, target.threshold, unit, { share }))}</dd><dt>年度</dt><dd>${row ? `${row.year}年` : "—"}</dd><dt>较上年</dt><dd>${esc(formatChange(row?.value, previous?.value, unit, { share }))}</dd>${extra}</dl>
<div class="spark" data-spark="${esc(target.target_id)}" data-series="${seriesAttribute(series, unit, share)}"></div>
<div class="card-foot"><a href="/methods#clause-${target.clause}">第${target.clause}条 ${esc(target.clause_title)}</a></div>
</article>`;
}

/** Counts of statuses across cards. */
function summary(statuses: string[]): string {
  const count = (s: string) => statuses.filter((x) => x === s).length;
  return `<div class="status-summary">${["met", "not_met", "no_data", "info"]
    .map(
      (s) =>
        `<div class="summary-item status-${s}"><span class="summary-count">${count(s)}</span><span>${statusWords[s]}</span></div>`,
    )
    .join("")}</div>`;
}

/** 总览: every target, grouped by the plan's sections, district status of its latest year. */
export function overviewMarkup(snapshot: Snapshot, targets: SiteTarget[]): string {
  const { bySchool, series } = snapshotIndex(snapshot);
  const latest = latestRows(bySchool.get("") ?? []);
  const statuses = targets.map((t) => latest.get(rowKey(t.target_id, null))?.latest.status ?? "no_data");
  const sections = readPlan().sections.map((section) => {
    const mine = targets.filter((t) => t.section === section.numeral);
    const cards = mine.map((t) => {
      const found = latest.get(rowKey(t.target_id, null));
      return card({
        target: t,
        ...(found && { row: found.latest, previous: found.previous }),
        share: t.scope === "school",
        href: `/${t.area}#target-${t.target_id}`,
        series: series.get(rowKey(t.target_id, null)) ?? [],
      });
    });
    const body = cards.length
      ? `<div class="card-grid">${cards.join("\n")}</div>`
      : `<p class="muted">本部分为定性任务，暂无量化指标。</p>`;
    return `<section class="plan-section"><h2 id="section-${section.numeral}">${esc(section.numeral)}、${esc(section.title)}</h2>\n${body}</section>`;
  });
  return `${summary(statuses)}\n${sections.join("\n")}`;
}

/** 学校: the school's applicable targets in its latest year, the district beside each, missing reports. */
export function schoolMarkup(snapshot: Snapshot, targets: SiteTarget[], schoolId: string): string {
  const school = snapshot.schools.find((s) => s.school_id === schoolId);
  if (!school) return `<p class="muted">未找到该学校。</p>`;
  const { bySchool, series } = snapshotIndex(snapshot);
  const latest = latestRows([...(bySchool.get("") ?? []), ...(bySchool.get(schoolId) ?? [])]);
  const mine = targets.filter((t) => latest.has(rowKey(t.target_id, schoolId)));
  const facts = [
    ["学校代码", school.school_id],
    ["办学类型", stageLabels[school.stage]?.[0] ?? school.stage],
    ["办学性质", school.ownership === "private" ? "民办" : school.ownership === "public" ? "公办" : "—"],
    ["所属镇街", school.street ?? "—"],
    ["学区集团", school.cluster ?? "—"],
  ];
  const missing = snapshot.missing.filter((m) => m.school_id === schoolId);
  const missingText = missing.length
    ? `<p class="missing">${missing[0].year}年尚未报送：${missing.map((m) => esc(m.label)).join("、")}</p>`
    : `<p class="muted">本年度应报数据均已报送。</p>`;
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
          const extra = `<dt>全区</dt><dd>${esc(districtText)}</dd>`;
          return card({
            target: t,
            row: own.latest,
            previous: own.previous,
            share: false,
            href: `/${t.area}#target-${t.target_id}`,
            series: series.get(rowKey(t.target_id, schoolId)) ?? [],
            extra,
          });
        });
      return cards.length
        ? `<section><h2 id="area-${area.slug}">${esc(areaTitle.get(area.slug))}</h2>\n<div class="card-grid">${cards.join("\n")}</div></section>`
        : "";
    })
    .join("\n");
  const statuses = mine.map((t) => latest.get(rowKey(t.target_id, schoolId))!.latest.status);
  return `<dl class="school-facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl>
${missingText}
${mine.length ? summary(statuses) : '<p class="muted">暂无适用于该校的指标。</p>'}
${groups}`;
}

/** 方法: per clause, its text and the targets that serve it. */
export function methodsMarkup(targets: SiteTarget[]): string {
  const plan = readPlan();
  const used = [...new Set(targets.map((t) => t.clause))].sort((a, b) => a - b);
  return used
    .map((n) => {
      const clause = plan.clauses.find((c) => c.number === n);
      const rows = targets
        .filter((t) => t.clause === n)
        .map(
          (t) =>
            `<tr id="method-${esc(t.target_id)}"><td>${esc(t.title_zh)}<br><small class="muted">${esc(t.target_id)}</small></td><td><code>${esc(t.formula)}</code></td><td>${esc(formatThreshold(t.comparator, t.threshold, t.display_unit))}</td><td>${esc(scopeWords(t))}</td><td>${esc(t.source)}</td></tr>`,
        )
        .join("\n");
      return `<section class="clause"><h2 id="clause-${n}">第${n}条 ${esc(clause?.title ?? "")}</h2>
<blockquote class="clause-text">${esc(clause?.text ?? "")}</blockquote>
<table class="methods-table"><thead><tr><th>指标</th><th>计算公式（登记表原文）</th><th>目标值</th><th>范围</th><th>依据</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
    })
    .join("\n");
}

/** An area page's skeleton: per target an anchor, title, target and clause; the page fills the body. */
export function areaMarkup(targets: SiteTarget[], area: string): string {
  return targets
    .filter((t) => t.area === area)
    .map(
      (t) => `<section class="target-block" id="target-${esc(t.target_id)}" data-target-id="${esc(t.target_id)}">
<h3>${esc(t.title_zh)}</h3>
<p class="muted">目标：${esc(formatThreshold(t.comparator, t.threshold, t.display_unit, { share: t.scope === "school" }))} · ${esc(scopeWords(t))} · <a href="/methods#clause-${t.clause}">第${t.clause}条 ${esc(t.clause_title)}</a></p>
<div class="target-body"></div>
</section>`,
    )
    .join("\n");
}

function scopeWords(t: SiteTarget): string {
  const sections = t.applies_to.map((s) => (s === "milestone" ? "台账" : (sectionLabels[s] ?? s))).join("、");
  const scope = t.scope === "school" ? "逐校（校校达标）" : t.scope === "both" ? "逐校及全区" : "全区";
  return `${scope}；${sections}`;
}

export function bannerMarkup(snapshot: Snapshot): string {
  return snapshot.isSample
    ? `<div class="sample-banner" role="note"><strong>示例数据</strong>：当前数据仓库载入的是随附的合成示例数据，所有学校与数字均为虚构，仅用于演示。</div>`
    : "";
}

export function footerMarkup(snapshot: Snapshot): string {
  const loaded = snapshot.loadedAt ? `数据载入时间：${esc(snapshot.loadedAt)}` : "数据载入时间：未知";
  return `<div class="site-footer">${loaded} · ${snapshot.isSample ? "示例数据（合成） · " : ""}沙坪坝区2021年教育工作要点指标监测</div>`;
}
