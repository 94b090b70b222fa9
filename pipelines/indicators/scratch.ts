import type { DuckDBConnection } from "@duckdb/node-api";
import { gradeSectionPairs, stageSectionPairs } from "../lib/codes.ts";
import { readParameters, readSectionWeights, type Dataset, type Parameter } from "../lib/seeds.ts";
import type { Target } from "../lib/targets.ts";
import { ruleTableNames, runSqlFile, scratchTableNames, sqlDir, tableSqlPath } from "./sql.ts";

// The tables of the engine are SQL files of tables/ (columns and grain); this module writes their rows,
// from the code lists, the seeds and the registry, as bound parameters (never values pasted into SQL).

/** A table's rows, each the values of the table's columns in the order of its SQL file. */
type Rows = unknown[][];

/** All rows of a table in one statement (a statement a row cost 0.23 s of a 0.6 s compute for the sample's 415 rows). */
async function insertRows(connection: DuckDBConnection, table: string, rows: Rows): Promise<void> {
  if (!rows.length) return;
  const params: Record<string, unknown> = {};
  const tuples = rows.map((row, r) => {
    const names = row.map((v, i) => {
      params[`p${r}_${i}`] = v;
      return `$p${r}_${i}`;
    });
    return `(${names.join(", ")})`;
  });
  await connection.run(`insert into ${table} values ${tuples.join(", ")}`, params as never);
}

/** Makes each table of `tables` (tables/<name>.sql) in their order, then inserts its rows (none for a table made by a query). */
async function makeTables(
  connection: DuckDBConnection,
  tables: readonly string[],
  rows: Record<string, Rows>,
  dir: string,
): Promise<void> {
  for (const table of tables) {
    await runSqlFile(connection, tableSqlPath(table, dir));
    await insertRows(connection, table, rows[table] ?? []);
  }
}

/**
 * The rule tables the views read (stage_sections, grade_sections, section_weights: tables/), kept in
 * the warehouse so the dashboard's views work: the stages and grades of pipelines/lib/codes.ts and the
 * pupil weights of seeds/section_weights.csv.
 */
export async function writeRuleTables(connection: DuckDBConnection, dir = sqlDir): Promise<void> {
  const weights = readSectionWeights();
  const bad = weights.find((w) => !Number.isFinite(w.weight));
  if (bad) throw new Error(`seeds/section_weights.csv: the weight of ${bad.stage} ${bad.section} is no number`);
  const rows: Record<(typeof ruleTableNames)[number], Rows> = {
    stage_sections: stageSectionPairs(),
    grade_sections: gradeSectionPairs().map(([g, s]) => [g, s, /^\d+$/.test(g) ? Number(g) : null]),
    section_weights: weights.map((w) => [w.stage, w.section, w.weight]),
  };
  await makeTables(connection, ruleTableNames, rows, dir);
}

/**
 * The temporary tables every SQL file of the engine may read (tables/ says what each holds), from the
 * registry, the parameters and the dictionary, then the years each dataset a target reads holds rows for.
 * The macros every family shares are SQL files of macros/, created after these tables (sql.ts states the order).
 */
export async function createScratch(
  connection: DuckDBConnection,
  targets: Target[],
  datasets: Map<string, Dataset>,
  parameters: Parameter[] = readParameters(),
  dir = sqlDir,
): Promise<void> {
  const rows: Partial<Record<(typeof scratchTableNames)[number], Rows>> = {
    targets: targets.map((t) => [
      t.target_id,
      t.scope,
      t.comparator,
      t.threshold,
      t.tally,
      t.measure || null,
      t.display_unit,
      t.target_year,
    ]),
    target_sections: targets.flatMap((t) => t.applies_to.map((s) => [t.target_id, s])),
    target_datasets: targets.flatMap((t) => t.datasets.map((d) => [t.target_id, d])),
    parameters: parameters.map((p) => [p.target_id || null, p.parameter, p.gradeFrom, p.gradeTo, p.value]),
    dataset_duties: [...datasets.values()]
      .filter((d) => datasets.get(d.fulfils)?.owedBy.length)
      .map((d) => [d.name, d.fulfils]),
    duty_sections: [...datasets.values()].flatMap((d) => d.owedBy.map((s) => [d.name, s])),
  };
  await makeTables(connection, scratchTableNames, rows, dir);
  const used = [...new Set(targets.flatMap((t) => t.datasets))].sort();
  for (const dataset of used) {
    // The name is an identifier checked against the dictionary by the registry, never user data.
    await connection.run(
      `insert into dataset_years select distinct $dataset, year from "${dataset}" where year is not null`,
      { dataset } as never,
    );
  }
}

export async function dropScratch(connection: DuckDBConnection): Promise<void> {
  for (const table of scratchTableNames) await connection.run(`drop table if exists temp.main."${table}"`);
}
