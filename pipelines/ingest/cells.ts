// Reading one cell as its dictionary type, in every spelling schools use (rule: docs/data.md).
import { parseGrade, parseSection, parseStage } from "../lib/codes.ts";
import {
  chineseDate,
  codeAndNamePattern,
  codePattern,
  controlCharacters,
  dateSeparators,
  groupedPattern,
  intBound,
  noValueMarks,
  noWords,
  numberPattern,
  yesWords,
} from "./spellings.ts";

export type CellValue = string | number | boolean | null;
export type CellResult = { ok: true; value: CellValue } | { ok: false; expected: string };

const noValue = new Set(noValueMarks);

/** NFKC (full-width digits and brackets become ASCII), trimmed, inner spaces around the text removed. */
export function normaliseText(text: string): string {
  // NFKC leaves printable ASCII as it is: most cells are, and normalising them costs the most.
  const nfkc = printableAscii.test(text) ? text : text.normalize("NFKC");
  return nfkc.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

const printableAscii = /^[\x20-\x7e]*$/;

/** True when the cell means "no value". */
export function isNoValue(text: string): boolean {
  return noValue.has(normaliseText(text));
}

const plainNumber = new RegExp(`^${numberPattern}$`);
const groupedNumber = new RegExp(`^${groupedPattern}$`);

/** A share as a fraction: 0.95, or 95% as written (read as 0.95). */
export function parseShare(text: string): number | undefined {
  const t = normaliseText(text).replace(/\s+/g, "");
  if (t.endsWith("%")) {
    const n = parseNumber(t.slice(0, -1));
    return n === undefined ? undefined : n / 100;
  }
  return parseNumber(t);
}

export function parseNumber(text: string): number | undefined {
  let t = normaliseText(text).replace(/\s+/g, "");
  if (groupedNumber.test(t)) t = t.replace(/,/g, "");
  if (!plainNumber.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const truthy = new Set(yesWords);
const falsy = new Set(noWords);

export function parseBool(text: string): boolean | undefined {
  const t = normaliseText(text).toLowerCase();
  if (truthy.has(t)) return true;
  if (falsy.has(t)) return false;
  return undefined;
}

/** One separator between year, month and day (2021-06-30, 2021/6/30, 2021.6.30), or 2021年6月30日. */
const datePatterns = [
  ...dateSeparators.map((sep) => new RegExp(`^(\\d{4})\\${sep}(\\d{1,2})\\${sep}(\\d{1,2})$`)),
  new RegExp(`^(\\d{4})${chineseDate.year}(\\d{1,2})${chineseDate.month}(\\d{1,2})${chineseDate.day}$`),
];

/** A date in any of those spellings → `2021-06-30`, only real calendar dates. */
export function parseDate(text: string): string | undefined {
  const t = normaliseText(text).replace(/\s+/g, "");
  const m = datePatterns.map((p) => p.exec(t)).find(Boolean);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The options of a dictionary type `enum:public=公办|private=民办`: each code with its Chinese label. */
export function enumOptions(type: string): { code: string; label: string }[] {
  return type
    .slice("enum:".length)
    .split("|")
    .map((pair) => {
      const [code, label] = pair.split("=");
      return { code, label };
    });
}

/** `enum:public=公办|private=民办` → code for either spelling. */
export function parseEnum(type: string, text: string): string | undefined {
  const t = normaliseText(text);
  for (const { code, label } of enumOptions(type))
    if (t === code || t === label || t.toLowerCase() === code.toLowerCase()) return code;
  return undefined;
}

export function enumLabels(type: string): string {
  return enumOptions(type)
    .map((o) => o.label)
    .join("、");
}

/** Control characters other than tab and line breaks (NUL too): a sign of a damaged file, never data. */
const control = new RegExp(`[\\x00${controlCharacters}]`);

/** A code that becomes part of a page address (school codes). */
const code = new RegExp(`^${codePattern}$`);

const codeAndName = new RegExp(`^${codeAndNamePattern}$`);

/**
 * A school cell as matched: its code, and the name written after the code ("5001060001 示例小学", the
 * templates' drop-down spelling) if any, without spaces so that names compare as written anywhere.
 */
export function readSchoolCell(text: string): { code: string; name?: string } {
  const t = normaliseText(text);
  const m = codeAndName.exec(t);
  return m ? { code: m[1], name: schoolName(m[2]) } : { code: t };
}

/** A school's name as compared with one written after its code: normalised, without spaces. */
export const schoolName = (name: string) => normaliseText(name).replace(/\s+/g, "");

/** Longest text cell read (characters): a name or a note, never a document pasted into a cell. */
export const maxTextChars = 500;

const expectedOf: Record<string, string> = {
  text: `不含控制字符、不超过 ${maxTextChars} 个字符的文本`,
  code: "代码（1–40 位字母、数字、- 或 _，不含空格、斜杠等符号）",
  int: "整数",
  number: "数字",
  share: "比例（小数如 0.95，或百分数如 95%）",
  bool: "是/否",
  date: "日期（如 2021-06-30）",
  grade: "年级（如 一年级、初一、高二、小班）",
  stage: "办学类型（如 小学、九年一贯制学校）",
  section: "学段（幼儿园、小学、初中、高中、中职、特殊教育）",
};

/** A value as shown in a message: control characters made visible (␀), long values cut to `max` characters. */
export function shownValue(text: string, max = 60): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0)),
  );
  const chars = [...visible];
  return chars.length > max ? `${chars.slice(0, max).join("")}…（共 ${chars.length} 个字符）` : visible;
}

/** Text as written, without the spaces around it: names keep their full-width brackets and commas. */
export function trimText(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/**
 * Reads a non-empty cell as `type`; failure says what was expected, in Chinese. Text is kept as written
 * (names are shown as the school wrote them); everything read for matching — codes, numbers, dates,
 * grades, spellings — is normalised first.
 */
/** A cell that is not of its type. (Not a closure inside parseCell: the CLI's loader names each closure it creates, a cost on every cell.) */
function fail(expected: string): CellResult {
  return { ok: false, expected };
}

export function parseCell(type: string, raw: string): CellResult {
  const text = type === "text" ? trimText(raw) : normaliseText(raw);
  let value: CellValue | undefined;
  if (type === "text") value = control.test(text) || text.length > maxTextChars ? undefined : text;
  else if (type === "code") value = code.test(text) ? text : undefined;
  else if (type === "int") {
    const n = parseNumber(text);
    value = n !== undefined && Number.isInteger(n) && Math.abs(n) <= intBound ? n : undefined;
  } else if (type === "number") value = parseNumber(text);
  else if (type === "share") value = parseShare(text);
  else if (type === "bool") value = parseBool(text);
  else if (type === "date") value = parseDate(text);
  else if (type === "grade") value = parseGrade(text.replace(/\s+/g, ""));
  else if (type === "stage") value = parseStage(text);
  else if (type === "section") value = parseSection(text);
  else if (type.startsWith("enum:")) {
    value = parseEnum(type, text);
    if (value === undefined) return fail(enumLabels(type));
  } else throw new Error(`unknown dictionary type ${type}`);
  return value === undefined ? fail(expectedOf[type] ?? type) : { ok: true, value };
}
