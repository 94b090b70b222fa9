// 文件印发情况: each document the plan says to issue, with the 文号 and 印发日期 the ledger records and the
// district status the warehouse computed (a document issued after 31 December of its year is 未达标).
import { h } from "./dom.js";
import { statusWords } from "../shared/vocabulary.js";

/**
 * documents: rows of documents.json (target_id, year, as_of, doc_number, issued_on); targets: the registry's
 * targets to list (those of unit documents are kept); rows: district rows of indicator_values. Each
 * document is shown for the latest year its ledger records it; null when there is none to list.
 */
export function documentsTable(documents, targets, rows) {
  const listed = targets.filter((t) => t.unit === "documents");
  if (listed.length === 0) return null;
  const body = listed.map((t) => {
    const entries = documents.filter((d) => d.target_id === t.target_id);
    const latest = entries[entries.length - 1];
    const district = latest
      ? rows.find((r) => r.target_id === t.target_id && r.year === latest.year && r.school_id == null)
      : undefined;
    const status = district?.status ?? "no_data";
    return h(
      "tr",
      { "data-target-id": t.target_id },
      h("td", {}, t.title_zh),
      h("td", {}, latest ? `${latest.year}年` : "—"),
      h("td", {}, latest?.doc_number || "—"),
      h("td", {}, latest?.issued_on || (latest ? "未印发" : "—")),
      h("td", {}, latest?.as_of ?? "台账未登记"),
      h("td", {}, h("span", { class: `status-badge status-${status}` }, statusWords[status])),
    );
  });
  return h(
    "section",
    { class: "documents" },
    h("h2", { id: "documents" }, "文件印发情况"),
    h(
      "p",
      { class: "muted" },
      "工作要点要求出台的文件：文号、印发日期取自重点任务台账最近一个统计日期的记录；当年12月31日前印发为达标，逾期印发或尚未印发为未达标。",
    ),
    h(
      "div",
      { class: "documents-wrap" },
      h(
        "table",
        { class: "documents-table" },
        h(
          "thead",
          {},
          h("tr", {}, ...["文件", "年度", "文号", "印发日期", "统计日期", "状态"].map((c) => h("th", {}, c))),
        ),
        h("tbody", {}, ...body),
      ),
    ),
  );
}
