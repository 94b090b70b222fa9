// Documents for Framework's search (MiniSearch). MiniSearch splits words on spaces and punctuation and
// matches prefixes, which finds nothing inside a Chinese sentence; so every run of Chinese text is
// indexed as all of its suffixes, and any word of it becomes the prefix of some term. A school is also
// found by its code (spelled as src/shared/search.js spells long numbers) and by the pinyin initials of
// its name, from any character on (xyxx finds 示例西永小学), and by any part of its code (0001); a target by its
// title, 第N条 and its district status word (未达标, 数据不全); a school also by the status words of its targets.
import { pinyin } from "pinyin-pro";
import { searchTerm } from "../../src/shared/search.js";
import { areas, statusWords } from "../../src/shared/vocabulary.js";
import { stageLabels } from "../lib/codes.ts";
import { readPlan } from "../lib/plan.ts";
import { latestRows, schoolStatusCounts, snapshotIndex, type Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";

export interface SearchDocument {
  path: string;
  title: string;
  text: string;
  keywords: string;
}

const han = /\p{Script=Han}/u;

/** Characters of a school's other words (stage, street, cluster) indexed. */
const maxIndexedChars = 200;
/** Characters of a school's name indexed and shown as a search result's title. */
const maxNameChars = 60;

/** Text cut to `max` characters (whole characters, never half a surrogate pair). */
const cut = (text: string, max: number) => {
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
};

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

/** The pinyin initials of a name's Chinese characters, from each character on: 西永小学 → xyxx yxx xx. */
export function initialsSuffixes(name: string): string[] {
  const initials = pinyin(cut(name, maxNameChars).replace(/[^\p{Script=Han}]/gu, ""), {
    pattern: "first",
    toneType: "none",
    type: "array",
  })
    .join("")
    .toLowerCase();
  return Array.from({ length: Math.max(0, initials.length - 1) }, (_, i) => initials.slice(i, i + 15));
}

/** Every tail of a code of 3 characters or more, as the index spells it: 5001060001 → …, 060001, 0001, 001. */
export function codeSuffixes(code: string): string[] {
  const chars = Array.from(code.slice(0, 40));
  return Array.from({ length: Math.max(0, chars.length - 2) }, (_, i) => searchTerm(chars.slice(i).join("")));
}

/** The status word of each target's district row in its latest year. */
function districtStatusWords(snapshot: Snapshot): Map<string, string> {
  const district = latestRows(snapshotIndex(snapshot).bySchool.get("") ?? []);
  const words = new Map<string, string>();
  for (const { latest } of district.values())
    words.set(latest.target_id, statusWords[latest.status as keyof typeof statusWords] ?? "");
  return words;
}

/** The listed pages of the site, with the words a leader may look for on each. */
export function searchDocuments(snapshot: Snapshot, targets: Target[]): SearchDocument[] {
  const plan = readPlan();
  const clauseText = (n: number) => plan.clauses.find((c) => c.number === n)?.text ?? "";
  const titles = (list: Target[]) => list.map((t) => `${t.title_zh} ${t.clause_title}`).join(" ");
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
  // each target where its block is, found by its title, its clause (第24条) and its district status (未达标)
  const districtStatus = districtStatusWords(snapshot);
  for (const t of targets) {
    docs.push({
      ...doc(
        `/${t.area}#target-${t.target_id}`,
        t.title_zh,
        `${t.clause_title} ${districtStatus.get(t.target_id) ?? ""}`,
      ),
      keywords: `第${t.clause}条`,
    });
  }
  const counts = schoolStatusCounts(snapshot);
  for (const s of snapshot.schools) {
    const stage = stageLabels[s.stage]?.[0] ?? s.stage;
    const has = Object.entries(counts.get(s.school_id) ?? {})
      .filter(([status, n]) => n > 0 && status !== "met" && status !== "info")
      .map(([status]) => statusWords[status as keyof typeof statusWords]);
    docs.push({
      ...doc(
        `/schools/${s.school_id}`,
        cut(s.name, maxNameChars),
        cut(`${stage} ${s.street ?? ""} ${s.cluster ?? ""} ${has.join(" ")}`, maxIndexedChars),
      ),
      keywords: [...codeSuffixes(s.school_id), ...initialsSuffixes(s.name)].join(" "),
    });
  }
  return docs;
}
