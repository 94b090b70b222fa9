// The school list: each school with the counts of its statuses in the latest year of each target
// (counted at build time from the warehouse: schools.json).
import { h } from "./dom.js";
import { sortableTable } from "./table.js";
import { statusOrder, statusWords } from "../shared/vocabulary.js";

export function schoolList(schools, { query = "" } = {}) {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (s) => {
    const text = [s.school_id, s.name, s.stage_label, s.street, s.cluster].join(" ").toLowerCase();
    return words.every((w) => text.includes(w));
  };
  const data = schools.filter(matches);
  if (data.length === 0) return h("p", { class: "muted" }, "没有找到匹配的学校。");
  return h(
    "div",
    {},
    h("p", { class: "muted" }, `共 ${data.length} 所学校`),
    sortableTable(data, [
      { key: "school_id", label: "学校代码", optional: true },
      { key: "name", label: "学校名称", href: (s) => `./schools/${encodeURIComponent(s.school_id)}` },
      { key: "stage_label", label: "办学类型", optional: true },
      { key: "street", label: "镇街", optional: true },
      { key: "cluster", label: "学区集团", optional: true },
      ...statusOrder.filter((s) => s !== "info").map((s) => ({ key: s, label: statusWords[s], numeric: true })),
    ]),
  );
}
