// The cell rules of cells.ts as DuckDB expressions, for files read by DuckDB's own CSV reader.
import { gradeLabels, sectionLabels, stageLabels } from "../lib/codes.ts";
import { enumLabels } from "./cells.ts";

export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

const fullWidth =
  "０１２３４５６７８９．－＋，：（）　ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ";
const halfWidth = "0123456789.-+,:() ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const noValue = ["", "-", "--", "—", "——", "/", "无", "N/A", "NA", "null", "NULL"];

/** Macros every generated query uses: cleaning a cell and reading numbers with thousands separators. */
export const macros = [
  `create or replace temp macro clean_cell(v) as
     case when trim(translate(v, ${lit(fullWidth)}, ${lit(halfWidth)})) in (${noValue.map(lit).join(", ")}) then null
          else trim(translate(v, ${lit(fullWidth)}, ${lit(halfWidth)})) end`,
  `create or replace temp macro cell_number(v) as
     try_cast(case when v like '%,%' and regexp_full_match(v, '[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?')
                   then replace(v, ',', '') else v end as double)`,
];

function caseOf(v: string, pairs: [string, string][], lower = false): string {
  const subject = lower ? `lower(${v})` : v;
  return `case ${subject} ${pairs.map(([from, to]) => `when ${lit(from)} then ${lit(to)}`).join(" ")} end`;
}

function gradePairs(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [code, label] of Object.entries(gradeLabels)) pairs.push([code, code], [label, code]);
  for (let g = 1; g <= 12; g++) pairs.push([`${g}年级`, String(g)], [`0${g}`, String(g)]);
  const extra: Record<string, string> = { k1: "K1", k2: "K2", k3: "K3", 初一: "7", 初二: "8", 初三: "9" };
  const words = ["十", "十一", "十二"];
  words.forEach((w, i) => (extra[`${w}年级`] = String(10 + i)));
  return [...pairs, ...Object.entries(extra)];
}

/** The typed value of a cleaned cell `v`, NULL when it cannot be read as `type`. */
export function typedExpression(type: string, v: string): string {
  if (type === "text") return v;
  if (type === "number") return `(case when isfinite(cell_number(${v})) then cell_number(${v}) end)`;
  if (type === "int")
    return `(case when cell_number(${v}) = trunc(cell_number(${v})) and abs(cell_number(${v})) <= 2e9 then cell_number(${v})::integer end)`;
  if (type === "bool")
    return `(case when lower(${v}) in ('是','y','yes','1','true','t','√') then true when lower(${v}) in ('否','n','no','0','false','f','×') then false end)`;
  if (type === "date")
    return `coalesce(${["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"].map((f) => `try_strptime(${v}, ${lit(f)})`).join(", ")})::date`;
  if (type === "grade") return caseOf(v, gradePairs(), false);
  if (type === "stage")
    return caseOf(
      v,
      Object.entries(stageLabels).flatMap(([code, labels]) => [
        [code, code],
        ...labels.map((l): [string, string] => [l, code]),
      ]),
    );
  if (type === "section")
    return caseOf(
      v,
      Object.entries(sectionLabels).flatMap(([code, l]) => [
        [code, code],
        [l, code],
      ]),
    );
  if (type.startsWith("enum:")) {
    const pairs = type
      .slice(5)
      .split("|")
      .flatMap((p) => {
        const [code, label] = p.split("=");
        return [
          [code.toLowerCase(), code],
          [label, code],
        ] as [string, string][];
      });
    return caseOf(v, pairs, true);
  }
  throw new Error(`unknown dictionary type ${type}`);
}

export const expectedWords: Record<string, string> = {
  int: "整数",
  number: "数字",
  bool: "是/否",
  date: "日期（如 2021-06-30）",
  grade: "年级（如 一年级、初一、高二、小班）",
};

export function expectedOf(type: string): string {
  return type.startsWith("enum:") ? enumLabels(type) : (expectedWords[type] ?? type);
}
