// The generic row validator: every rule comes from the dictionary, none from per-dataset code.
import { sectionWords } from "../../src/shared/vocabulary.js";
import { sectionsOfGrade, wholeSchool } from "../lib/codes.ts";
import { maskPersonal } from "../lib/personal.ts";
import { personalColumns, type Column, type Dataset } from "../lib/seeds.ts";
import {
  isNoValue,
  normaliseText,
  parseCell,
  readSchoolCell,
  schoolName,
  shownValue,
  type CellValue,
} from "./cells.ts";
import { describeColumn, type HeaderMap } from "./header.ts";
import { describeRange, holds, inRange, opWords, parseCheck, parseRange } from "./rules.ts";
import { alternation, footerWords, totalsSlack, totalsWords } from "./spellings.ts";
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
  /** The row's school and year as far as they could be read (whose report the rejected row leaves partial). */
  school_id: string | null;
  year: number | null;
}

export interface GoodRow {
  line: number;
  values: Record<string, CellValue>;
}

/** What a row's codes are checked against: the school registry (学校名录) and the units of the target registry. */
export interface References {
  /** school_id → its name and sections; null when there is no registry to check against. */
  schools: Map<string, { name: string; sections: string[] }> | null;
  /** target_id → its unit (a milestone of a `ratio` target is a share). */
  targets: Map<string, string>;
}

/** What a share column says when its value is out of range, and its range. */
const shareHint = "比例请写成小数（如 0.95）或百分数（如 95%）";
const shareRange = parseRange("[0,1]")!;

const totalsStart = new RegExp(`^${alternation(totalsWords)}`);
const totalsCell = new RegExp(`^${alternation(totalsWords)}.{0,${totalsSlack}}$`);
const footerStart = new RegExp(`^${alternation(footerWords)}\\s*[:：]`);

/** A column naming a school by its code. */
const isSchoolColumn = (c: Column) => c.ref === "school" || c.ref.startsWith("school:");

