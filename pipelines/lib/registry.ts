import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { seedsDir } from "./paths.ts";

/** One column of a data template (seeds/dictionary.csv). */
export interface Column {
  dataset: string;
  column: string;
  zhHeader: string;
  type: string; // text | int | number | bool | date | grade | stage | section | enum:code=标签|…
  required: boolean;
  rule: string;
  key: boolean;
  range: string; // interval such as [0,) or (0,100]
  check: string; // cross-column rule such as `a + b <= c`
  ref: string; // school | school:senior | school_section | target
}

export interface Dataset {
  name: string;
  columns: Column[];
  key: string[];
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true });
}

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
    };
    if (!datasets.has(col.dataset)) datasets.set(col.dataset, { name: col.dataset, columns: [], key: [] });
    const ds = datasets.get(col.dataset)!;
    ds.columns.push(col);
    if (col.key) ds.key.push(col.column);
  }
  return datasets;
}

/** One target of the plan (seeds/targets.csv). */
export interface Target {
  target_id: string;
  section: string;
  clause: number;
  title_zh: string;
  scope: "school" | "both" | "district";
  applies_to: string[];
  comparator: ">=" | "<=" | "info";
  threshold: number | null;
  unit: string;
  formula: string;
  source: string;
}

export function readTargetRows(file = path.join(seedsDir, "targets.csv")): Record<string, string>[] {
  return readCsv(file);
}
