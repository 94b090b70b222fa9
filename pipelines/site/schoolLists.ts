// The lists of a school page, from that school's rows: what it still owes (with the rows of its reports that
// were rejected), the corrections of its data, its oversize classes. Each is nothing when there is nothing to list.
import { escapeHtml as esc } from "../../src/shared/format.js";
import { blankWords, classWords, correctionText, correctionWords, lackWords } from "../../src/shared/vocabulary.js";
import { gradeLabels } from "../lib/codes.ts";
import type { Correction } from "../lib/corrections.ts";
import type { BlankCells } from "../lib/gaps.ts";
import { datasetNames } from "../lib/seeds.ts";
import type { MissingReport } from "../lib/reports.ts";
import type { OversizeClass, RejectedRow } from "../lib/snapshot.ts";

const datasetLabels = datasetNames();

/** The rejected rows of a report, by file and line with the reason (ten at the most, then how many more). */
function rejectedList(rows: RejectedRow[]): string {
  if (rows.length === 0) return "";
  const items = rows
    .slice(0, 10)
    .map((r) => `<li>${esc(r.source_file)} 第 ${r.source_line} 行：${esc(r.reason)}</li>`)
    .join("");
  const more = rows.length > 10 ? `<li>另有 ${rows.length - 10} 行，见数据质量页</li>` : "";
  return `<ul class="rejected-rows">${items}${more}</ul>`;
}

/**
 * What a school still owes: each report not received whole (the sections or grades that did not arrive),
 * and the optional cells it left blank. Never "均已报齐" while one of its cards says 数据不全 (`incomplete`).
 */
export function owedMarkup(
  missing: MissingReport[],
  blanks: BlankCells[] = [],
  incomplete = 0,
  rejected: RejectedRow[] = [],
): string {
  const year = missing[0]?.year ?? blanks[0]?.year;
  if (missing.length === 0 && blanks.length === 0) {
    return incomplete > 0
      ? `<div class="owed" id="owed"><p class="missing">应报报表均已收到，但有 ${incomplete} 项指标的部分数据缺少计算所需的数字，详见各卡片的“缺哪些数据”。</p></div>`
      : `<p class="muted owed-none" id="owed">本年度应报数据均已报齐。</p>`;
  }
  const owed = missing.map((m) => `<li data-dataset="${esc(m.dataset)}">${esc(m.label)}：${esc(lackWords(m))}</li>`);
  // the rows behind 有数据行被拒收, after the list: what to correct and send again
  const behind = rejectedList(rejected.filter((r) => missing.some((m) => m.rejected && m.dataset === r.dataset)));
  const blank = blanks.map(
    (b) =>
      `<li data-dataset="${esc(b.dataset)}" data-blank="true">${esc(datasetLabels[b.dataset] ?? b.dataset)}：${esc(blankWords(b))}</li>`,
  );
  return `<div class="owed" id="owed">${owed.length ? `<p class="missing">${year}年尚未报齐：</p><ul>${owed.join("")}</ul>` : ""}${
    behind ? `<p class="missing">被拒收的数据行（请改正后重新报送）：</p>${behind}` : ""
  }${
    blank.length
      ? `<p class="missing">${year}年未填的选填项（需要这些数字的指标不计入这些年级）：</p><ul>${blank.join("")}</ul>`
      : ""
  }</div>`;
}

/** The school's corrections, latest first: why one of its numbers may have moved (none: nothing). */
export function correctionsMarkup(corrections: Correction[], root = "/"): string {
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (c) => `<li data-dataset="${esc(c.dataset)}">${esc(correctionText(c, datasetLabels[c.dataset]))}</li>`,
  );
  const all = `<a href="${root}quality#corrections">全部更正记录</a>`;
  return `<div class="corrections"><p>${esc(correctionWords.school)}（${all}）：</p><ul>${items.join("")}</ul></div>`;
}

/** The school's classes of 56 and more (大班额) or over their grade's standard size, by name (none: nothing). */
export function oversizeClassesMarkup(classes: OversizeClass[]): string {
  if (classes.length === 0) return "";
  const rows = classes.map(
    (c) =>
      `<tr><td>${esc(gradeLabels[c.grade] ?? c.grade)}</td><td>${esc(c.class_name)}</td><td class="num">${c.students}</td><td class="num">${c.standard_size ?? "—"}</td><td>${c.large ? `<strong>${classWords.large}</strong>` : classWords.over}</td></tr>`,
  );
  return `<section class="oversize-classes"><h2 id="oversize-classes">${classWords.title}（${classes[0].year}年）</h2>
<table class="data-table"><thead><tr><th>年级</th><th>班级</th><th>人数</th><th>标准班额</th><th>情况</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}
