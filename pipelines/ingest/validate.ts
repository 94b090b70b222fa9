// The generic row validator: every rule comes from the dictionary, none from per-dataset code.
import { sectionLabels, sectionsOfGrade } from "../lib/codes.ts";
import type { Column, Dataset } from "../lib/registry.ts";
import { isNoValue, normaliseText, parseCell, shownValue, type CellValue } from "./cells.ts";
import { describeColumn, type HeaderMap } from "./header.ts";
import { describeRange, holds, inRange, opWords, parseCheck, parseRange } from "./rules.ts";
import type { RawRecord } from "./table.ts";

export type ReasonCode =
  | "totals_row"
  | "missing_required"
  | "bad_type"
  | "out_of_range"
  | "unknown_school"
  | "unknown_target"
  | "wrong_section"
  | "inconsistent"
  | "duplicate_key";

export interface Reject {
  line: number;
  code: ReasonCode;
  reason: string;
  record: string;
}

export interface GoodRow {
  line: number;
  values: Record<string, CellValue>;
}

export interface Registry {
  /** school_id → its name and sections; null when there is no registry to check against. */
  schools: Map<string, { name: string; sections: string[] }> | null;
  targets: Set<string>;
}

const totalsWords = /^(合计|总计|小计|全区)/;
const footerWords =
  /^(填表人|填报人|审核人|制表人|制表|负责人|校长|填报日期|填表日期|联系电话|单位负责人|注|说明)\s*[:：]/;

/** The raw record as a JSON object: header as written → cell text as read. */
export function recordJson(header: string[], cells: string[]): string {
  // No prototype: a header cell such as "constructor" or "__proto__" is a plain key like any other.
  const obj: Record<string, string> = Object.create(null);
  cells.forEach((cell, i) => {
    let name = header[i]?.trim() || `第${i + 1}列`;
    while (name in obj) name += "'";
    obj[name] = cell;
  });
  return JSON.stringify(obj);
}

export class RowValidator {
  private seen = new Map<string, number>();
  private rules: { col: Column; range?: ReturnType<typeof parseRange>; check?: ReturnType<typeof parseCheck> }[];

  constructor(
    private ds: Dataset,
    private header: HeaderMap,
    private registry: Registry,
  ) {
    this.rules = ds.columns.map((col) => ({ col, range: parseRange(col.range), check: parseCheck(col.check) }));
  }

  /** A typed row, or the first rule the record breaks. */
  validate(rec: RawRecord): GoodRow | Reject {
    const reject = (code: ReasonCode, reason: string): Reject => ({
      line: rec.line,
      code,
      reason,
      record: recordJson(this.header.cells, rec.cells),
    });
    const written = (rec.cells.find((c) => c.trim() !== "") ?? "").trim();
    const first = normaliseText(written);
    if (
      totalsWords.test(first) ||
      rec.cells.some((c) => totalsWords.test(normaliseText(c)) && normaliseText(c).length <= 4)
    )
      return reject("totals_row", `合计行（"${written}"），不是一所学校的数据`);
    if (footerWords.test(first)) return reject("totals_row", `表尾说明行（"${written.slice(0, 40)}"），不是数据行`);

    const cellOf = (c: Column) => rec.cells[this.header.positions.get(c.column) ?? -1];
    for (const { col } of this.rules) {
      if (!col.required) continue;
      const cell = cellOf(col);
      if (cell === undefined)
        return reject("missing_required", `本行只有 ${rec.cells.length} 列，缺少必填列${describeColumn(col)}`);
      if (isNoValue(cell)) return reject("missing_required", `必填列${describeColumn(col)}为空`);
    }
    const values: Record<string, CellValue> = {};
    for (const { col } of this.rules) {
      const cell = cellOf(col);
      if (cell === undefined || isNoValue(cell)) {
        values[col.column] = null;
        continue;
      }
      const parsed = parseCell(col.type, cell);
      if (!parsed.ok)
        return reject(
          "bad_type",
          `${col.zhHeader}的值"${shownValue(normaliseText(cell))}"无法识别，应为${parsed.expected}`,
        );
      values[col.column] = parsed.value;
    }
    for (const { col, range } of this.rules) {
      const v = values[col.column];
      if (range && typeof v === "number" && !inRange(v, range))
        return reject("out_of_range", `${col.zhHeader}的值 ${v} 超出允许范围（${describeRange(range)}）`);
    }
    return (
      this.checkReferences(values, rec, reject) ?? this.checkRules(values, rec, reject) ?? { line: rec.line, values }
    );
  }

  private checkReferences(
    values: Record<string, CellValue>,
    rec: RawRecord,
    reject: (c: ReasonCode, r: string) => Reject,
  ) {
    const schoolCol = this.ds.columns.find((c) => c.ref.startsWith("school") && c.ref !== "school_section");
    const registry = this.registry.schools;
    const school = schoolCol && registry ? registry.get(String(values[schoolCol.column])) : undefined;
    if (schoolCol && registry && !school)
      return reject(
        "unknown_school",
        `${schoolCol.zhHeader} ${shownValue(String(values[schoolCol.column]))} 不在学校名录中`,
      );
    const targetCol = this.ds.columns.find((c) => c.ref === "target");
    if (targetCol && !this.registry.targets.has(String(values[targetCol.column])))
      return reject(
        "unknown_target",
        `${targetCol.zhHeader} ${shownValue(String(values[targetCol.column]))} 不在指标库中`,
      );
    if (!school) return undefined;
    const needs = schoolCol!.ref.split(":")[1];
    if (needs && !school.sections.includes(needs))
      return reject(
        "wrong_section",
        `学校 ${values[schoolCol!.column]}（${school.name}）没有${sectionLabels[needs]}学段`,
      );
    for (const col of this.ds.columns.filter((c) => c.ref === "school_section")) {
      const v = values[col.column];
      if (v === null) continue;
      const fits = col.type === "grade" ? sectionsOfGrade(String(v)) : [String(v)];
      if (!fits.some((s) => school.sections.includes(s))) {
        const written = normaliseText(rec.cells[this.header.positions.get(col.column)!]);
        const section = sectionLabels[fits[0]];
        return reject(
          "wrong_section",
          `学校 ${values[schoolCol!.column]}（${school.name}）没有${section}学段，${col.zhHeader}"${shownValue(written)}"不适用`,
        );
      }
    }
    return undefined;
  }

  private checkRules(values: Record<string, CellValue>, rec: RawRecord, reject: (c: ReasonCode, r: string) => Reject) {
    for (const { check } of this.rules) {
      const result = check && holds(check, values);
      if (check && result && !result.ok) {
        const name = (cols: string[]) =>
          cols.map((c) => this.ds.columns.find((x) => x.column === c)?.zhHeader ?? c).join("+");
        return reject(
          "inconsistent",
          `${name(check.left)}(${result.left})${opWords[check.op]}${name(check.right)}(${result.right})`,
        );
      }
    }
    const key = JSON.stringify(this.ds.key.map((k) => values[k]));
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      const names = this.ds.key.map((k) => this.ds.columns.find((c) => c.column === k)!.zhHeader).join("、");
      return reject("duplicate_key", `${names}与第 ${earlier} 行相同（重复）`);
    }
    this.seen.set(key, rec.line);
    return undefined;
  }
}
