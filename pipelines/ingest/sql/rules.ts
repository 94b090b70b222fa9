// Which rows of a records file the validator of validate.ts rejects, and for which rule, as
// set-based DuckDB SQL. Only the verdict is computed here; the Chinese reason and the record of the
// few rejected rows are written by validate.ts itself (records.ts), so both readers say the same.
//
// Raw cells c0… come from read_csv with no null string: an empty cell is '' and a cell beyond the
// end of a short row is NULL.
import { gradeCodes } from "../../lib/codes.ts";
import type { Column, Dataset } from "../../lib/seeds.ts";
import { enumOptions } from "../cells.ts";
import type { HeaderMap } from "../header.ts";
import { parseCheck, parseRange } from "../rules.ts";
import { lazyAnd, lazyOr, lit, readValue, spaces, storedValue, typedExpression } from "./cells.ts";
import { alternation, codeAndNamePattern, footerWords, totalsSlack, totalsWords } from "../spellings.ts";

/** Cells read beyond the header (a stray delimiter pushes cells out; validate.ts sees them too). */
export const extraCells = 4;

/** The rules of a dataset in the order of docs/data.md (拒收原因代码): the code and the condition a row breaks. */
export interface Rule {
  code: string;
  /** SQL over the typed row; empty for duplicate_key, which is found among rows afterwards. */
  when: string;
  /**
   * Cheap conditions, one of which holds wherever `when` does (`when` itself when that is cheap
   * already). The conditions of all rules are tested together once, each only once.
   */
  cheap?: string[];
}

/**
 * The school registry as ENUM types of an in-memory database attached for the load: a cast is a
 * hash lookup, so the registry is checked within the one pass (a join would lose the file order).
 */
export const registryTypes = {
  scratch: "records_scratch",
  schools: "records_scratch.school_ids",
  taught: "records_scratch.school_grades",
  /** Registered school names, as schoolName() of cells.ts compares them (registeredName below). */
  names: "records_scratch.school_names",
  /** School code × its registered name. */
  named: "records_scratch.school_named",
};
const known = (id: string) => `try_cast(${id} as ${registryTypes.schools}) is not null`;

/** A school cell written as its code and its name (spellings.ts): the normalised cell matches. */
const codeAndName = (c: string) => `regexp_full_match(clean_cell(${c}), ${lit(codeAndNamePattern)})`;
/** Group `n` of that spelling: 1 the code, 2 the name as written. */
const codeAndNamePart = (c: string, n: number) => `regexp_extract(clean_cell(${c}), ${lit(codeAndNamePattern)}, ${n})`;
/** A school name as cells.ts schoolName() compares it: normalised, without spaces. */
export const registeredName = (name: string) => `regexp_replace(norm_text(${name}), '\\s+', '', 'g')`;

const totals = alternation(totalsWords);
const footers = alternation(footerWords);
/** Characters of which every totals word holds one (the last of each: 合计, 总计, 小计 → 计). */
const totalsMarks = [...new Set(totalsWords.map((w) => Array.from(w).at(-1)!))];
/** Cheap tests one of which holds wherever a totals word is in the cell. */
const totalsWordTests = (c: string) => totalsMarks.map((m) => `contains(${c}, ${lit(m)})`);
const holdsTotalsWord = (c: string) => totalsWordTests(c).join(" or ");

export const cellNames = (header: HeaderMap) =>
  Array.from({ length: header.cells.length + extraCells }, (_, i) => `c${i}`);

/** Raw cell of a column (`c<position>`), NULL::varchar when the header lacks it. */
const rawCell = (header: HeaderMap, c: Column) => {
  const pos = header.positions.get(c.column);
  return pos === undefined ? "null::varchar" : `c${pos}`;
};
export const t = (c: Column) => `t_${c.column}`;

/** Columns with a typed value: all but personal data that is dropped on read. */
export function typedColumns(ds: Dataset, personal: Column[]): Column[] {
  return ds.columns.filter((c) => !personal.includes(c) || c.personal === "hash");
}

/**
 * Totals rows (as validate.ts): the first cell starts with a totals word, or any cell is one.
 * A cell read as a number, date, grade… cannot be one, so only text and unread cells are looked at.
 */
