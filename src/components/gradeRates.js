// Myopia by grade for one school or the district: rows come from the warehouse view vision_grade_rates,
// where rates over too few pupils are already hidden; this table shows the reason in their place.
import { filterBar } from "./controls.js";
import { h } from "./dom.js";
import { formatNumber, formatPercent } from "../shared/format.js";

/** A school picker ("" is the district) over the schools that have grade rows, by name. */
export function gradeSchoolPicker(rows, schools) {
  const withRows = new Set(rows.map((r) => r.school_id).filter((id) => id != null));
  const options = schools
    .filter((s) => withRows.has(s.school_id))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))
    .map((s) => ({ value: s.school_id, label: s.name }));
  return filterBar([{ name: "school", label: "学校", options: [{ value: "", label: "全区" }, ...options] }]);
}

/** The table of one year for a school (`schoolId`) or the district (""). */
export function gradeRateTable(rows, { year, schoolId }) {
  const shown = rows
    .filter((r) => r.year === year && (r.school_id ?? "") === schoolId)
    .sort((a, b) => a.grade_order - b.grade_order);
  if (shown.length === 0) return h("p", { class: "muted" }, `${year}年没有所选范围的分年级视力数据。`);
  const head = ["年级", "筛查人数", "近视人数", "近视率"].map((label) => h("th", {}, label));
  const body = shown.map((r) =>
    h(
      "tr",
      { "data-grade": r.grade, "data-suppressed": r.suppressed ? "true" : null },
      h("td", {}, r.grade_label),
      h("td", { class: "num" }, formatNumber(r.screened, 0)),
      r.suppressed
        ? h("td", { class: "muted", colspan: 2 }, r.note)
        : [
            h("td", { class: "num" }, formatNumber(r.myopic, 0)),
            h("td", { class: "num" }, formatPercent(r.myopia_rate)),
          ],
    ),
  );
  return h(
    "div",
    { class: "table-wrap" },
    h("table", { class: "data-table grade-rates" }, h("thead", {}, h("tr", {}, head)), h("tbody", {}, body)),
  );
}