/** What a school cell said beyond its code: the cell as written and the name after the code. */
interface WrittenSchool {
  cell: string;
  name: string;
}

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
  /** A dataset about pupils: its reasons name the column, never quote a cell (a name may stand in any cell). */
  private personal: boolean;
  /** A registered school name (as schoolName compares it) → the codes of the schools of that name. */
  private named = new Map<string, Set<string>>();

  constructor(
    private ds: Dataset,
    private header: HeaderMap,
    private references: References,
  ) {
    this.rules = ds.columns.map((col) => ({ col, range: parseRange(col.range), check: parseCheck(col.check) }));
    this.personal = personalColumns(ds).length > 0;
    for (const [id, { name }] of references.schools ?? [])
      this.named.set(schoolName(name), (this.named.get(schoolName(name)) ?? new Set<string>()).add(id));
  }

  /** A cell as a reason quotes it. */
  private quote(text: string, max?: number): string {
    return this.personal ? "（学生个人数据，不显示）" : shownValue(text, max);
  }

  /** A typed row, or the first rule the record breaks. */
  validate(rec: RawRecord): GoodRow | Reject {
    const reject = (code: ReasonCode, reason: string): Reject => ({
      line: rec.line,
      code,
      reason: maskPersonal(reason),
      record: recordJson(this.header.cells, rec.cells),
      ...this.unitOf(rec),
    });
    const written = (rec.cells.find((c) => c.trim() !== "") ?? "").trim();
    const first = normaliseText(written);
    if (totalsStart.test(first) || rec.cells.some((c) => totalsCell.test(normaliseText(c))))
      return reject("totals_row", `合计行（"${this.quote(written)}"），不是一所学校的数据`);
    if (footerStart.test(first)) return reject("totals_row", `表尾说明行（"${this.quote(written, 40)}"），不是数据行`);

    const cellOf = (c: Column) => rec.cells[this.header.positions.get(c.column) ?? -1];
    for (const { col } of this.rules) {
      if (!col.required) continue;
      const cell = cellOf(col);
      if (cell === undefined)
        return reject("missing_required", `本行只有 ${rec.cells.length} 列，缺少必填列${describeColumn(col)}`);
      if (isNoValue(cell)) return reject("missing_required", `必填列${describeColumn(col)}为空`);
    }
    const values: Record<string, CellValue> = {};
    let writtenSchool: WrittenSchool | undefined;
    const types = new Map(this.rules.map(({ col }) => [col, this.typeOf(col, rec)]));
    for (const { col } of this.rules) {
      const cell = cellOf(col);
      if (cell === undefined || isNoValue(cell)) {
        values[col.column] = null;
        continue;
      }
      const parsed = parseCell(types.get(col)!, cell);
      if (!parsed.ok)
        return reject(
          "bad_type",
          `${col.zhHeader}的值"${this.quote(normaliseText(cell))}"无法识别，应为${parsed.expected}`,
        );
      // text is kept as written, but a reference (a school's code, a target's id) is matched: normalised
      values[col.column] = col.ref && typeof parsed.value === "string" ? normaliseText(parsed.value) : parsed.value;
      // a school may be written as its code and its name ("5001060001 示例小学"): the code is the value
      if (isSchoolColumn(col) && typeof parsed.value === "string") {
        const school = readSchoolCell(parsed.value);
        values[col.column] = school.code;
        if (school.name) writtenSchool = { cell: normaliseText(cell), name: school.name };
      }
      // free text (a school's name, a class's name, a note) is published: an id or a phone in it is masked
      if (col.type === "text" && !col.ref && !col.personal && typeof parsed.value === "string")
        values[col.column] = maskPersonal(parsed.value);
    }
    for (const rule of this.rules) {
      const { col } = rule;
      const v = values[col.column];
      const share = types.get(col) === "share";
      const range = share ? shareRange : rule.range;
      if (range && typeof v === "number" && !inRange(v, range)) {
        const hint = share ? shareHint : range.min !== undefined && v < range.min ? col.hint : "";
        return reject(
          "out_of_range",
          `${col.zhHeader}的值 ${v} 超出允许范围（${describeRange(range)}）${hint ? `：${hint}` : ""}`,
        );
      }
    }
    return (
      this.checkReferences(values, rec, reject, writtenSchool) ??
      this.checkRules(values, rec, reject) ?? { line: rec.line, values }
    );
  }

  /**
   * The type a cell is read as: the dictionary's, except that a `target_value` column of a row whose
   * target is a ratio holds a share (0.95 or 95%).
   */
  private typeOf(col: Column, rec: RawRecord): string {
    if (col.type === "share" || col.ref === "target_value") {
      const target = this.ds.columns.find((c) => c.ref === "target");
      const id = target && normaliseText(rec.cells[this.header.positions.get(target.column) ?? -1] ?? "");
      if (col.type === "share" || (id && this.references.targets.get(id) === "ratio")) return "share";
    }
    return col.type;
  }

  /** The school and year a row names, read leniently (for a rejected row, whose report it leaves partial). */
  unitOf(rec: RawRecord): { school_id: string | null; year: number | null } {
    const cell = (name: string | undefined) =>
      name === undefined ? undefined : rec.cells[this.header.positions.get(name) ?? -1];
    const school = cell(this.ds.columns.find(isSchoolColumn)?.column);
    const year = cell(this.ds.columns.find((c) => c.column === "year")?.column);
    const parsedYear = year === undefined ? undefined : parseCell("int", year);
    return {
      school_id: school === undefined || isNoValue(school) ? null : readSchoolCell(school).code,
      year: parsedYear?.ok ? Number(parsedYear.value) : null,
    };
  }

  private checkReferences(
    values: Record<string, CellValue>,
    rec: RawRecord,
    reject: (c: ReasonCode, r: string) => Reject,
    written?: WrittenSchool,
  ) {
    const schoolCol = this.ds.columns.find((c) => c.ref.startsWith("school") && c.ref !== "school_section");
    const references = this.references.schools;
    const school = schoolCol && references ? references.get(String(values[schoolCol.column])) : undefined;
    if (schoolCol && references && !school)
      return reject(
        "unknown_school",
        `${schoolCol.zhHeader} ${this.quote(String(values[schoolCol.column]))} 不在学校名录中`,
      );
    const id = schoolCol && String(values[schoolCol.column]);
    const owners = written && this.named.get(written.name);
    if (school && owners && !owners.has(id!))
      return reject(
        "unknown_school",
        `${schoolCol!.zhHeader}"${this.quote(written!.cell)}"的代码与名称不符：${id} 是${school.name}，` +
          `${references!.get([...owners][0])!.name}的代码是 ${[...owners].join("、")}`,
      );
    const targetCol = this.ds.columns.find((c) => c.ref === "target");
    if (targetCol && !this.references.targets.has(String(values[targetCol.column])))
      return reject(
        "unknown_target",
        `${targetCol.zhHeader} ${this.quote(String(values[targetCol.column]))} 不在指标库中`,
      );
    if (!school) return undefined;
    const needs = schoolCol!.ref.split(":")[1];
    if (needs && !school.sections.includes(needs))
      return reject(
        "wrong_section",
        `学校 ${values[schoolCol!.column]}（${school.name}）没有${sectionWords[needs]}学段`,
      );
    for (const col of this.ds.columns.filter((c) => c.ref === "school_section")) {
      const v = values[col.column];
      if (v === null) continue;
      if (v === wholeSchool) {
        const broken = this.checkWholeSchool(values, school, String(values[schoolCol!.column]), reject);
        if (broken) return broken;
        continue;
      }
      const fits = col.type === "grade" ? sectionsOfGrade(String(v)) : [String(v)];
      if (!fits.some((s) => school.sections.includes(s))) {
        const written = normaliseText(rec.cells[this.header.positions.get(col.column)!]);
        const section = sectionWords[fits[0]];
        return reject(
          "wrong_section",
          `学校 ${values[schoolCol!.column]}（${school.name}）没有${section}学段，${col.zhHeader}"${this.quote(written)}"不适用`,
        );
      }
    }
    return undefined;
  }

  /**
   * A 全校 row stands for every section of a combined school: the school has more than one section,
   * and the pupils of each of its sections are given (columns with ref section_students:<section>),
   * none for a section it does not have.
   */
  private checkWholeSchool(
    values: Record<string, CellValue>,
    school: { name: string; sections: string[] },
    id: string,
    reject: (c: ReasonCode, r: string) => Reject,
  ): Reject | undefined {
    if (school.sections.length < 2)
      return reject("wrong_section", `学校 ${id}（${school.name}）只有一个学段，学段应填写该学段而不是"全校"`);
    for (const col of this.ds.columns.filter((c) => c.ref.startsWith("section_students:"))) {
      const section = col.ref.split(":")[1];
      const v = values[col.column];
      if (school.sections.includes(section) && v === null)
        return reject("missing_required", `学段为"全校"时必须填写${describeColumn(col)}`);
      if (!school.sections.includes(section) && v !== null && v !== 0)
        return reject(
          "wrong_section",
          `学校 ${id}（${school.name}）没有${sectionWords[section]}学段，${col.zhHeader}应为空`,
        );
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