function totalsCondition(header: HeaderMap, typed: Column[]): string {
  const isWord = (c: string) =>
    lazyAnd(holdsTotalsWord(c), `regexp_full_match(norm_text(${c}), ${lit(`${totals}.{0,${totalsSlack}}`)})`);
  const cells = cellNames(header).map((c, i) => {
    const col = typed.find((x) => header.positions.get(x.column) === i && x.type !== "text");
    return col ? lazyAnd(`${t(col)} is null`, isWord(c)) : isWord(c);
  });
  const first = lazyAnd(holdsTotalsWord("first_cell"), `regexp_matches(norm_text(first_cell), ${lit(`^${totals}`)})`);
  return lazyOr(first, ...cells);
}

/** Where a totals word can be at all: some text or unread cell holds one, or a typed cell failed. */
function totalsCandidate(header: HeaderMap, typed: Column[]): string[] {
  return cellNames(header).flatMap((c, i) => {
    const col = typed.find((x) => header.positions.get(x.column) === i && x.type !== "text");
    return col ? [`${t(col)} is null`] : totalsWordTests(c);
  });
}

/** `hasSchools`: the registry holds at least one school (else every school is unknown). */
export function rules(ds: Dataset, header: HeaderMap, personal: Column[], hasSchools: boolean): Rule[] {
  const raw = (c: Column) => rawCell(header, c);
  const typed = typedColumns(ds, personal);
  const out: Rule[] = [
    { code: "totals_row", when: totalsCondition(header, typed), cheap: totalsCandidate(header, typed) },
    {
      code: "totals_row",
      when: lazyAnd(
        `contains(first_cell, ':') or contains(first_cell, '：')`,
        `regexp_matches(norm_text(first_cell), ${lit(`^${footers}\\s*:`)})`,
      ),
      cheap: [`contains(first_cell, ':')`, `contains(first_cell, '：')`],
    },
  ];
  for (const c of ds.columns.filter((c) => c.required))
    out.push({
      code: "missing_required",
      when: typed.includes(c)
        ? lazyAnd(`${t(c)} is null`, `clean_cell(${raw(c)}) is null`)
        : `clean_cell(${raw(c)}) is null`,
      cheap: typed.includes(c) ? [`${t(c)} is null`] : undefined,
    });
  for (const c of typed)
    out.push({
      code: "bad_type",
      when: lazyAnd(`${t(c)} is null`, `clean_cell(${raw(c)}) is not null`),
      cheap: [`${t(c)} is null`],
    });
  for (const c of typed) {
    const range = parseRange(c.range);
    if (!range) continue;
    const conds = [
      range.min !== undefined ? `${t(c)} ${range.minOpen ? "<=" : "<"} ${range.min}` : "",
      range.max !== undefined ? `${t(c)} ${range.maxOpen ? ">=" : ">"} ${range.max}` : "",
    ].filter(Boolean);
    out.push({ code: "out_of_range", when: `(${conds.join(" or ")})` });
  }
  const school = ds.columns.find((c) => c.ref === "school");
  const grade = ds.columns.find((c) => c.ref === "school_section");
  for (const c of ds.columns.filter((c) => c.ref && c !== school && !(c === grade && c.type === "grade")))
    throw new Error(`the SQL reader does not support rule ${c.ref} of ${ds.name}.${c.column}`);
  if (school) out.push({ code: "unknown_school", when: hasSchools ? `not ${known(t(school))}` : "true" });
  // written as code and name, the name of another school (validate.ts: 代码与名称不符)
  if (school && hasSchools) {
    const name = registeredName(codeAndNamePart(raw(school), 2));
    const { names, named } = registryTypes;
    out.push({
      code: "unknown_school",
      when: lazyAnd(
        `${t(school)} <> ${raw(school)}`,
        codeAndName(raw(school)),
        `try_cast(${name} as ${names}) is not null`,
        `try_cast(${t(school)} || chr(31) || ${name} as ${named}) is null`,
      ),
      cheap: [`${t(school)} <> ${raw(school)}`],
    });
  }
  if (school && grade)
    out.push({
      code: "wrong_section",
      when: `${t(grade)} is not null and try_cast(${t(school)} || chr(31) || ${t(grade)} as ${registryTypes.taught}) is null`,
    });
  for (const c of ds.columns) {
    const check = parseCheck(c.check);
    if (!check) continue;
    // as rules.ts holds(): a side with no value skips the check; a blank term of a side with values counts 0
    const sum = (ns: string[]) => ns.map((n) => `coalesce(t_${n}, 0)`).join(" + ");
    const some = (ns: string[]) => `(${ns.map((n) => `t_${n} is not null`).join(" or ")})`;
    out.push({
      code: "inconsistent",
      when: `(${some(check.left)} and ${some(check.right)} and not (${sum(check.left)} ${check.op} ${sum(check.right)}))`,
    });
  }
  out.push({ code: "duplicate_key", when: "" });
  return out;
}

