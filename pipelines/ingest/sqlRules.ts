// The validator of validate.ts as one set-based DuckDB query: the first rule a row breaks,
// in the contract's order, with the same Chinese reasons.
import type { Column, Dataset } from "../lib/registry.ts";
import { hashedName } from "../lib/schema.ts";
import type { HeaderMap } from "./header.ts";
import { describeRange, opWords, parseCheck, parseRange } from "./rules.ts";
import { expectedOf, lit, typedExpression } from "./sqlCells.ts";

const totals = `regexp_matches(first_cell, '^(合计|总计|小计|全区)')`;
const footer = `regexp_matches(first_cell, '^(填表人|填报人|审核人|制表人|制表|负责人|校长|填报日期|填表日期|联系电话|单位负责人|注|说明)\\s*:')`;

const v = (c: Column) => `v_${c.column}`;
const t = (c: Column) => `t_${c.column}`;

/** Conditions and reasons in the order of contracts.md; each entry is [code, condition, reason]. */
function rules(ds: Dataset): [string, string, string][] {
  const out: [string, string, string][] = [
    ["totals_row", totals, `'合计行（"' || first_cell || '"），不是一所学校的数据'`],
    ["totals_row", footer, `'表尾说明行（"' || left(first_cell, 40) || '"），不是数据行'`],
  ];
  for (const c of ds.columns.filter((c) => c.required))
    out.push(["missing_required", `${v(c)} is null`, lit(`必填列${c.zhHeader}(${c.column})为空`)]);
  for (const c of ds.columns.filter((c) => c.type !== "text"))
    out.push([
      "bad_type",
      `${v(c)} is not null and ${t(c)} is null`,
      `${lit(`${c.zhHeader}的值"`)} || ${v(c)} || ${lit(`"无法识别，应为${expectedOf(c.type)}`)}`,
    ]);
  for (const c of ds.columns) {
    const r = parseRange(c.range);
    if (!r) continue;
    const conds = [
      r.min !== undefined ? `${t(c)} ${r.minOpen ? "<=" : "<"} ${r.min}` : "",
      r.max !== undefined ? `${t(c)} ${r.maxOpen ? ">=" : ">"} ${r.max}` : "",
    ].filter(Boolean);
    out.push([
      "out_of_range",
      `(${conds.join(" or ")})`,
      `${lit(`${c.zhHeader}的值 `)} || ${t(c)} || ${lit(` 超出允许范围（${describeRange(r)}）`)}`,
    ]);
  }
  const school = ds.columns.find((c) => c.ref === "school");
  if (school)
    out.push([
      "unknown_school",
      `s.school_id is null`,
      `${lit(`${school.zhHeader} `)} || ${t(school)} || ' 不在学校名录中'`,
    ]);
  for (const c of ds.columns.filter(
    (c) =>
      (c.ref && !["school", "school_section"].includes(c.ref)) || (c.ref === "school_section" && c.type !== "grade"),
  ))
    throw new Error(`the SQL reader does not support rule ${c.ref} of ${ds.name}.${c.column}`);
  const grade = ds.columns.find((c) => c.ref === "school_section");
  if (school && grade)
    out.push([
      "wrong_section",
      `a.school_id is null`,
      `'学校 ' || ${t(school)} || '（' || s.name || '）没有' || gl.label || ${lit(`学段，${grade.zhHeader}"`)} || ${v(grade)} || '"不适用'`,
    ]);
  for (const c of ds.columns) {
    const check = parseCheck(c.check);
    if (!check) continue;
    const col = (n: string) => ds.columns.find((x) => x.column === n)!;
    const sum = (ns: string[]) => ns.map((n) => `t_${n}`).join(" + ");
    const all = [...check.left, ...check.right].map((n) => `t_${n} is not null`).join(" and ");
    const names = (ns: string[]) => ns.map((n) => col(n).zhHeader).join("+");
    out.push([
      "inconsistent",
      `(${all} and not (${sum(check.left)} ${check.op} ${sum(check.right)}))`,
      `${lit(names(check.left) + "(")} || (${sum(check.left)}) || ${lit(")" + opWords[check.op] + names(check.right) + "(")} || (${sum(check.right)}) || ')'`,
    ]);
  }
  return out;
}

/** JSON of the raw record with personal data redacted, built only for rejected rows. */
export function recordJsonSql(header: HeaderMap, personal: Column[]): string {
  const seen = new Set<string>();
  const pairs = header.cells.map((cell, i) => {
    let name = cell.trim() || `第${i + 1}列`;
    while (seen.has(name)) name += "'";
    seen.add(name);
    const p = personal.find((c) => header.positions.get(c.column) === i);
    const value = !p
      ? `coalesce(c${i}, '')`
      : p.rule.includes("hash")
        ? `'哈希:' || left(${hashedName}, 16)`
        : `'（已删除）'`;
    return `${lit(name)}, ${value}`;
  });
  return `json_object(${pairs.join(", ")})::varchar`;
}

/** The select that reads, cleans, types and judges every record of `reader`. */
export function judgedSelect(ds: Dataset, header: HeaderMap, reader: string, personal: Column[]): string {
  const width = header.cells.length;
  const raw = Array.from({ length: width }, (_, i) => `c${i}`);
  const cleaned = ds.columns.map((c) => {
    const pos = header.positions.get(c.column);
    return `${pos === undefined ? "null::varchar" : `clean_cell(c${pos})`} as ${v(c)}`;
  });
  const typed = ds.columns
    .filter((c) => !personal.includes(c))
    .map((c) => `${typedExpression(c.type, v(c))} as ${t(c)}`);
  const hashed = personal.find((c) => c.rule.includes("hash"));
  const list = rules(ds);
  const codeCase = `case ${list.map(([code, cond]) => `when ${cond} then '${code}'`).join(" ")} end`;
  const reasonCase = `case ${list.map(([, cond, reason]) => `when ${cond} then ${reason}`).join(" ")} end`;
  const school = ds.columns.find((c) => c.ref === "school");
  const grade = ds.columns.find((c) => c.ref === "school_section");
  return `with raw as (select row_number() over () as rn, * from ${reader}),
  cleaned as (select rn, ${raw.join(", ")}, ${cleaned.join(", ")},
      clean_cell(coalesce(${raw.join(", ")})) as first_cell
    from raw where not (${raw.map((c) => `${c} is null`).join(" and ")})),
  typed as (select *, ${typed.join(", ")}${hashed ? `, sha256($salt || ':' || ${v(hashed)}) as ${hashedName}` : ""} from cleaned),
  judged as (select typed.*, ${codeCase} as reason_code, ${reasonCase} as reason from typed
    ${school ? `left join schools s on s.school_id = typed.${t(school)}` : ""}
    ${
      school && grade
        ? `left join allowed_grades a on a.school_id = typed.${t(school)} and a.grade = typed.${t(grade)}
    left join grade_label gl on gl.grade = typed.${t(grade)}`
        : ""
    })
  select * from judged`;
}
