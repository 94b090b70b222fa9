// The cell rules of cells.ts as DuckDB expressions over a raw cell, for files read by DuckDB's own
// CSV reader. Each expression tries a cheap reading first (a cast, an exact spelling) and falls back
// to the full normalisation (full-width forms, spaces, "no value" marks) only when that fails:
// the common cell is plain ASCII, and the fallback costs a hundred times more.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LIST, VARCHAR, listValue, type DuckDBConnection } from "@duckdb/node-api";
import { gradeLabels, parseGrade, sectionSpellings, stageLabels } from "../../lib/codes.ts";
import { enumOptions } from "../cells.ts";
import {
  chineseDate,
  codePattern,
  controlCharacters,
  dateSeparators,
  groupedPattern,
  intBound,
  noValueMarks as noValue,
  noWords,
  numberPattern,
  yesWords,
} from "../spellings.ts";

export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Whitespace that String.prototype.trim removes from the ends of a cell (the ASCII ones and U+3000). */
const cellSpaces = " \t\n\r\v\f\u3000";
export const spaces = lit(cellSpaces);

/**
 * `a and b…` that evaluates each part only where the ones before hold. DuckDB evaluates both sides
 * of AND inside a CASE condition for every row; a nested CASE evaluates a branch only where taken,
 * so the slow normalisation runs on the few cells that need it.
 */
export const lazyAnd = (...parts: string[]): string =>
  parts.length === 1 ? `(${parts[0]})` : `(case when ${parts[0]} then ${lazyAnd(...parts.slice(1))} else false end)`;

/** `a or b…`, each part evaluated only where the ones before do not hold. */
export const lazyOr = (...parts: string[]): string =>
  parts.length === 1 ? `(${parts[0]})` : `(case when ${parts[0]} then true else ${lazyOr(...parts.slice(1))} end)`;

// Lists are tested with list_contains, never `x in (…)`: DuckDB turns a long IN list into a join,
// which runs on every row (not only where a CASE needs it) and costs seconds to plan when repeated.

/** The macros of the slow path, macros/<name>.sql, in the order they are created (a macro after those it calls). */
export const cellMacroNames = ["norm_text", "clean_cell", "cell_number"] as const;

export const cellMacroFile = (name: string) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), "macros", `${name}.sql`);

/**
 * Creates the macros of the slow path (normalising a cell, reading numbers with thousands separators)
 * on the connection. The lists and patterns they read are the validators' own (spellings.ts), bound
 * as parameters into session variables: getvariable() is a constant when a query is planned, so a
 * macro tests a constant list or regular expression, as fast as one written into its text.
 */
export async function createCellMacros(connection: DuckDBConnection): Promise<void> {
  await connection.run("set variable cell_spaces = $v", { v: cellSpaces }, { v: VARCHAR });
  await connection.run("set variable no_value_marks = $v", { v: listValue(noValue) }, { v: LIST(VARCHAR) });
  await connection.run("set variable number_pattern = $v", { v: numberPattern }, { v: VARCHAR });
  await connection.run("set variable grouped_pattern = $v", { v: groupedPattern }, { v: VARCHAR });
  for (const name of cellMacroNames) await connection.run(fs.readFileSync(cellMacroFile(name), "utf8"));
}

function caseOf(subject: string, pairs: [string, string][]): string {
  return `case ${subject} ${pairs.map(([from, to]) => `when ${lit(from)} then ${lit(to)}`).join(" ")} end`;
}

/** Every spelling of a grade parseGrade reads, with its code (the table the SQL path looks up). */
export function gradeCodesBySpelling(): [string, string][] {
  const candidates = new Set<string>(["K1", "K2", "K3", "k1", "k2", "k3", "初一", "初二", "初三"]);
  for (const [code, label] of Object.entries(gradeLabels)) candidates.add(code).add(label);
  for (let g = 1; g <= 12; g++) for (const n of [String(g), `0${g}`]) candidates.add(n).add(`${n}年级`);
  for (const w of ["七", "八", "九", "十", "十一", "十二"]) candidates.add(`${w}年级`);
  return [...candidates].flatMap((c): [string, string][] => {
    const code = parseGrade(c);
    return code ? [[c, code]] : [];
  });
}

function enumPairs(type: string): [string, string][] {
  return enumOptions(type).flatMap(({ code, label }): [string, string][] => [
    [code, code],
    [label, code],
  ]);
}

