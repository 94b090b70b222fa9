// An area page: filters, then per target its chart(s) and a table of schools, all from warehouse rows.
import { schoolRanking, trendChart } from "./charts.js";
import { filterBar, shownFields } from "./controls.js";
import { h } from "./dom.js";
import { formatValue } from "../shared/format.js";
import { cardFacts } from "../shared/targetCard.js";
import { scopeText, statusOrder, statusWords } from "../shared/vocabulary.js";
import { sortableTable } from "./table.js";

const all = (label) => [{ value: "", label: `全部${label}` }];
const distinct = (values) =>
  [...new Set(values.filter((v) => v != null && v !== ""))].sort((a, b) => String(a).localeCompare(String(b), "zh-CN"));

/**
 * Year, stage, street and cluster filters for the targets of one area; a school filter offers only what
 * the schools listed on the page (targets charted by school) have, so that every choice changes something.
 */
export const areaFilters = (rows, schools, targets) => filterBar(areaFilterFields(rows, schools, targets));

/** Whether an area page shows a filter of schools (办学类型, 镇街 or 学区集团); its words speak of one only then. */
export const filtersSchools = (rows, schools, targets) =>
  shownFields(areaFilterFields(rows, schools, targets)).some((f) => f.name !== "year");

function areaFilterFields(rows, allSchools, targets) {
  const ids = new Set(targets.map((t) => t.target_id));
  const years = distinct(rows.filter((r) => ids.has(r.target_id)).map((r) => r.year)).sort((a, b) => b - a);
  const bySchool = new Set(targets.filter((t) => t.chart === "schools").map((t) => t.target_id));
  const listed = new Set(rows.filter((r) => r.school_id != null && bySchool.has(r.target_id)).map((r) => r.school_id));
  const schools = allSchools.filter((s) => listed.has(s.school_id));
  const stages = new Map(schools.map((s) => [s.stage, s.stage_label]));
  return [
    {
      name: "year",
      label: "年度",
      numeric: true,
      value: years[0],
      options: years.map((y) => ({ value: y, label: `${y}年` })),
    },
    {
      name: "stage",
      label: "办学类型",
      options: all("类型").concat([...stages].map(([value, label]) => ({ value, label }))),
    },
    {
      name: "street",
      label: "镇街",
      options: all("镇街").concat(distinct(schools.map((s) => s.street)).map((v) => ({ value: v, label: v }))),
    },
    {
      name: "cluster",
      label: "学区集团",
      options: all("学区").concat(distinct(schools.map((s) => s.cluster)).map((v) => ({ value: v, label: v }))),
    },
  ];
}

/**
 * The blocks of an area's targets for the chosen year and schools: per target its anchor, title, goal
 * and clause, status, charts and table of schools. Statuses are the warehouse's, as stored.
 */
export function areaBlocks(rows, schools, targets, { filter, width, progress = [] }) {
  const progressOf = new Map(progress.map((p) => [p.target_id, p]));
  const schoolById = new Map(schools.map((s) => [s.school_id, s]));
  const keep = (id) => {
    const s = schoolById.get(id);
    return (
      s &&
      (!filter.stage || s.stage === filter.stage) &&
      (!filter.street || s.street === filter.street) &&
      (!filter.cluster || s.cluster === filter.cluster)
    );
  };
  return h(
    "div",
    { class: "area-blocks" },
    targets.map((t) => {
      const mine = rows.filter((r) => r.target_id === t.target_id);
      const row = mine.find((r) => r.school_id == null && r.year === filter.year);
      const card = cardFacts(t, { row, progress: progressOf.get(t.target_id) });
      const body = targetBody(t, mine, card, { filter, width, keep, schoolById });
      return h(
        "section",
        {
          class: "target-block",
          id: `target-${t.target_id}`,
          "data-target-id": t.target_id,
          "data-status": card.status,
        },
        h("h3", {}, card.title),
        h(
          "p",
          { class: "muted" },
          `目标：${card.goal} · ${scopeText(t)} · `,
          h("a", { href: `/methods#${card.clause.anchor}` }, card.clause.words),
        ),
        h("div", { class: "target-body" }, body),
      );
    }),
  );
}

/** A target's status line (what its card says for the district in the chosen year), charts and table of schools. */
function targetBody(target, rows, card, { filter, width, keep, schoolById }) {
  const unit = target.display_unit;
  const district = rows.filter((r) => r.school_id == null);
  const { share } = card;
  const threshold = target.comparator === "info" ? null : target.threshold;
  const schoolRows = rows.filter((r) => r.school_id != null && r.year === filter.year && keep(r.school_id));
  const nameOf = (r) => schoolById.get(r.school_id)?.name ?? r.school_id;
  const parts = [];
  if (target.chart === "schools") {
    parts.push(
      h(
        "h4",
        {},
        schoolRows.length > 40
          ? `${filter.year}年各校数值（每条短线为一所学校，按办学类型分行；虚线为目标值；完整排名见下表）`
          : `${filter.year}年各校数值（虚线为目标值，按数值排序）`,
      ),
      schoolRanking(schoolRows, {
        unit,
        threshold,
        width,
        nameOf,
        groupOf: (r) => schoolById.get(r.school_id)?.stage_label,
      }),
    );
    parts.push(
      h("h4", {}, `全区${share ? "达标学校占比" : "数值"}历年变化`),
      trendChart(district, { unit, share, threshold: share ? 1 : threshold, width, height: 180 }),
    );
    parts.push(schoolTable(schoolRows, { unit, schoolById }));
  } else {
    const title =
      target.chart === "cv"
        ? "差异系数历年变化（虚线为上限）"
        : target.chart === "milestone"
          ? "完成数历年变化（虚线为目标）"
          : "全区数值历年变化（虚线为目标值）";
    parts.push(
      h("h4", {}, title),
      trendChart(district, { unit, threshold, width, bars: target.chart === "milestone" }),
    );
  }
  const met = card.schoolsMet;
  const count = met ? `（${met.met} / ${met.of} 所学校达标）` : "";
  return [
    h(
      "p",
      { class: "target-status" },
      h("span", { class: `status-badge status-${card.status}` }, statusWords[card.status]),
      ` 全区${filter.year}年：${card.value}${count}`,
      card.reported ? h("span", { class: "card-reported" }, ` ${card.reported}`) : null,
      card.bounds ? h("span", { class: "card-bounds" }, card.bounds) : null,
    ),
    card.progress ? h("p", { class: "target-progress" }, `进度（截至最新年度）：${card.progress}`) : null,
    ...parts,
  ];
}

function schoolTable(rows, { unit, schoolById }) {
  if (rows.length === 0) return h("p", { class: "muted" }, "所选范围内没有学校。");
  const data = rows.map((r) => ({ ...r, ...schoolById.get(r.school_id) }));
  return sortableTable(
    data,
    [
      { key: "name", label: "学校", href: (r) => `./schools/${encodeURIComponent(r.school_id)}` },
      { key: "stage_label", label: "办学类型" },
      { key: "street", label: "镇街" },
      { key: "cluster", label: "学区集团" },
      { key: "value", label: "数值", numeric: true, unit, format: (v) => formatValue(v, unit) },
      {
        key: "status",
        label: "状态",
        value: (r) => statusOrder.indexOf(r.status),
        format: (s) => statusWords[s],
      },
    ],
    { sort: "status" },
  );
}
