// Data quality views: the ingest log, rejects grouped by reason with raw records, missing reports.
import { h } from "./dom.js";
import { formatNumber } from "../shared/format.js";
import { sortableTable } from "./table.js";

const statusWords = { loaded: "已导入", unchanged: "未变化（已导入过）", failed: "整文件拒收" };
const encodingWords = { "utf-8": "UTF-8", gb18030: "GB18030", "utf-16le": "UTF-16LE" };

export function ingestTable(log, { datasetLabels = {} } = {}) {
  if (log.length === 0) return h("p", { class: "muted" }, "尚无导入记录。");
  return sortableTable(log, [
    { key: "load_id", label: "批次", numeric: true },
    { key: "source_file", label: "文件" },
    { key: "dataset", label: "数据集", format: (v) => (v == null ? "无法识别" : (datasetLabels[v] ?? v)) },
    { key: "encoding", label: "编码", format: (v) => encodingWords[v] ?? v ?? "—" },
    { key: "rows_read", label: "读取行数", numeric: true, format: (v) => formatNumber(v, 0) },
    { key: "rows_loaded", label: "导入行数", numeric: true, format: (v) => formatNumber(v, 0) },
    { key: "rows_rejected", label: "拒收行数", numeric: true, format: (v) => formatNumber(v, 0) },
    { key: "status", label: "结果", format: (v) => statusWords[v] ?? v },
    { key: "message", label: "说明", format: (v) => v ?? "" },
    { key: "loaded_at", label: "导入时间" },
  ]);
}

export function rejectsView(reasons, rejects, { datasetLabels = {}, reasonLabels = {} } = {}) {
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
          h("strong", {}, reasonLabels[r.reason_code] ?? r.reason_code),
          `（${r.reason_code}）：${formatNumber(r.rows, 0)} 行，涉及 ${r.files} 个文件`,
        ),
        sortableTable(rows, [
          { key: "source_file", label: "文件" },
          { key: "source_line", label: "行号", numeric: true },
          { key: "dataset", label: "数据集", format: (v) => datasetLabels[v] ?? v ?? "—" },
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

export function missingView(missing, schools) {
  if (missing.length === 0) return h("p", { class: "muted" }, "最新年度各校应报数据均已报送。");
  const names = new Map(schools.map((s) => [s.school_id, s.name]));
  const bySchool = new Map();
  for (const m of missing) bySchool.set(m.school_id, [...(bySchool.get(m.school_id) ?? []), m.label]);
  const rows = [...bySchool].map(([school_id, labels]) => ({
    school_id,
    name: names.get(school_id) ?? school_id,
    count: labels.length,
    datasets: labels.join("、"),
  }));
  const byDataset = new Map();
  for (const m of missing) byDataset.set(m.label, (byDataset.get(m.label) ?? 0) + 1);
  const summary = [...byDataset].map(([label, n]) => `${label} ${n} 所`).join("，");
  return h(
    "div",
    {},
    h("p", {}, `${missing[0].year}年：${rows.length} 所学校共缺报 ${missing.length} 项。${summary}。`),
    sortableTable(
      rows,
      [
        { key: "school_id", label: "学校代码" },
        { key: "name", label: "学校名称", href: (r) => `./schools/${encodeURIComponent(r.school_id)}` },
        { key: "count", label: "缺报项数", numeric: true },
        { key: "datasets", label: "尚未报送" },
      ],
      { sort: "count", descending: true },
    ),
  );
}
