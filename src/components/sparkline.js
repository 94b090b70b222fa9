// A small trend across years: the target's values as a line with its threshold as a dashed rule.
import * as Plot from "@observablehq/plot";
import { formatValue } from "../shared/format.js";

/** rows: [{year, value, threshold}] of one target and one school (or the district). */
export function sparkline(rows, { unit = "ratio", share = false, width = 240, height = 50 } = {}) {
  const data = rows.filter((d) => d.value != null).sort((a, b) => a.year - b.year);
  const threshold = rows.find((d) => d.threshold != null)?.threshold;
  if (data.length === 0) return document.createTextNode("");
  return Plot.plot({
    width,
    height,
    marginTop: 6,
    marginBottom: 18,
    marginLeft: 6,
    marginRight: 6,
    x: { type: "point", tickFormat: (y) => `${y}`, tickSize: 0, label: null, fontSize: 9 },
    y: { axis: null, nice: true, domain: threshold == null ? undefined : extent(data, threshold) },
    marks: [
      threshold == null
        ? null
        : Plot.ruleY([threshold], { stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3" }),
      Plot.lineY(data, { x: "year", y: "value", stroke: "var(--theme-foreground-focus)" }),
      Plot.dot(data, {
        x: "year",
        y: "value",
        r: 2.5,
        fill: "var(--theme-foreground-focus)",
        title: (d) => `${d.year}年：${formatValue(d.value, unit, { share })}`,
      }),
    ],
  });
}

function extent(data, threshold) {
  const values = data.map((d) => d.value).concat(threshold);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** Draws every `.spark[data-series]` inside root: the card's trend, written into the page at build time. */
export function fillSparklines(root) {
  for (const node of root.querySelectorAll(".spark[data-series]")) {
    const { unit, share, points } = JSON.parse(node.dataset.series);
    node.replaceChildren(sparkline(points, { unit, share }));
  }
}
