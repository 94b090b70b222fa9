import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { root } from "./paths.ts";
import type { Column, Dataset } from "./seeds.ts";

/**
 * The version of the warehouse's tables (warehouseTables), written by every ingest into table schema_version
 * and checked by every command that reads the warehouse (warehouseShape.ts). Raise it when a table or column
 * changes in a way an older warehouse cannot be read with.
 */
export const schemaVersion = 1;
export const versionTable = "schema_version";

/** This program's version (package.json), recorded beside the schema version. */
export const programVersion = (): string =>
  String(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version);

/** DuckDB type of a dictionary type. */
export function sqlType(type: string): string {
  if (type === "int") return "INTEGER";
  if (type === "number" || type === "share") return "DOUBLE";
  if (type === "bool") return "BOOLEAN";
  if (type === "date") return "DATE";
  return "VARCHAR";
}

/** The stored column that holds a personal id as a salted hash. */
export const hashedName = "student_hash";

/**
 * Columns stored for a dataset. Personal data is never stored readable (dictionary column
 * `personal`): a `hash` column becomes a salted hash, a `drop` column is not stored.
 */
export function storedColumns(ds: Dataset): { name: string; type: string; source?: Column }[] {
  const cols: { name: string; type: string; source?: Column }[] = [];
  for (const c of ds.columns) {
    if (c.personal === "drop") continue;
    cols.push({ name: c.personal === "hash" ? hashedName : c.column, type: sqlType(c.type), source: c });
  }
  return cols;
}

/**
 * The columns of a submission's unit: a later ingest run's rows of a unit replace the unit's earlier
 * rows entirely. The key's school, year and target columns (class sizes: school × year; milestones:
 * target × year; district_reference: year); a key with none of them is its own unit (the registry).
 */
export function submissionUnit(ds: Dataset): string[] {
  const unit = storedKey(ds).filter((k) => ["school_id", "year", "target_id"].includes(k));
  return unit.length ? unit : storedKey(ds);
}

/** Natural key of a dataset as stored (a hashed id → student_hash). */
export function storedKey(ds: Dataset): string[] {
  return ds.key.map((k) => (ds.columns.find((c) => c.column === k)?.personal === "hash" ? hashedName : k));
}

const lineage: [string, string][] = [
  ["load_id", "INTEGER"],
  ["source_file", "VARCHAR"],
  ["source_line", "INTEGER"],
];

/** Every table of the warehouse with its columns in order: the dataset tables from the dictionary, then the fixed ones. */
export function warehouseTables(datasets: Map<string, Dataset>): Map<string, [string, string][]> {
  const tables = new Map<string, [string, string][]>();
  for (const ds of datasets.values()) {
    const cols = storedColumns(ds).map((c): [string, string] => [c.name, c.type]);
    tables.set(ds.name, [...cols, ...lineage]);
    tables.set(`${ds.name}_history`, [...cols, ...lineage, ["replaced_by_load_id", "INTEGER"]]);
  }
  const fixed: Record<string, string> = {
    ingest_log: `load_id INTEGER, source_file VARCHAR, sha256 VARCHAR, dataset VARCHAR, encoding VARCHAR,
      rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, status VARCHAR, message VARCHAR, loaded_at TIMESTAMP,
      run_id INTEGER`,
    // school_id and year: as far as they could be read from the rejected row (for the reports it leaves partial)
    rejects: `load_id INTEGER, dataset VARCHAR, source_file VARCHAR, source_line INTEGER,
      reason_code VARCHAR, reason VARCHAR, record VARCHAR, school_id VARCHAR, year INTEGER`,
    ingest_runs: "run_id INTEGER, input_dir VARCHAR, is_sample BOOLEAN, started_at TIMESTAMP, finished_at TIMESTAMP",
    // one row: the schema version, and which program wrote it when
    [versionTable]: "version INTEGER, program VARCHAR, written_at TIMESTAMP",
    indicator_values: `target_id VARCHAR, year INTEGER, school_id VARCHAR, value DOUBLE, threshold DOUBLE,
      status VARCHAR, numerator DOUBLE, denominator DOUBLE, schools_owed INTEGER, schools_reported INTEGER,
      lower_bound DOUBLE, upper_bound DOUBLE, schools_missing INTEGER, suppressed BOOLEAN`,
  };
  for (const [name, columns] of Object.entries(fixed))
    tables.set(
      name,
      columns.split(",").map((c) => c.trim().split(/\s+/) as [string, string]),
    );
  return tables;
}

/**
 * Creates every table of the warehouse when missing, and brings a table of an older warehouse to its
 * columns in order (a column the registry added is NULL in the rows stored before it), then records the
 * schema version: idempotent.
 */
export async function ensureSchema(connection: DuckDBConnection, datasets: Map<string, Dataset>): Promise<void> {
  const existing = new Map<string, string[]>();
  const reader = await connection.runAndReadAll(
    `select table_name, list(column_name order by column_index) as columns
     from duckdb_columns() where schema_name = 'main' and database_name = current_database() group by table_name`,
  );
  for (const row of reader.getRowObjectsJS()) existing.set(String(row.table_name), row.columns as string[]);
  for (const [table, columns] of warehouseTables(datasets)) {
    const ddl = columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
    const had = existing.get(table);
    if (!had) {
      await connection.run(`create table "${table}" (${ddl})`);
    } else if (had.join() !== columns.map(([name]) => name).join()) {
      const kept = columns.map(([name, type]) => (had.includes(name) ? `"${name}"` : `null::${type} as "${name}"`));
      await connection.run(`create table "${table}__new" (${ddl})`);
      await connection.run(`insert into "${table}__new" select ${kept.join(", ")} from "${table}"`);
      await connection.run(`drop table "${table}"`);
      await connection.run(`alter table "${table}__new" rename to "${table}"`);
    }
  }
  await connection.run(`delete from ${versionTable}`);
  await connection.run(`insert into ${versionTable} values ($version, $program, current_timestamp::timestamp)`, {
    version: schemaVersion,
    program: programVersion(),
  } as never);
}
