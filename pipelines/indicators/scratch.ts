import type { DuckDBConnection } from "@duckdb/node-api";
import { sectionsOfGrade, sectionsOfStage } from "../lib/codes.ts";
import { readParameters, readSectionWeights, type Dataset, type Parameter } from "../lib/seeds.ts";
import type { Target } from "../lib/targets.ts";

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
 * and the macros every family shares:
 * - `passes(value, comparator, threshold)`: a comparison with the tolerance of seeds/parameters.csv
 * - `verdict(value, comparator, threshold, rule_met)`: info, met or not_met of a value judged on complete data
 * - `pupil_rate(scope, display_unit)`: a rate over pupils pooled from its schools (scope both, a ratio): what
 *   a missing school may add is bounded by its pupils, and a small denominator is not published
 * - `rows_in_target_sections(table)`: the rows of a table with a grade (pe, class_sizes, vision_by_grade) whose
 *   grade is in a section of its school that a target applies to, with the target and the grade's number
 * - `unit_sum(x, other)`, `units_left_out(x, other)`: complete units only — a unit counts where it holds
 *   both counts, and the others are counted as left out (never read as 0)
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
  targets: Target[],
  datasets: Map<string, Dataset>,
  parameters: Parameter[] = readParameters(),
): Promise<void> {
  const run: Run = (sql, params) => connection.run(sql, params as never);
  await writeRuleTables(connection);
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
  const tolerance = parameters.find((p) => !p.target_id && p.parameter === "tolerance")?.value ?? 0;
  // a value equal to its threshold in decimal counts as met: relative tolerance from seeds/parameters.csv
  await run(`create or replace temp macro passes(v, comparator, threshold) as case comparator
    when '>=' then v >= threshold - ${tolerance} * greatest(abs(threshold), abs(v))
    when '<=' then v <= threshold + ${tolerance} * greatest(abs(threshold), abs(v)) end`);
  await run(`create or replace temp macro verdict(v, comparator, threshold, rule_met) as case
    when comparator = 'info' then 'info'
    when rule_met is not false and passes(v, comparator, threshold) then 'met'
    else 'not_met' end`);
  await run(
    `create or replace temp macro pupil_rate(scope, display_unit) as scope = 'both' and display_unit = 'ratio'`,
  );
  await run(`create or replace temp macro rows_in_target_sections(tbl) as table
    select a.target_id, g.grade_number, d.*
    from query_table(tbl) as d
    join grade_sections as g on g.grade = d.grade
    join school_sections as s on s.school_id = d.school_id and s.section = g.section
    join target_sections as t on t.section = g.section
    join applicable as a on a.target_id = t.target_id and a.school_id = d.school_id`);
  await run("create or replace temp macro unit_sum(x, other) as sum(case when other is not null then x end)");
  await run("create or replace temp macro units_left_out(x, other) as count(*) - count(x + other)");
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
