// The head of a school's report on paper (一校一档): what it is, which school and year, who issues it and when.
import { escapeHtml as esc } from "../../src/shared/format.js";

export function schoolSheetHead(o: {
  school: { school_id: string; name: string };
  year: number;
  issuer: string;
  generatedAt: string;
  sample: boolean;
}): string {
  const facts: [string, string][] = [
    ["学校", `${o.school.name}（${o.school.school_id}）`],
    ["年度", `${o.year}年`],
    ["出具单位", o.issuer],
    ["生成日期", o.generatedAt],
  ];
  return `<div class="sheet-head"><p class="sheet-title">一校一档${o.sample ? "（示例数据）" : ""}</p><dl class="sheet-facts">${facts
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join("")}</dl></div>`;
}