/**
 * A coded column as kept in the typed table: an ENUM of its codes (one or two bytes) rather than text
 * (sixteen), so that the table the load spills and reads back twice is smaller. Rows whose value is
 * no code are rejected before this matters; the insert casts the codes back to text.
 */
function compact(c: Column, registered: boolean): string {
  if (registered) return `try_cast(${t(c)} as ${registryTypes.schools}) as ${t(c)}`;
  const codes =
    c.type === "grade" ? gradeCodes : c.type.startsWith("enum:") ? enumOptions(c.type).map((o) => o.code) : [];
  if (!codes.length) return t(c);
  return `try_cast(${t(c)} as enum(${codes.map(lit).join(", ")})) as ${t(c)}`;
}

/**
 * Every row of `reader` in file order (so a row's rowid + 1 is its number below the header), typed:
 * t_* columns, rule_no, the first rule the row breaks (NULL when none, -1 for a blank row), and beyond_header,
 * whether the row has cells beyond the header's columns.
 */
export function typedSelect(ds: Dataset, header: HeaderMap, personal: Column[], list: Rule[], reader: string): string {
  const cells = cellNames(header);
  const typed = typedColumns(ds, personal);
  const school = ds.columns.find((c) => c.ref === "school");
  const hasSchools = list.some((r) => r.code === "unknown_school" && r.when !== "true");
  const reading = typed.map((c) => {
    const raw = rawCell(header, c);
    // text is kept as written, but for what is matched: a reference to a school or target, a hashed id
    const read = typedExpression(c.type, raw, c.personal !== "hash" && !c.ref);
    // A cell that is a registered school code is its own value (the registry holds them normalised);
    // one written as code and name stands for the code.
    if (c !== school) return { c, raw, ...read };
    return {
      c,
      raw,
      fast: hasSchools ? `case when ${known(raw)} then ${raw} end` : read.fast,
      // (a cell the text reading refuses, with a control character, stays refused)
      slow: `case when ${lazyAnd(`${read.slow} is not null`, codeAndName(raw))} then ${codeAndNamePart(raw, 1)} else ${read.slow} end`,
    };
  });
  const fast = reading.map((r) => `${r.fast} as ${t(r.c)}`);
  const value = reading.map((r) => `${readValue(t(r.c), r.slow, r.raw)} as ${t(r.c)}`);
  const stored = typed.map((c) => `${storedValue(c.type, t(c))} as ${t(c)}`);
  const allEmpty = cells.map((c) => `coalesce(trim(${c}, ${spaces}), '') = ''`).join(" and ");
  const blank = `case when first_cell is null then true when ascii(first_cell) > 32 then false else ${allEmpty} end`;
  // Layer by layer, so that each cell is read once: the cheap reading, the slow one only where it
  // failed, the stored value, then the rules. Most rows break no rule: one flat test of cheap
  // conditions clears them, and only the rest go through the rules one by one.
  const firstBroken = list.map((r, i) => (r.when ? `when ${r.when} then ${i}` : "")).join(" ");
  const suspect = [...new Set(list.filter((r) => r.when).flatMap((r) => r.cheap ?? [`(${r.when})`]))].join(" or ");
  // a cell written beyond the header's last column is not read: the row is named in the log (read.ts does the same)
  const extra = cells.slice(header.cells.length).map((c) => `coalesce(trim(${c}, ${spaces}), '') <> ''`);
  const beyond = extra.length ? extra.join(" or ") : "false";
  return `select ${typed.map((c) => compact(c, c === school && hasSchools)).join(", ")},
    case when ${blank} then -1 when ${suspect} then case ${firstBroken} end end::integer as rule_no,
    ${beyond} as beyond_header
  from (select * replace (${stored.join(", ")}) from (select * replace (${value.join(", ")}) from (
    select *, coalesce(${cells.join(", ")}) as first_cell, ${fast.join(", ")}
    from (select ${cells.map((c) => `nullif(${c}, '') as ${c}`).join(", ")} from ${reader}))))`;
}
