// The seed files as data: the data templates (seeds/dictionary.csv), the formulas' parameters
// (seeds/parameters.csv) and the pupil weights of combined schools (seeds/section_weights.csv). The target
// registry (seeds/targets.csv) is read by targets.ts.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { UserError } from "./errors.ts";
import { seedsDir } from "./paths.ts";

/** One column of a data template (seeds/dictionary.csv). */
export interface Column {
  dataset: string;
  column: string;
  zhHeader: string;
  type: string; // text | code | int | number | share | bool | date | grade | stage | section | enum:code=标签|…
  required: boolean;
  rule: string;
  key: boolean;
  range: string; // interval such as [0,) or (0,100]
  check: string; // cross-column rule such as `a + b <= c`
  ref: string; // school | school:senior | school_section | target | target_value | section_students:<section>
  /** Personal data: `hash` (stored only as a salted hash) or `drop` (never stored); "" for none. */
  personal: "" | "hash" | "drop";
  /** Said after an out-of-range reason when the value is below the range (e.g. a monthly pay). */
  hint: string;
}

export interface Dataset {
  name: string;
  /** The dataset's Chinese name (填报任务), as pages and messages say it. */
  nameZh: string;
  columns: Column[];
  key: string[];
  /** Sections whose schools owe this dataset every year it is collected; empty: no school owes it. */
  owedBy: string[];
  /** The dataset whose duty this one fulfils (student records fulfil the vision summary); else itself. */
  fulfils: string;
}

export function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true });
}

const list = (text: string | undefined) =>
  (text ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The dictionary. Dataset-level columns (dataset_zh, owed_by, fulfils) are written on the first
 * row of each dataset.
 */
export function readDictionary(file = path.join(seedsDir, "dictionary.csv")): Map<string, Dataset> {
  const datasets = new Map<string, Dataset>();
  for (const r of readCsv(file)) {
    const col: Column = {
      dataset: r.dataset,
      column: r.column,
      zhHeader: r.zh_header,
      type: r.type,
      required: r.required === "yes",
      rule: r.rule ?? "",
      key: r.key === "yes",
      range: r.range ?? "",
      check: r.check ?? "",
      ref: r.ref ?? "",
      personal: (r.personal ?? "") as Column["personal"],
      hint: r.hint ?? "",
    };
    if (!datasets.has(col.dataset)) {
      datasets.set(col.dataset, {
        name: col.dataset,
        nameZh: r.dataset_zh || col.dataset,
        columns: [],
        key: [],
        owedBy: list(r.owed_by),
        fulfils: r.fulfils || col.dataset,
      });
    }
    const ds = datasets.get(col.dataset)!;
    ds.columns.push(col);
    if (col.key) ds.key.push(col.column);
  }
  return datasets;
}

/** dataset → its Chinese name (dictionary column dataset_zh). */
export function datasetNames(datasets = readDictionary()): Record<string, string> {
  return Object.fromEntries([...datasets.values()].map((d) => [d.name, d.nameZh]));
}

/** Columns holding personal data (dictionary column `personal`). */
export function personalColumns(ds: Dataset): Column[] {
  return ds.columns.filter((c) => c.personal !== "");
}

/** A parameter of a target's formula (seeds/parameters.csv); target_id "" for one that holds for all. */
export interface Parameter {
  target_id: string;
  parameter: string;
  /** Grade codes the value holds for (`1-2` → 1..2), null for all grades. */
  gradeFrom: number | null;
  gradeTo: number | null;
  value: number;
}

export function readParameters(file = path.join(seedsDir, "parameters.csv")): Parameter[] {
  if (!fs.existsSync(file)) throw new UserError(`公式参数表 ${file} 不存在。`, 2);
  return readCsv(file).map((r, i) => {
    const value = Number(r.value);
    if (r.value === undefined || r.value.trim() === "" || !Number.isFinite(value)) {
      throw new UserError(
        `公式参数表 ${file} 第 ${i + 2} 行：参数 ${r.parameter ?? ""} 的值“${r.value ?? ""}”不是数字。`,
      );
    }
    const grades = /^(\d+)-(\d+)$/.exec((r.grades ?? "").trim());
    return {
      target_id: (r.target_id ?? "").trim(),
      parameter: r.parameter.trim(),
      gradeFrom: grades ? Number(grades[1]) : null,
      gradeTo: grades ? Number(grades[2]) : null,
      value,
    };
  });
}

/** The one value of a parameter that holds for all grades (throws when the seed lacks it). */
export function parameterValue(parameters: Parameter[], targetId: string, name: string): number {
  const found = parameters.find((p) => p.target_id === targetId && p.parameter === name && p.gradeFrom === null);
  if (!found) throw new Error(`seeds/parameters.csv has no ${targetId || "(all targets)"} ${name}`);
  return found.value;
}

/** Pupil weights of the sections of combined schools (seeds/section_weights.csv). */
export interface SectionWeight {
  stage: string;
  section: string;
  weight: number;
}

export function readSectionWeights(file = path.join(seedsDir, "section_weights.csv")): SectionWeight[] {
  return readCsv(file).map((r) => ({ stage: r.stage.trim(), section: r.section.trim(), weight: Number(r.weight) }));
}
