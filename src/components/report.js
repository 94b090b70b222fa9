// The printable district report (/report, printed by `npm run export`): a cover, a summary table of every
// target's district status in its latest year, then the area pages' blocks filled for each area's latest year.
import { areaBlocks } from "./area.js";
import { h } from "./dom.js";
import { localTime } from "../shared/format.js";
import { cardFacts } from "../shared/targetCard.js";
import { areas, defaultIssuer, statusOrder, statusWords } from "../shared/vocabulary.js";
import { sortableTable } from "./table.js";

/** The latest district row of each target (the warehouse's status, as stored). */
function latestDistrict(rows) {
  const latest = new Map();
  for (const r of rows) {
    if (r.school_id != null) continue;
    if (!latest.has(r.target_id) || latest.get(r.target_id).year < r.year) latest.set(r.target_id, r);
  }
  return latest;
}

/** generatedAt: "YYYY-MM-DD HH:mm" given by `npm run export` (?generated=), else now; issuer likewise (?issuer=). */
export function reportCover(
  facts,
  targets,
  rows,
  { generatedAt = localTime(new Date()), issuer = defaultIssuer } = {},
) {
  const latest = latestDistrict(rows);
  const counts = statusOrder.map(
    (s) => `${statusWords[s]} ${targets.filter((t) => (latest.get(t.target_id)?.status ?? "no_data") === s).length} 项`,
  );
  return h(
    "section",
    { class: "report-cover" },
    h("h1", {}, facts.planTitle),
    h("p", { class: "report-subtitle" }, "指标监测报告"),
    facts.isSample
      ? h(
          "p",
          { class: "report-sample" },
          h("strong", {}, "示例数据"),
          "：本报告由随附的合成示例数据生成，所有学校与数字均为虚构，仅用于演示。",
        )
      : null,
    h(
      "dl",
      { class: "report-facts" },
      h("dt", {}, "出具单位"),
      h("dd", {}, issuer),
      h("dt", {}, "数据截至"),
      h("dd", {}, facts.loadedAt ? `${facts.loadedAt}（最近一次数据导入）` : "未知"),
      h("dt", {}, "生成时间"),
      h("dd", {}, generatedAt),
      h("dt", {}, "量化指标"),
      h("dd", {}, `共 ${targets.length} 项：${counts.join("，")}`),
    ),
  );
}

/** Every target with its district value and status in its latest year, in the registry's order. */
export function targetSummary(targets, rows, progress = []) {
  const latest = latestDistrict(rows);
  const progressOf = new Map(progress.map((p) => [p.target_id, p]));
  const areaTitles = Object.fromEntries(areas.map((a) => [a.slug, a.title]));
  const data = targets.map((t, i) => {
    const row = latest.get(t.target_id);
    const card = cardFacts(t, { row, progress: progressOf.get(t.target_id) });
    return { order: i + 1, area: areaTitles[t.area] ?? t.area, target: t, row, card, status: card.status };
  });
  const share = (d) => d.card.share;
  return sortableTable(
    data,
    [
      { key: "order", label: "序号", numeric: true },
      { key: "area", label: "领域", nowrap: true },
      // in the printed report, a link to the target's block further on
      {
        key: "title",
        label: "指标",
        format: (_, d) => d.target.title_zh,
        href: (d) => `#target-${d.target.target_id}`,
      },
      { key: "goal", label: "目标", format: (_, d) => d.card.goal },
      { key: "year", label: "年度", nowrap: true, format: (_, d) => d.card.year },
      {
        key: "value",
        label: "全区值",
        numeric: true,
        value: (d) => d.row?.value,
        unit: (d) => d.target.display_unit,
        share,
        format: (_, d) => d.card.value,
      },
      {
        key: "reported",
        label: "报送",
        nowrap: true,
        value: (d) => (d.row?.schools_owed ? d.row.schools_reported / d.row.schools_owed : null),
        format: (_, d) => [d.card.reported, d.card.bounds].filter(Boolean).join("；") || "—",
      },
      {
        key: "progress",
        label: "进度",
        value: (d) => progressOf.get(d.target.target_id)?.ratio ?? null,
        format: (_, d) => d.card.progress || "—",
      },
      {
        key: "status",
        label: "状态",
        nowrap: true,
        value: (d) => statusOrder.indexOf(d.status),
        // the site's coloured badge, with its word: the colour is never the only sign
        format: (s) => h("span", { class: `status-badge status-${s}` }, statusWords[s]),
      },
    ],
    { filename: "指标汇总" },
  );
}

/** Each area's section: its title and its targets' blocks for the latest year the area has any row. */
export function reportAreas(rows, schools, targets, { width, progress }) {
  return h(
    "div",
    {},
    areas.map((area) => {
      const mine = targets.filter((t) => t.area === area.slug);
      const ids = new Set(mine.map((t) => t.target_id));
      const year = Math.max(...rows.filter((r) => ids.has(r.target_id)).map((r) => r.year));
      return h(
        "section",
        { class: "report-part", id: `area-${area.slug}` },
        h("h2", {}, area.title),
        Number.isFinite(year)
          ? areaBlocks(rows, schools, mine, { filter: { year }, width, progress })
          : h("p", { class: "muted" }, "本领域暂无数据。"),
      );
    }),
  );
}
