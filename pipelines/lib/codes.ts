// Codes of stages, sections and grades (rule: docs/data.md, 代码), and how each is spelled.
import { sectionWords } from "../../src/shared/vocabulary.js";

export const sectionsOfStage: Record<string, string[]> = {
  kindergarten: ["kindergarten"],
  primary: ["primary"],
  junior: ["junior"],
  nine_year: ["primary", "junior"],
  complete_secondary: ["junior", "senior"],
  senior: ["senior"],
  twelve_year: ["primary", "junior", "senior"],
  vocational: ["vocational"],
  special: ["special"],
};

export const stageLabels: Record<string, string[]> = {
  kindergarten: ["幼儿园"],
  primary: ["小学"],
  junior: ["初级中学", "初中"],
  nine_year: ["九年一贯制学校", "九年一贯制"],
  complete_secondary: ["完全中学"],
  senior: ["高级中学", "高中"],
  twelve_year: ["十二年一贯制学校", "十二年一贯制"],
  vocational: ["中等职业学校", "中职"],
  special: ["特殊教育学校"],
};

const gradeWords: Record<string, string> = {
  小班: "K1",
  中班: "K2",
  大班: "K3",
  一年级: "1",
  二年级: "2",
  三年级: "3",
  四年级: "4",
  五年级: "5",
  六年级: "6",
  七年级: "7",
  八年级: "8",
  九年级: "9",
  初一: "7",
  初二: "8",
  初三: "9",
  高一: "10",
  高二: "11",
  高三: "12",
  十年级: "10",
  十一年级: "11",
  十二年级: "12",
};

/** Every grade code, youngest first: kindergarten K1–K3, then grades 1–12. */
export const gradeCodes: string[] = ["K1", "K2", "K3", ...Array.from({ length: 12 }, (_, i) => String(i + 1))];

/** Every (stage, section) pair: the sections a school of each stage teaches (sectionsOfStage). */
export const stageSectionPairs = (): [string, string][] =>
  Object.entries(sectionsOfStage).flatMap(([stage, sections]) => sections.map((s): [string, string] => [stage, s]));

/** Every (grade, section) pair: the sections each grade code can belong to (sectionsOfGrade). */
export const gradeSectionPairs = (): [string, string][] =>
  gradeCodes.flatMap((g) => sectionsOfGrade(g).map((s): [string, string] => [g, s]));

export const gradeLabels: Record<string, string> = {
  K1: "小班",
  K2: "中班",
  K3: "大班",
  "1": "一年级",
  "2": "二年级",
  "3": "三年级",
  "4": "四年级",
  "5": "五年级",
  "6": "六年级",
  "7": "七年级",
  "8": "八年级",
  "9": "九年级",
  "10": "高一",
  "11": "高二",
  "12": "高三",
};

/** Every spelling of a grade parseGrade reads: the labels first (小班 … 高三), then the other words, then numbers. */
export function gradeSpellings(): string[] {
  const numbers = Array.from({ length: 12 }, (_, i) => String(i + 1));
  return [
    ...new Set([
      ...["K1", "K2", "K3", ...numbers].map((g) => gradeLabels[g]),
      ...Object.keys(gradeWords),
      ...numbers,
      ...numbers.map((n) => `${n}年级`),
      "K1",
      "K2",
      "K3",
    ]),
  ];
}

/** A grade spelled any accepted way → its code (`K1`…`K3`, `1`…`12`), or undefined. */
export function parseGrade(text: string): string | undefined {
  const t = text.toUpperCase();
  if (/^K[123]$/.test(t)) return t;
  if (gradeWords[text]) return gradeWords[text];
  const m = /^(\d{1,2})(年级)?$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return String(Number(m[1]));
  return undefined;
}

/** The sections a grade code can belong to. */
export function sectionsOfGrade(grade: string): string[] {
  if (grade.startsWith("K")) return ["kindergarten"];
  const n = Number(grade);
  if (n <= 6) return ["primary", "special"];
  if (n <= 9) return ["junior", "special"];
  return ["senior", "vocational"];
}

export function parseStage(text: string): string | undefined {
  if (sectionsOfStage[text]) return text;
  return Object.keys(stageLabels).find((code) => stageLabels[code].includes(text));
}

/** The section code of a combined school's one facilities row for all its sections (学段 全校). */
export const wholeSchool = "whole";

const sectionAliases: Record<string, string> = {
  特教: "special",
  特殊教育学校: "special",
  学前: "kindergarten",
  全校: wholeSchool,
  [wholeSchool]: wholeSchool,
};

/** Every accepted spelling of a section, with its code (parseSection reads these; the SQL reader looks them up). */
export function sectionSpellings(): [string, string][] {
  return [
    ...Object.keys(sectionWords).map((code): [string, string] => [code, code]),
    ...Object.entries(sectionWords).map(([code, word]): [string, string] => [word, code]),
    ...Object.entries(sectionAliases),
  ];
}

export function parseSection(text: string): string | undefined {
  return sectionSpellings().find(([spelling]) => spelling === text)?.[1];
}
