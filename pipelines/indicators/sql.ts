import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "../lib/errors.ts";
import { classifyFault } from "../lib/faults.ts";

/**
 * Where the SQL of the engine lives: `tables/<table>.sql`, `views/<view>.sql`, `macros/<macro>.sql`,
 * `<family>.sql`, `steps/<step>.sql`. One compute (compute.ts) runs the engine in this order, each part
 * once, in one transaction:
 * 1. rule tables: tables/<name>.sql of ruleTableNames, with their rows (scratch.ts writeRuleTables)
 * 2. views/*.sql, each after the views it declares with `-- depends:` (viewFiles)
 *    then vision_by_grade, read by several families, once into a temp table that shadows its view (compute.ts)
 * 3. scratch tables: tables/<name>.sql of scratchTableNames, with the registry's rows (scratch.ts createScratch)
 * 4. macros/*.sql, in the order of macroNames
 * 5. steps/reports.sql then steps/arrivals.sql (after received units and latest submissions: reports.ts, submissions.ts)
 * 6. the families' <family>.sql, in the order the registry first names them
 * 7. steps/status.sql, steps/gaps.sql, steps/progress.sql, steps/oversize_classes.sql
 * 8. grade rates and small numbers hidden (smallNumbers.ts)
 */
export const sqlDir = path.dirname(fileURLToPath(import.meta.url));

/** The tables of the registries the views read, kept in the warehouse for the dashboard: tables/<name>.sql. */
export const ruleTableNames = ["stage_sections", "grade_sections", "section_weights"] as const;

/** The temporary tables every family and step may read, in the order they are made (a table after those it reads): tables/<name>.sql. */
export const scratchTableNames = [
  "targets",
  "target_sections",
  "target_datasets",
  "parameters",
  "dataset_duties",
  "duty_sections",
  "school_sections",
  "applicable",
  "dataset_years",
  "family_values",
] as const;

/** The macros every family and step may call, in the order they are created (a macro after those it calls). */
export const macroNames = [
  "tolerance",
  "passes",
  "verdict",
  "pupil_rate",
  "rows_in_target_sections",
  "unit_sum",
  "units_left_out",
  "pooled_pairs",
] as const;

/** The generic steps, in the order they run: reports owed, target arrivals, then (after the families) statuses, the schools behind them (gaps) and progress. */
export const stepNames = {
  reports: "reports",
  arrivals: "arrivals",
  status: "status",
  gaps: "gaps",
  progress: "progress",
  oversizeClasses: "oversize_classes",
} as const;

export function familySqlPath(family: string, dir = sqlDir): string {
  return path.join(dir, `${family}.sql`);
}

export function tableSqlPath(table: string, dir = sqlDir): string {
  return path.join(dir, "tables", `${table}.sql`);
}

export function macroSqlPath(macro: string, dir = sqlDir): string {
  return path.join(dir, "macros", `${macro}.sql`);
}

export function stepSqlPath(step: string, dir = sqlDir): string {
  return path.join(dir, "steps", `${step}.sql`);
}

/** Runs one SQL file wrapped in a statement (`%s` stands for the file's query); a failure names the file. */
export async function runSqlFile(connection: DuckDBConnection, file: string, wrapper = "%s"): Promise<void> {
  try {
    await connection.run(wrapper.replace("%s", () => readQuery(file)));
  } catch (error) {
    if (classifyFault(error)) throw error; // a full disk is no fault of the SQL file: the caller tells it
    const message = String((error as Error).message ?? error).split("\n")[0];
    throw new UserError(`指标计算出错（${path.basename(path.dirname(file))}/${path.basename(file)}）：${message}`);
  }
}

/** A query without its trailing semicolon, ready to be wrapped (`insert … select * from (…)`). */
export function readQuery(file: string): string {
  return fs.readFileSync(file, "utf8").replace(/;\s*$/, "").trim();
}

/** The views a SQL file declares it reads (`-- depends: a, b`). */
export function declaredDependencies(file: string): string[] {
  const line = /^--\s*depends:\s*(.+)$/m.exec(fs.readFileSync(file, "utf8"));
  return line ? line[1].split(/[,\s]+/).filter(Boolean) : [];
}

/**
 * The views the families read (and the dashboard may read): name → file, each after the views it
 * declares with `-- depends:`. A dependency that is no view, or a cycle, is an error of the engine.
 */
export function viewFiles(dir = sqlDir): Map<string, string> {
  const viewsDir = path.join(dir, "views");
  const names = fs.existsSync(viewsDir) ? fs.readdirSync(viewsDir).filter((f) => f.endsWith(".sql")) : [];
  const files = new Map(names.sort().map((f) => [path.basename(f, ".sql"), path.join(viewsDir, f)]));
  const ordered = new Map<string, string>();
  const visiting = new Set<string>();
  const visit = (name: string, from: string) => {
    if (ordered.has(name)) return;
    const file = files.get(name);
    if (!file) throw new Error(`${from} depends on ${name}, which is no view in ${viewsDir}`);
    if (visiting.has(name)) throw new Error(`views depend on each other in a cycle through ${name}`);
    visiting.add(name);
    for (const dependency of declaredDependencies(file)) visit(dependency, name);
    visiting.delete(name);
    ordered.set(name, file);
  };
  for (const name of files.keys()) visit(name, name);
  return ordered;
}

/** Every .sql file of the engine (for the EXPLAIN test). */
export function allSqlFiles(dir = sqlDir): string[] {
  const top = fs.readdirSync(dir).filter((f) => f.endsWith(".sql"));
  return [
    ...top.map((f) => path.join(dir, f)),
    ...[...ruleTableNames, ...scratchTableNames].map((t) => tableSqlPath(t, dir)),
    ...viewFiles(dir).values(),
    ...macroNames.map((m) => macroSqlPath(m, dir)),
    ...Object.values(stepNames).map((s) => stepSqlPath(s, dir)),
  ];
}
