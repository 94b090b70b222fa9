// A sortable table: click a header to sort by it; every row is in the page (so print shows them all).
// Cells are set with textContent, so a name containing markup shows as text. Above it, CSV and Excel
// download buttons save the rows as shown (same order and words).
import { downloadButtons, tableCells } from "./download.js";

/**
 * columns: [{key, label, format?, numeric?, nowrap?, value?, href?, unit?, share?, optional?}] (an optional column is
 * left out on a phone's narrow screen, and still downloaded); options: {sort, descending,
 * caption, filename} (filename without extension; by default the page's title and the table's section heading).
 * A numeric column downloads its value (value(row), else row[key]); with a unit (a unit code, or a function of
 * the row) as a number in that unit and format, `share(row)` marking the share of schools met.
 */
export function sortableTable(rows, columns, { sort = columns[0].key, descending = false, caption, filename } = {}) {
  const block = document.createElement("div");
  block.className = "table-block";
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  const table = document.createElement("table");
  table.className = "data-table";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  let state = { sort, descending };
  let sorted = rows;
  const valueOf = (column, row) => (column.value ? column.value(row) : row[column.key]);
  const textOf = (c, row) => (c.format ? c.format(row[c.key], row) : (row[c.key] ?? "—"));

  function render() {
    const column = columns.find((c) => c.key === state.sort) ?? columns[0];
    sorted = rows.slice().sort((a, b) => compare(valueOf(column, a), valueOf(column, b)) * (state.descending ? -1 : 1));
    for (const th of head.children) {
      th.setAttribute(
        "aria-sort",
        th.dataset.key === state.sort ? (state.descending ? "descending" : "ascending") : "none",
      );
    }
    body.replaceChildren(
      ...sorted.map((row) => {
        const tr = document.createElement("tr");
        for (const c of columns) {
          const td = tr.insertCell();
          td.className = [c.numeric ? "num" : c.nowrap ? "nowrap" : "", c.optional ? "optional" : ""].join(" ").trim();
          const text = textOf(c, row);
          if (c.href) {
            const a = document.createElement("a");
            a.href = c.href(row);
            a.textContent = String(text);
            td.append(a);
          } else if (text instanceof Node) td.append(text);
          else td.textContent = String(text);
        }
        return tr;
      }),
    );
  }

  for (const c of columns) {
    const th = document.createElement("th");
    th.dataset.key = c.key;
    if (c.optional) th.className = "optional";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = c.label;
    button.title = `按“${c.label}”排序`;
    button.addEventListener("click", () => {
      state = { sort: c.key, descending: state.sort === c.key ? !state.descending : Boolean(c.numeric) };
      render();
    });
    const label = document.createElement("span");
    label.className = "print-label";
    label.textContent = c.label;
    th.append(button, label);
    head.append(th);
  }
  render();
  wrap.append(table);
  const shown = (row, c) => {
    const text = textOf(c, row);
    return text instanceof Node ? text.textContent : String(text);
  };
  const name = () => defaultName(block, filename ?? caption);
  block.append(
    downloadButtons(() => tableCells(columns, sorted, shown), name),
    wrap,
  );
  return block;
}

/**
 * The page's title, the heading of the table's target or section and the filters in force, with 示例数据 first
 * on the sample: e.g. "示例数据_视力健康_总体近视率_井口镇", so a filtered download is not taken for the whole table.
 */
function defaultName(element, given) {
  const sample = document.querySelector(".sample-banner") ? "示例数据" : "";
  const page = document.querySelector("#observablehq-main h1")?.textContent?.trim();
  const section = element.closest(".target-block, details")?.querySelector("h3, summary")?.textContent?.trim();
  const chosen = [...document.querySelectorAll("form.filters select")]
    .filter((s) => s.value !== "")
    .map((s) => s.selectedOptions[0]?.textContent?.trim());
  const typed = [...document.querySelectorAll(".filters input[type=search]")]
    .map((i) => i.value.trim())
    .filter(Boolean)
    .map((q) => `含“${q}”`);
  const base = given ? [given] : [page, section];
  return [sample, ...base, ...chosen, ...typed].filter(Boolean).join("_");
}

function compare(a, b) {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "zh-CN");
}
