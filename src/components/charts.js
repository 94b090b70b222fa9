// Charts of the area pages. Each is (data, options) → element; the page owns layout and width.
import * as Plot from "@observablehq/plot";
import { countTicks, formatTick, formatValue, unitLabel } from "../shared/format.js";
import { statusOrder, statusWords } from "../shared/vocabulary.js";
import { describedChart, statusCounts } from "./chartText.js";

const statusColor = {
  type: "ordinal",
  domain: statusOrder,
  // the colours of style.css (--status-<status>), so a chart and a badge never disagree
  range: statusOrder.map((s) => `var(--status-${s})`),
  tickFormat: (s) => statusWords[s],
  legend: true,
};

/**
 * Schools ranked by value with the threshold line; colour is the status the warehouse gives each row.
 * Beyond `maxBars` schools, one tick per school on a line per stage (the table below ranks them all).
 */
export function schoolRanking(
  rows,
  { unit, threshold, width = 640, nameOf = (r) => r.school_id, groupOf, maxBars = 40 } = {},
) {
  const data = rows.filter((r) => r.value != null).map((r) => ({ ...r, name: nameOf(r) }));
  if (data.length === 0) return empty("所选年度和范围内没有学校数值。");
  width = Math.max(width, 280);
  const ranked = [...data].sort((a, b) => b.value - a.value);
  const alternative = {
    head: ["学校", "数值", "状态"],
    rows: ranked.map((d) => [d.name, formatValue(d.value, unit), statusWords[d.status] ?? ""]),
  };
  const [top, bottom] = [ranked[0], ranked.at(-1)];
  const summary =
    [
      `${data.length} 所学校的数值，从高到低：最高为${top.name} ${formatValue(top.value, unit)}`,
      `最低为${bottom.name} ${formatValue(bottom.value, unit)}`,
      statusCounts(data, statusOrder, statusWords),
    ]
      .filter(Boolean)
      .join("；") + thresholdWords(threshold, unit);
  if (data.length > maxBars)
    return describedChart(
      schoolStrip(data, { unit, threshold, width, groupOf }),
      `短线图（每条短线为一所学校，按办学类型分行）：${summary}`,
      alternative,
    );
  const plot = Plot.plot({
    width,
    height: Math.max(120, data.length * 16 + 50),
    marginLeft: Math.min(220, width * 0.35, 14 + 13 * Math.max(...data.map((d) => d.name.length))),
    color: statusColor,
    x: valueAxis(data, unit, { zero: true }),
    y: { label: null, domain: ranked.map((d) => d.name) },
    marks: [
      Plot.barX(data, {
        x: "value",
        y: "name",
        fill: "status",
        title: (d) => `${d.name}：${formatValue(d.value, unit)}（${statusWords[d.status]}）`,
      }),
      threshold == null
        ? null
        : Plot.ruleX([threshold], { stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.ruleX([0]),
    ],
  });
  return describedChart(plot, `条形图：${summary}`, alternative);
}

function schoolStrip(data, { unit, threshold, width, groupOf = () => "全部学校" }) {
  const rows = data.map((d) => ({ ...d, group: groupOf(d) }));
  const groups = [...new Set(rows.map((d) => d.group))];
  return Plot.plot({
    width,
    height: 40 + groups.length * 36,
    marginLeft: 110,
    color: statusColor,
    x: valueAxis(rows, unit),
    y: { label: null, domain: groups },
    marks: [
      Plot.tickX(rows, {
        x: "value",
        y: "group",
        stroke: "status",
        strokeWidth: 2,
        title: (d) => `${d.name}：${formatValue(d.value, unit)}（${statusWords[d.status]}）`,
      }),
      threshold == null
        ? null
        : Plot.ruleX([threshold], { stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3" }),
    ],
  });
}

/** A value across years (district value, CV, milestone progress) against its threshold or limit. */
export function trendChart(rows, { unit, share = false, threshold, width = 640, height = 220, bars = false } = {}) {
  const data = rows.filter((r) => r.value != null).sort((a, b) => a.year - b.year);
  if (data.length === 0) return empty("暂无数据。");
  width = Math.max(width, 280);
  const mark = bars ? Plot.barY : Plot.lineY;
  const plot = Plot.plot({
    width,
    height,
    color: statusColor,
    x: { type: bars ? "band" : "point", label: "年度", tickFormat: (y) => `${y}` },
    y: { ...valueAxis(data, unit, { share, zero: bars }), zero: bars },
    marks: [
      bars
        ? Plot.barY(data, { x: "year", y: "value", fill: "status" })
        : mark(data, { x: "year", y: "value", stroke: "#888" }),
      bars ? null : Plot.dot(data, { x: "year", y: "value", fill: "status", r: 5 }),
      threshold == null
        ? null
        : Plot.ruleY([threshold], { stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.text(data, {
        x: "year",
        y: "value",
        dy: -12,
        text: (d) => formatValue(d.value, unit, { share }),
        title: (d) => `${d.year}年：${formatValue(d.value, unit, { share })}（${statusWords[d.status]}）`,
      }),
    ],
  });
  const what = share ? "全区达标学校占比" : "全区数值";
  const values = data.map(
    (d) => `${d.year}年 ${formatValue(d.value, unit, { share })}（${statusWords[d.status] ?? "—"}）`,
  );
  return describedChart(
    plot,
    `${bars ? "柱状图" : "折线图"}：${what}，${values.join("，")}${thresholdWords(threshold, unit, { share })}`,
    {
      head: ["年度", share ? "达标学校占比" : "数值", "状态"],
      rows: data.map((d) => [`${d.year}年`, formatValue(d.value, unit, { share }), statusWords[d.status] ?? ""]),
    },
  );
}

/** The end of a chart's sentence: where its dashed line stands. */
function thresholdWords(threshold, unit, { share = false } = {}) {
  return threshold == null ? "。" : `；虚线标在 ${formatValue(threshold, unit, { share })}。`;
}

/** The value axis: its unit once in the label, whole-number ticks for counts, labels that never repeat. */
function valueAxis(data, unit, { share = false, zero = false } = {}) {
  return {
    label: unitLabel(unit, { share }) || null,
    grid: true,
    ticks: share ? undefined : countTicks(data.map((d) => d.value).concat(zero ? [0] : []), unit),
    tickFormat: (v, i, ticks) => formatTick(v, unit, { share, ticks }),
  };
}

function empty(text) {
  const p = document.createElement("p");
  p.className = "muted";
  p.textContent = text;
  return p;
}
