// Documents for Framework's search (MiniSearch). MiniSearch splits words on spaces and punctuation and
// matches prefixes, which finds nothing inside a Chinese sentence; so every run of Chinese text is
// indexed as all of its suffixes, and any word of it becomes the prefix of some term.
import { stageLabels } from "../lib/codes.ts";
import { areas } from "../../src/shared/vocabulary.js";
import { readPlan } from "../lib/plan.ts";
import type { Snapshot } from "../lib/snapshot.ts";
import type { SiteTarget } from "../lib/targets.ts";

export interface SearchDocument {
  path: string;
  title: string;
  text: string;
  keywords: string;
}

const han = /\p{Script=Han}/u;

/** Text → terms separated by spaces; a term with Chinese characters also yields each of its suffixes. */
export function expandChinese(text: string): string {
  const terms: string[] = [];
  for (const word of text.split(/[\n\r\p{Z}\p{P}\p{S}]+/u)) {
    if (!word) continue;
    if (!han.test(word)) {
      terms.push(word);
      continue;
    }
    const chars = Array.from(word);
    for (let i = 0; i < chars.length; i++) terms.push(chars.slice(i, i + 15).join(""));
  }
  return [...new Set(terms)].join(" ");
}

/** The listed pages of the site, with the words a leader may look for on each. */
export function searchDocuments(snapshot: Snapshot, targets: SiteTarget[]): SearchDocument[] {
  const plan = readPlan();
  const clauseText = (n: number) => plan.clauses.find((c) => c.number === n)?.text ?? "";
  const titles = (list: SiteTarget[]) => list.map((t) => `${t.title_zh} ${t.clause_title}`).join(" ");
  const doc = (path: string, title: string, text: string): SearchDocument => ({
    path,
    title,
    text: expandChinese(`${title} ${text}`),
    keywords: "",
  });
  const docs = [
    doc("/", "总览", `${plan.title} ${plan.sections.map((s) => s.title).join(" ")} ${titles(targets)}`),
    ...areas.map((a) => doc(`/${a.slug}`, a.title, titles(targets.filter((t) => t.area === a.slug)))),
    doc("/schools", "学校", "学校名录 搜索学校 学校代码 镇街 学区集团"),
    doc("/quality", "数据质量", "导入日志 拒收记录 拒收原因 未报送 缺报 数据质量"),
    doc(
      "/methods",
      "方法",
      `计算方法 目标值 依据 ${titles(targets)} ${targets.map((t) => t.source_zh || t.source).join(" ")} ${[
        ...new Set(targets.map((t) => t.clause)),
      ]
        .map(clauseText)
        .join(" ")}`,
    ),
  ];
  for (const s of snapshot.schools) {
    const stage = stageLabels[s.stage]?.[0] ?? s.stage;
    docs.push(doc(`/schools/${s.school_id}`, s.name, `${s.school_id} ${stage} ${s.street ?? ""} ${s.cluster ?? ""}`));
  }
  return docs;
}
