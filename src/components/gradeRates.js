// Myopia by grade for one school or the district: rows come from the warehouse table vision_grade_rates,
// where counts over too few pupils (and those that would give them away) are already hidden; this
// table shows the reason in their place.
import { filterBar } from "./controls.js";
import { h } from "./dom.js";
import { formatNumber, formatPercent } from "../shared/format.js";

/** The heading and the explanation of the table. */
export function gradeRatesHeading() {
  return h(
    "div",
    {},
    h("h2", { id: "grade-rates" }, "各年级近视率"),
    h(
      "p",
      { class: "muted" },
      "所选学校（或全区）在上方所选年度的分年级筛查人数、近视人数和近视率。某年级筛查人数过少时不显示其近视人数和近视率，以免识别到个别学生；能由合计推算出这一年级时，另一个年级也一并不显示。表中注明原因；学校和全区的合计照常显示。",
    ),
  );
}

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
      h(
        "td",
        { class: "num" },
        formatNumber(r.screened, 0),
        // pupils with poor acuity and no refraction: not judged by the myopia criterion
        r.judged < r.screened ? h("small", { class: "muted" }, `（可判定 ${formatNumber(r.judged, 0)} 人）`) : null,
      ),
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
