// The target registry (seeds/targets.csv), read and checked once for every reader: the engine, the
// site, the exports. A problem becomes one Chinese message naming the file, the line and the value.
import fs from "node:fs";
import path from "node:path";
import { areas, chartKinds, sectionWords } from "../../src/shared/vocabulary.js";
import { UserError } from "./errors.ts";
import { root, seedsDir } from "./paths.ts";
import { readPlan } from "./plan.ts";
import { readCsv, readDictionary, type Dataset } from "./seeds.ts";

/** One target of the plan, as the registry (seeds/targets.csv) says it and every reader uses it. */
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
  /** The area page that shows the target. */
  area: string;
  /** The chart that suits it: schools | cv | milestone | trend. */
  chart: string;
  /** The unit a value is shown in (`pp`: a change of a ratio in percentage points). */
  display_unit: string;
  /** What a resource or room target measures (joins section_resources, special_rooms); "" for others. */
  measure: string;
  /** A district count that can only grow as schools report (large classes, oversized schools). */
  tally: boolean;
  /** The year the target is to be reached by, when the plan or its source names one (else the default of seeds/parameters.csv). */
  target_year: number | null;
  /** The datasets it reads. */
  datasets: string[];
  /** Its line in the registry file. */
  line: number;
  /** What the SQL computes, in Chinese for a reader: numerator and denominator, scope, blanks, threshold. */
  explanation_zh: string;
  /** The sources in full Chinese: title, 文号 and article, or the plan's clause with its words. */
  source_zh: string;
  /** The title of its plan clause, as the pages and reports show it. */
  clause_title: string;
}

/** The registry's rows as written, unchecked (the ingest's references, the sample's ledger). */
export function readTargetRows(file = path.join(seedsDir, "targets.csv")): Record<string, string>[] {
  return readCsv(file);
}

export const defaultTargetsFile = path.join(seedsDir, "targets.csv");
const scopes = ["school", "both", "district"];
const comparators = [">=", "<=", "info"];
const sections = Object.keys(sectionWords);

/**
 * Reads and validates the target registry; `check(target, fail)` adds a reader's own checks.
 * Nothing is returned half-checked.
 */
export function readTargets(
  file = defaultTargetsFile,
  dictionary: Map<string, Dataset> = readDictionary(),
  check?: (target: Target, fail: (what: string) => never) => void,
): Target[] {
  const shown = path.relative(root, file) || file;
  if (!fs.existsSync(file)) throw new UserError(`指标登记表 ${shown} 不存在。`);
  const rows = readTargetRows(file);
  const clauses = new Map(readPlan().clauses.map((c) => [c.number, c.title]));
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const fail = (what: string): never => {
      throw new UserError(`指标登记表 ${shown} 第 ${line} 行：${what}`);
    };
    const id = (row.target_id ?? "").trim();
    if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(id)) fail(`指标编号“${id}”无效（应为小写字母、数字、下划线和点）。`);
    if (seen.has(id)) fail(`指标编号“${id}”重复（第 ${seen.get(id)} 行已有）。`);
    seen.set(id, line);
    const clause = Number(row.clause);
    if (!Number.isInteger(clause) || clause < 1) fail(`指标 ${id} 的条款号“${row.clause ?? ""}”不是正整数。`);
    const scope = (row.scope ?? "").trim();
    if (!scopes.includes(scope)) fail(`指标 ${id} 的范围“${scope}”无效（应为 ${scopes.join("、")}）。`);
    const comparator = (row.comparator ?? "").trim();
    if (!comparators.includes(comparator)) {
      fail(`指标 ${id} 的比较符“${comparator}”无效（应为 ${comparators.join("、")}）。`);
    }
    const appliesTo = (row.applies_to ?? "").split("|").map((s) => s.trim());
    for (const section of appliesTo) {
      if (section === "milestone" ? appliesTo.length > 1 || scope !== "district" : !sections.includes(section)) {
        fail(
          `指标 ${id} 的适用学段“${row.applies_to}”无效（应为 ${sections.join("、")} 以 | 连接，或单独的 milestone 且范围为 district）。`,
        );
      }
    }
    const thresholdText = (row.threshold ?? "").trim();
    const threshold = thresholdText === "" ? null : Number(thresholdText);
    if (comparator === "info" && threshold !== null) fail(`指标 ${id} 为 info，不应填写目标值“${thresholdText}”。`);
    if (comparator !== "info" && (threshold === null || !Number.isFinite(threshold))) {
      fail(`指标 ${id} 的目标值“${thresholdText}”不是数字。`);
    }
    const datasets = (row.datasets ?? "").split("|").map((s) => s.trim());
    for (const name of datasets) {
      const known = dictionary.get(name)?.columns.some((c) => c.column === "year");
      if (!known) fail(`指标 ${id} 的数据集“${row.datasets ?? ""}”无效（应为数据字典中带“年度”的数据集，以 | 连接）。`);
    }
    const area = (row.area ?? "").trim();
    if (!areas.some((a) => a.slug === area)) {
      fail(`指标 ${id} 的领域“${area}”无效（应为 ${areas.map((a) => a.slug).join("、")}）。`);
    }
    const chart = (row.chart ?? "").trim();
    if (!chartKinds.includes(chart)) fail(`指标 ${id} 的图表“${chart}”无效（应为 ${chartKinds.join("、")}）。`);
    const unit = (row.unit ?? "").trim();
    const displayUnit = (row.display_unit ?? "").trim() || unit;
    const yearText = (row.target_year ?? "").trim();
    const targetYear = yearText === "" ? null : Number(yearText);
    if (targetYear !== null && !(Number.isInteger(targetYear) && targetYear >= 2000 && targetYear <= 2100)) {
      fail(`指标 ${id} 的目标年份“${yearText}”不是 2000–2100 之间的年份。`);
    }
    const tally = (row.tally ?? "").trim();
    if (!["", "yes"].includes(tally)) fail(`指标 ${id} 的 tally 列“${tally}”无效（应为 yes 或留空）。`);
    if (tally === "yes" && (comparator !== "<=" || scope === "school")) {
      fail(`指标 ${id} 标为 tally（只会随报送增加的全区计数），其比较符应为 <=、范围不能是 school。`);
    }
    const target: Target = {
      target_id: id,
      section: row.section ?? "",
      clause,
      title_zh: row.title_zh ?? "",
      scope: scope as Target["scope"],
      applies_to: appliesTo,
      comparator: comparator as Target["comparator"],
      threshold,
      unit,
      formula: row.formula ?? "",
      source: row.source ?? "",
      area,
      chart,
      display_unit: displayUnit,
      measure: (row.measure ?? "").trim(),
      tally: tally === "yes",
      target_year: targetYear,
      datasets,
      line,
      explanation_zh: (row.explanation_zh ?? "").trim(),
      source_zh: (row.source_zh ?? "").trim(),
      clause_title: clauses.get(clause) ?? "",
    };
    check?.(target, fail);
    targets.push(target);
  });
  if (targets.length === 0) throw new UserError(`指标登记表 ${shown} 中没有指标。`);
  return targets;
}
