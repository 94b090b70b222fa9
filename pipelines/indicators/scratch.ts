import type { DuckDBConnection } from "@duckdb/node-api";
import { sectionsOfGrade, sectionsOfStage } from "../lib/codes.ts";
import { readParameters, readSectionWeights, type Dataset, type Parameter } from "../lib/registry.ts";
import type { RegisteredTarget } from "./registry.ts";

/**
 * Tables of the registries that the views read (kept in the warehouse, so the dashboard's views work):
 * - stage_sections (stage, section): the sections of each stage (pipelines/lib/codes.ts)
 * - grade_sections (grade, section): the sections a grade code can belong to
 * - section_weights (stage, section, weight): pupil weights of combined schools (seeds/section_weights.csv)
 */
export async function writeRuleTables(connection: DuckDBConnection): Promise<void> {
  const values = (rows: (string | number)[][]) =>
    rows.map((r) => `(${r.map((v) => (typeof v === "number" ? String(v) : `'${v}'`)).join(", ")})`).join(", ");
  const stages = Object.entries(sectionsOfStage).flatMap(([stage, sections]) => sections.map((s) => [stage, s]));
  const grades = ["K1", "K2", "K3", ...Array.from({ length: 12 }, (_, i) => String(i + 1))];
  const gradeSections = grades.flatMap((g) => sectionsOfGrade(g).map((s) => [g, s]));
  const weights = readSectionWeights().map((w) => [w.stage, w.section, w.weight]);
  await connection.run(`create or replace table stage_sections as
    select * from (values ${values(stages)}) as t(stage, section)`);
  await connection.run(`create or replace table grade_sections as
    select grade, section, try_cast(grade as INTEGER) as grade_number from (values ${values(gradeSections)}) as t(grade, section)`);
  await connection.run(`create or replace table section_weights as
    select stage, section, weight::DOUBLE as weight from (values ${values(weights)}) as t(stage, section, weight)`);
}

/**
 * Temporary tables every SQL file of the engine may read:
 * - targets (target_id, scope, comparator, threshold, tally, measure, display_unit, target_year): the registry
 * - target_sections (target_id, section): applies_to, one row per section (or `milestone`)
 * - target_datasets (target_id, dataset): the datasets whose years the target is computed for
 * - parameters (target_id, parameter, grade_from, grade_to, value): seeds/parameters.csv
 * - dataset_duties (dataset, duty): the report a dataset's rows count for (student records count for vision)
 * - duty_sections (dataset, section): the sections whose schools owe a report (dictionary column owed_by)
 * - school_sections (school_id, section): the sections of each school's stage
 * - applicable (target_id, school_id): schools having a section the target applies to
 * - dataset_years (dataset, year): every year a dataset holds any row
 * - family_values: what the family SQL files yield, before the status step
 * The macros every family shares (passes, verdict, pupil_rate, rows_in_target_sections, unit_sum,
 * units_left_out) are SQL files of macros/, created after these tables (sql.ts states the order).
 */
export const scratchTables = [
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
];

type Run = (sql: string, params?: Record<string, unknown>) => Promise<unknown>;

async function insertRows(run: Run, table: string, rows: unknown[][]): Promise<void> {
  for (const row of rows) {
    const params = Object.fromEntries(row.map((v, i) => [`p${i}`, v]));
    await run(`insert into ${table} values (${row.map((_, i) => `$p${i}`).join(", ")})`, params);
  }
}

export async function createScratch(
  connection: DuckDBConnection,
  targets: RegisteredTarget[],
  datasets: Map<string, Dataset>,
  parameters: Parameter[] = readParameters(),
): Promise<void> {
  const run: Run = (sql, params) => connection.run(sql, params as never);
  await run(`create or replace temp table targets (
    target_id VARCHAR, scope VARCHAR, comparator VARCHAR, threshold DOUBLE, tally BOOLEAN, measure VARCHAR,
    display_unit VARCHAR, target_year INTEGER)`);
  await run("create or replace temp table target_sections (target_id VARCHAR, section VARCHAR)");
  await run("create or replace temp table target_datasets (target_id VARCHAR, dataset VARCHAR)");
  await run(`create or replace temp table parameters (
    target_id VARCHAR, parameter VARCHAR, grade_from INTEGER, grade_to INTEGER, value DOUBLE)`);
  await run("create or replace temp table dataset_duties (dataset VARCHAR, duty VARCHAR)");
  await run("create or replace temp table duty_sections (dataset VARCHAR, section VARCHAR)");
  await run("create or replace temp table dataset_years (dataset VARCHAR, year INTEGER)");
  await run(`create or replace temp table family_values (
    target_id VARCHAR, year INTEGER, school_id VARCHAR, numerator DOUBLE, denominator DOUBLE, value DOUBLE,
    rule_met BOOLEAN, units_left_out INTEGER, schools_reported INTEGER)`);
  await insertRows(
    run,
    "targets",
    targets.map((t) => [
      t.target_id,
      t.scope,
      t.comparator,
      t.threshold,
      t.tally,
      t.measure || null,
      t.display_unit,
      t.target_year,
    ]),
  );
  await insertRows(
    run,
    "target_sections",
    targets.flatMap((t) => t.applies_to.map((s) => [t.target_id, s])),
  );
  await insertRows(
    run,
    "target_datasets",
    targets.flatMap((t) => t.datasets.map((d) => [t.target_id, d])),
  );
  await insertRows(
    run,
    "parameters",
    parameters.map((p) => [p.target_id || null, p.parameter, p.gradeFrom, p.gradeTo, p.value]),
  );
  await insertRows(
    run,
    "dataset_duties",
    [...datasets.values()].filter((d) => datasets.get(d.fulfils)?.owedBy.length).map((d) => [d.name, d.fulfils]),
  );
  await insertRows(
    run,
    "duty_sections",
    [...datasets.values()].flatMap((d) => d.owedBy.map((s) => [d.name, s])),
  );
  await run(`create or replace temp table school_sections as
    select s.school_id, ss.section from schools s join stage_sections ss using (stage)`);
  await run(`create or replace temp table applicable as
    select distinct ts.target_id, ss.school_id
    from target_sections ts join school_sections ss using (section)`);
  const used = [...new Set(targets.flatMap((t) => t.datasets))].sort();
  for (const dataset of used) {
    // The name is an identifier checked against the dictionary by the registry, never user data.
    await run(`insert into dataset_years select distinct $dataset, year from "${dataset}" where year is not null`, {
      dataset,
    });
  }
}

export async function dropScratch(connection: DuckDBConnection): Promise<void> {
  for (const table of scratchTables) await connection.run(`drop table if exists temp.main."${table}"`);
}
