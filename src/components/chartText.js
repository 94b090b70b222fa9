// The text alternative of a chart, for a screen reader and for anyone who cannot read the picture: the
// chart is one image named by a Chinese sentence of what it shows, and its values follow as a compact
// table folded under 数据表 (left out of print: the printed page shows the chart and the table of schools).
import { h } from "./dom.js";

/**
 * Wraps a Plot chart (an svg, or a figure holding its legend and svg) in a figure: the svg becomes
 * role="img" named by `sentence`; Plot's own English names of its marks ("y-axis tick label") are kept
 * only as data-mark, where no reader hears them; `head` and `rows` (arrays of cell texts) are the table.
 */
export function describedChart(plot, sentence, { head, rows }) {
  for (const element of plot.querySelectorAll("[aria-label], [aria-description]")) {
    const name = element.getAttribute("aria-label");
    if (name) element.dataset.mark = name;
    element.removeAttribute("aria-label");
    element.removeAttribute("aria-description");
  }
  const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector(":scope > svg");
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", sentence);
  return h(
    "figure",
    { class: "chart" },
    plot,
    h(
      "details",
      { class: "chart-data" },
      h("summary", {}, "数据表"),
      h(
        "table",
        { class: "chart-table" },
        h("caption", {}, sentence),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            head.map((label) => h("th", { scope: "col" }, label)),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map(([first, ...rest]) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, first),
              rest.map((v) => h("td", {}, v)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** How many rows have each status, in the order given: "达标 12 所、未达标 3 所". */
export function statusCounts(rows, order, words, noun = "所") {
  return order
    .map((s) => [s, rows.filter((r) => r.status === s).length])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${words[s]} ${n} ${noun}`)
    .join("、");
}
