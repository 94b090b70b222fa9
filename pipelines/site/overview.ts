// 总览, written at build time: how complete the latest year is, the count of each status, and the card of
// every target (its district row in its latest year) under the plan's sections.
import { escapeHtml as esc, formatPercent } from "../../src/shared/format.js";
import { cardFacts, comparablePrevious } from "../../src/shared/targetCard.js";
import { statusSummaryHtml, targetCardHtml } from "../../src/shared/targetCardHtml.js";
import { readPlan } from "../lib/plan.ts";
import { datasetNames } from "../lib/seeds.ts";
import type { Completeness } from "../lib/reports.ts";
import { latestRows, rowKey, snapshotIndex, type Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { gapList, gapListId } from "./gaps.ts";

const datasetLabels = datasetNames();

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

/** Each target's district row in its latest year, with the year before it. */
const districtLatest = (snapshot: Snapshot) => latestRows(snapshotIndex(snapshot).bySchool.get("") ?? []);

/** The status tiles of the overview: one count per status of the targets' district rows. */
export function districtStatusSummary(snapshot: Snapshot, targets: Target[]): string {
  const latest = districtLatest(snapshot);
  return statusSummaryHtml(targets.map((t) => latest.get(rowKey(t.target_id, null))?.latest.status ?? "no_data"));
}

/** The card of every target for the district, under the plan's sections. */
export function districtCards(snapshot: Snapshot, targets: Target[]): string {
  const { series } = snapshotIndex(snapshot);
  const latest = districtLatest(snapshot);
  const progress = new Map(snapshot.progress.map((p) => [p.target_id, p]));
  const sections = readPlan().sections.map((section) => {
    const cards = targets
      .filter((t) => t.section === section.numeral)
      .map((t) => {
        const found = latest.get(rowKey(t.target_id, null));
        const facts = cardFacts(t, {
          ...(found && { row: found.latest, previous: comparablePrevious(found.latest, found.previous) }),
          series: series.get(rowKey(t.target_id, null)) ?? [],
          progress: progress.get(t.target_id),
        });
        return targetCardHtml(facts, {
          href: `/${t.area}#target-${t.target_id}`,
          gaps: found ? gapList(snapshot, t, found.latest.year, null, "/", datasetLabels) : "",
          gapsId: gapListId(t.target_id, null),
        });
      });
    const body = cards.length
      ? `<div class="card-grid">${cards.join("\n")}</div>`
      : `<p class="muted">本部分为定性任务，暂无量化指标。</p>`;
    return `<section class="plan-section"><h2 id="section-${section.numeral}">${esc(section.numeral)}、${esc(section.title)}</h2>\n${body}</section>`;
  });
  return sections.join("\n");
}
