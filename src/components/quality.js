// Data quality views: the ingest log, rejects grouped by reason with raw records, reports owed and not
// received, schools whose vision figures changed kind, pupils the myopia criterion could not judge, corrections.
import { h } from "./dom.js";
import { formatCount, formatNumber, formatPercent } from "../shared/format.js";
import {
  blankSummaryWords,
  blankWords,
  correctionWords,
  encodingWords,
  ingestStatusWords,
  lackWords,
  reasonWords,
  sectionWords,
  sourceKindWords,
} from "../shared/vocabulary.js";
import { sortableTable } from "./table.js";

const schoolLink = { key: "name", label: "学校名称", href: (r) => `./schools/${encodeURIComponent(r.school_id)}` };
const named = (rows, schools) => {
  const names = new Map(schools.map((s) => [s.school_id, s.name]));
  return rows.map((r) => ({ ...r, name: names.get(r.school_id) ?? r.school_id }));
};

export function ingestTable(log, { datasetNames = {} } = {}) {
  if (log.length === 0) return h("p", { class: "muted" }, "尚无导入记录。");
  return sortableTable(log, [
    { key: "load_id", label: "批次", numeric: true },
    { key: "source_file", label: "文件" },
    { key: "dataset", label: "数据集", format: (v) => (v == null ? "无法识别" : (datasetNames[v] ?? v)) },
    { key: "encoding", label: "编码", format: (v) => encodingWords[v] ?? v ?? "—" },
    { key: "rows_read", label: "读取行数", numeric: true, format: (v) => formatCount(v) },
    { key: "rows_loaded", label: "导入行数", numeric: true, format: (v) => formatCount(v) },
    { key: "rows_rejected", label: "拒收行数", numeric: true, format: (v) => formatCount(v) },
    { key: "status", label: "结果", format: (v) => ingestStatusWords[v] ?? v },
    { key: "message", label: "说明", format: (v) => v ?? "" },
    { key: "loaded_at", label: "导入时间" },
  ]);
}

export function rejectsView(reasons, rejects, { datasetNames = {} } = {}) {
  if (reasons.length === 0) return h("p", { class: "muted" }, "没有被拒收的数据行。");
  return h(
    "div",
    {},
    reasons.map((r) => {
      const rows = rejects.filter((x) => x.reason_code === r.reason_code);
      return h(
        "details",
        { class: "reject-group" },
        h(
          "summary",
          {},
          h("strong", {}, reasonWords[r.reason_code] ?? r.reason_code),
          `：${formatCount(r.rows)} 行，涉及 ${r.files} 个文件 `,
          h("small", { class: "muted code" }, r.reason_code),
        ),
        sortableTable(rows, [
          { key: "source_file", label: "文件" },
          { key: "source_line", label: "行号", numeric: true },
          { key: "dataset", label: "数据集", format: (v) => datasetNames[v] ?? v ?? "—" },
          { key: "reason", label: "原因" },
          { key: "record", label: "原始记录", format: formatRecord },
        ]),
      );
    }),
  );
}

/** The raw record (JSON of header → cell) as "表头：值" pairs, shown as text. */
function formatRecord(json) {
  try {
    return Object.entries(JSON.parse(json))
      .map(([k, v]) => `${k}：${v}`)
      .join("；");
  } catch {
    return json ?? "";
  }
}

/** Per dataset, how many schools owe it and sent it whole; then per school what it has not. */
export function missingView({ missing, completeness }, schools) {
  if (!completeness) return h("p", { class: "muted" }, "尚无应报数据。");
  const totals = sortableTable(
    completeness.datasets.map((d) => ({ ...d, short: d.owed - d.complete, share: d.complete / d.owed })),
    [
      { key: "label", label: "报表" },
      { key: "owed", label: "应报学校", numeric: true },
      { key: "complete", label: "已报齐", numeric: true },
      { key: "short", label: "未报齐", numeric: true },
      { key: "share", label: "报齐率", numeric: true, unit: "ratio", format: (v) => formatPercent(v) },
    ],
    { filename: `${completeness.year}年报送情况` },
  );
  const intro = h(
    "p",
    {},
    `${completeness.year}年各校应报报表 ${formatNumber(completeness.owed, 0)} 份，已收齐 ${formatNumber(completeness.complete, 0)} 份。`,
    missing.length ? "未报齐的学校的相关指标显示为“数据不全”，请催报或核对后重新导入。" : "全部收齐。",
  );
  if (missing.length === 0) return h("div", {}, intro, totals);
  const rows = named(missing, schools).map((m) => ({ ...m, lack: lackWords(m) }));
  return h(
    "div",
    {},
    intro,
    totals,
    h("h3", {}, "未报齐的报表"),
    sortableTable(
      rows,
      [
        { key: "school_id", label: "学校代码" },
        schoolLink,
        { key: "label", label: "报表" },
        { key: "lack", label: "情况" },
      ],
      { sort: "school_id", filename: `${completeness.year}年未报齐清单` },
    ),
  );
}

