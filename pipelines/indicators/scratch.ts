import type { DuckDBConnection } from "@duckdb/node-api";
import { sectionsOfStage } from "../lib/codes.ts";
import type { RegisteredTarget } from "./registry.ts";

/**
 * Temporary tables every SQL file of the engine may read:
 * - targets (target_id, scope, comparator, threshold): the registry
 * - target_sections (target_id, section): applies_to, one row per section (or `milestone`)
 * - target_datasets (target_id, dataset): the datasets whose years the target is computed for
 * - school_sections (school_id, section): the sections of each school's stage (pipelines/lib/codes.ts)
 * - applicable (target_id, school_id): schools having a section the target applies to
 * - dataset_years (dataset, year): every year a dataset holds any row
 * - family_values: what the family SQL files yield, before the status step
 */
export const scratchTables = [
  "targets",
  "target_sections",
  "target_datasets",
  "stage_sections",
  "school_sections",
  "applicable",
  "dataset_years",
  "family_values",
];

export async function createScratch(connection: DuckDBConnection, targets: RegisteredTarget[]): Promise<void> {
  const run = (sql: string, params?: Record<string, unknown>) => connection.run(sql, params as never);
  await run(`create or replace temp table targets (
    target_id VARCHAR, scope VARCHAR, comparator VARCHAR, threshold DOUBLE)`);
  await run("create or replace temp table target_sections (target_id VARCHAR, section VARCHAR)");
  await run("create or replace temp table target_datasets (target_id VARCHAR, dataset VARCHAR)");
  await run("create or replace temp table stage_sections (stage VARCHAR, section VARCHAR)");
  await run("create or replace temp table dataset_years (dataset VARCHAR, year INTEGER)");
  await run(`create or replace temp table family_values (
    target_id VARCHAR, year INTEGER, school_id VARCHAR,
    numerator DOUBLE, denominator DOUBLE, value DOUBLE, rule_met BOOLEAN)`);
  for (const t of targets) {
    await run("insert into targets values ($id, $scope, $comparator, $threshold)", {
      id: t.target_id,
      scope: t.scope,
      comparator: t.comparator,
      threshold: t.threshold,
    });
    for (const section of t.applies_to) {
      await run("insert into target_sections values ($id, $section)", { id: t.target_id, section });
    }
    for (const dataset of t.datasets) {
      await run("insert into target_datasets values ($id, $dataset)", { id: t.target_id, dataset });
    }
  }
  for (const [stage, sections] of Object.entries(sectionsOfStage)) {
    for (const section of sections)
      await run("insert into stage_sections values ($stage, $section)", { stage, section });
  }
  await run(`create or replace temp table school_sections as
    select s.school_id, ss.section from schools s join stage_sections ss using (stage)`);
  await run(`create or replace temp table applicable as
    select distinct ts.target_id, ss.school_id
    from target_sections ts join school_sections ss using (section)`);
  const datasets = [...new Set(targets.flatMap((t) => t.datasets))].sort();
  for (const dataset of datasets) {
    // The name is an identifier checked against the dictionary by the registry, never user data.
    await run(`insert into dataset_years select distinct $dataset, year from "${dataset}" where year is not null`, {
      dataset,
    });
  }
}

export async function dropScratch(connection: DuckDBConnection): Promise<void> {
  for (const table of scratchTables) await connection.run(`drop table if exists temp.main."${table}"`);
}