/** Plain ASCII without spaces and not a "no value" mark: such a text cell is its own value. */
const plainText = (c: string) =>
  `(regexp_full_match(${c}, '[!-~]+') and not list_contains([${noValue
    .filter((v) => /^[!-~]+$/.test(v))
    .map(lit)
    .join(", ")}], ${c}))`;

/**
 * How raw cell `c` is read as `type`: `fast` reads the usual spellings cheaply (NULL otherwise),
 * `slow` reads every spelling after normalising. The value is fast, else slow where the cell has
 * text (see readValue); NULL when the cell is empty, a "no value" mark or not a `type`.
 * An int is read as a DOUBLE; storedValue() then keeps whole numbers only. Text is kept as written
 * (trimmed), as cells.ts keeps it, unless `asWritten` is false (an id that is matched, never shown).
 */
export function typedExpression(type: string, c: string, asWritten = true): { fast: string; slow: string } {
  const clean = `clean_cell(${c})`;
  if (type === "text")
    return {
      fast: `case when ${plainText(c)} then ${c} end`,
      slow: `case when ${clean} is not null and not regexp_matches(${c}, ${lit(`[${controlCharacters}]`)})
        then ${asWritten ? `trim(${c}, ${spaces})` : clean} end`,
    };
  if (type === "code") {
    const code = (v: string) => `regexp_full_match(${v}, ${lit(codePattern)})`;
    return { fast: `case when ${code(c)} then ${c} end`, slow: `case when ${code(clean)} then ${clean} end` };
  }
  if (type === "number" || type === "int")
    return {
      fast: `case when not contains(${c}, '_') then try_cast(${c} as double) end`,
      slow: `cell_number(replace(replace(${clean}, ' ', ''), '\t', ''))`,
    };
  if (type === "bool") {
    const words = (list: string[], value: string) => list.map((w) => `when ${lit(w)} then ${value}`).join(" ");
    return {
      fast: `case ${c} when ${lit(yesWords[0])} then true when ${lit(noWords[0])} then false end`,
      slow: `case lower(${clean}) ${words(yesWords, "true")} ${words(noWords, "false")} end`,
    };
  }
  if (type === "date") {
    const formats = [
      ...dateSeparators.map((sep) => `%Y${sep}%m${sep}%d`),
      `%Y${chineseDate.year}%m${chineseDate.month}%d${chineseDate.day}`,
    ];
    return {
      fast: `case when ${c} like '____-__-__' then try_cast(${c} as date) end`,
      slow: `coalesce(${formats.map((f) => `try_strptime(replace(${clean}, ' ', ''), ${lit(f)})`).join(", ")})::date`,
    };
  }
  const pairs = spellings(type);
  const upper = type === "grade" ? pairs.map(([s, g]): [string, string] => [s.toUpperCase(), g]) : pairs;
  const subject =
    type === "grade" ? `upper(replace(${clean}, ' ', ''))` : type.startsWith("enum:") ? `lower(${clean})` : clean;
  return {
    fast: caseOf(c, pairs),
    slow: caseOf(subject, type.startsWith("enum:") ? pairs.map(([s, v]) => [s.toLowerCase(), v]) : upper),
  };
}

/** The accepted spellings of a coded type, each with its code. */
function spellings(type: string): [string, string][] {
  if (type === "grade") return gradeCodesBySpelling();
  if (type === "stage")
    return Object.entries(stageLabels).flatMap(([code, labels]) => [
      [code, code],
      ...labels.map((l): [string, string] => [l, code]),
    ]);
  if (type === "section") return sectionSpellings();
  if (type.startsWith("enum:")) return enumPairs(type);
  throw new Error(`unknown dictionary type ${type}`);
}

/** The value of a cell `c` whose fast reading is column `fast`: the slow reading only where that failed. */
export const readValue = (fast: string, slow: string, c: string) =>
  `case when ${fast} is not null or ${c} is null then ${fast} else ${slow} end`;

/** The stored value of a typed expression `t` (an int column holds whole numbers up to 2e9 only). */
export function storedValue(type: string, t: string): string {
  return type === "int" ? `case when ${t} = trunc(${t}) and abs(${t}) <= ${intBound} then ${t}::integer end` : t;
}