/**
 * Optional cells left blank in grade rows: "3 校 5 个年级未填 校外体育活动(分钟/天)" per column, then each
 * school with its grades. Such a grade is left out only of the targets that need the cell.
 */
export function blanksView(blanks, schools, { datasetNames = {} } = {}) {
  if (!blanks || blanks.length === 0) return h("p", { class: "muted" }, "没有未填的选填项。");
  const byColumn = new Map();
  for (const b of blanks) {
    const key = `${b.dataset}\u0000${b.label}`;
    const seen = byColumn.get(key) ?? { dataset: b.dataset, label: b.label, schools: 0, grades: 0 };
    seen.schools += 1;
    seen.grades += b.grades.length;
    byColumn.set(key, seen);
  }
  const summary = h(
    "ul",
    { class: "blank-summary" },
    [...byColumn.values()].map((c) =>
      h("li", {}, `${datasetNames[c.dataset] ?? c.dataset}：${blankSummaryWords(c.schools, c.grades, c.label)}`),
    ),
  );
  return h(
    "div",
    {},
    h("p", {}, "这些年级的选填项未填：需要该数字的指标不计入这些年级，相关学校显示为“数据不全”；其他指标照常计算。"),
    summary,
    sortableTable(
      named(blanks, schools).map((b) => ({
        ...b,
        dataset_label: datasetNames[b.dataset] ?? b.dataset,
        what: blankWords(b),
      })),
      [
        { key: "school_id", label: "学校代码" },
        schoolLink,
        { key: "dataset_label", label: "报表" },
        { key: "what", label: "情况" },
      ],
      { sort: "school_id" },
    ),
  );
}

/** A note above a table of school rows (year, code, linked name, then `columns`), or `empty` when there are none. */
function schoolRowsView(rows, schools, { empty, note, columns }) {
  if (rows.length === 0) return h("p", { class: "muted" }, empty);
  return h(
    "div",
    {},
    h("p", {}, note),
    sortableTable(named(rows, schools), [
      { key: "year", label: "年度", numeric: true },
      { key: "school_id", label: "学校代码" },
      schoolLink,
      ...columns,
    ]),
  );
}

export function sourceChangesView(changes, schools) {
  return schoolRowsView(changes, schools, {
    empty: "没有学校改变视力数据的来源。",
    note: "这些学校前后两年视力数据的来源不同（汇总表与学生个案），两年的近视率不可比，不计算其较上年变化，也不计入全区同口径比较。",
    columns: [
      { key: "previous_source", label: "上年来源", format: (v) => sourceKindWords[v] ?? v },
      { key: "source", label: "本年来源", format: (v) => sourceKindWords[v] ?? v },
    ],
  });
}

export function indeterminateView(rows, schools) {
  return schoolRowsView(rows, schools, {
    empty: "没有无法判断的学生。",
    note: "学生个案中，裸眼视力低于 5.0 但等效球镜为空的学生无法按近视标准判断，不计入近视率的分子和分母。请学校补报屈光检查结果。",
    columns: [
      { key: "pupils", label: "无法判断人数", numeric: true },
      { key: "screened", label: "筛查人数", numeric: true },
    ],
  });
}

/** Every correction, latest run first: school, dataset, year, earlier file → later file, rows added, removed, changed. */
export function correctionsView({ corrections = [], datasetNames = {} }, schools) {
  if (corrections.length === 0) return h("p", { class: "muted" }, correctionWords.none);
  const names = new Map(schools.map((s) => [s.school_id, s.name]));
  const rows = corrections.map((c) => ({
    ...c,
    name: c.school_id == null ? "全区" : (names.get(c.school_id) ?? c.school_id),
    files: `${c.earlier_files} → ${c.later_files}`,
  }));
  // district datasets (区级参考数据, 重点任务台账) have no school to link to
  const school = {
    key: "name",
    label: "学校名称",
    format: (v, r) => (r.school_id == null ? v : h("a", { href: schoolLink.href(r) }, v)),
  };
  return h(
    "div",
    { class: "corrections" },
    h("p", {}, correctionWords.note),
    sortableTable(
      rows,
      [
        { key: "loaded_at", label: "更正导入时间" },
        { key: "school_id", label: "学校代码", format: (v) => v ?? "—" },
        school,
        { key: "dataset", label: "数据集", format: (v) => datasetNames[v] ?? v },
        { key: "year", label: "年度", numeric: true },
        // a target id is for analysts (milestones only), set apart like on the methods page
        {
          key: "target_id",
          label: "指标编号",
          format: (v) => (v == null ? "—" : h("small", { class: "target-id" }, v)),
        },
        { key: "files", label: "原文件 → 更正文件" },
        { key: "added", label: "新增行数", numeric: true },
        { key: "removed", label: "删除行数", numeric: true },
        { key: "changed", label: "修改行数", numeric: true },
      ],
      { sort: "loaded_at", descending: true, filename: "数据更正记录" },
    ),
  );
}
