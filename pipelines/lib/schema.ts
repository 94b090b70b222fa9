import type { DuckDBConnection } from "@duckdb/node-api";
import type { Column, Dataset } from "./registry.ts";

/** DuckDB type of a dictionary type. */
export function sqlType(type: string): string {
  if (type === "int") return "INTEGER";
  if (type === "number") return "DOUBLE";
  if (type === "bool") return "BOOLEAN";
  if (type === "date") return "DATE";
  return "VARCHAR";
}

/** The stored column that holds a personal id as a salted hash. */
export const hashedName = "student_hash";

/**
 * Columns stored for a dataset. Personal data of vision_records is never stored readable:
 * the student id becomes a salted hash and the name is dropped.
 */
export function storedColumns(ds: Dataset): { name: string; type: string; source?: Column }[] {
  const cols: { name: string; type: string; source?: Column }[] = [];
  for (const c of ds.columns) {
    if (ds.name === "vision_records" && c.column === "name") continue;
    if (ds.name === "vision_records" && c.column === "student_id") {
      cols.push({ name: hashedName, type: "VARCHAR", source: c });
      continue;
    }
    cols.push({ name: c.column, type: sqlType(c.type), source: c });
  }
  return cols;
}

/** Natural key of a dataset as stored (student_id → student_hash). */
export function storedKey(ds: Dataset): string[] {
  return ds.key.map((k) => (ds.name === "vision_records" && k === "student_id" ? hashedName : k));
}

const lineage = "load_id INTEGER, source_file VARCHAR, source_line INTEGER";

/** Creates every table of the warehouse when missing (idempotent). */
export async function ensureSchema(connection: DuckDBConnection, datasets: Map<string, Dataset>): Promise<void> {
  const ddl: string[] = [];
  for (const ds of datasets.values()) {
    const cols = storedColumns(ds)
      .map((c) => `"${c.name}" ${c.type}`)
      .join(", ");
    ddl.push(`create table if not exists "${ds.name}" (${cols}, ${lineage})`);
    ddl.push(`create table if not exists "${ds.name}_history" (${cols}, ${lineage}, replaced_by_load_id INTEGER)`);
  }
  ddl.push(`create table if not exists ingest_log (
    load_id INTEGER, source_file VARCHAR, sha256 VARCHAR, dataset VARCHAR, encoding VARCHAR,
    rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, status VARCHAR, message VARCHAR,
    loaded_at TIMESTAMP)`);
  ddl.push(`create table if not exists rejects (
    load_id INTEGER, dataset VARCHAR, source_file VARCHAR, source_line INTEGER,
    reason_code VARCHAR, reason VARCHAR, record VARCHAR)`);
  ddl.push(`create table if not exists ingest_runs (
    run_id INTEGER, input_dir VARCHAR, is_sample BOOLEAN, started_at TIMESTAMP, finished_at TIMESTAMP)`);
  ddl.push(`create table if not exists indicator_values (
    target_id VARCHAR, year INTEGER, school_id VARCHAR, value DOUBLE, threshold DOUBLE,
    status VARCHAR, numerator DOUBLE, denominator DOUBLE)`);
  for (const statement of ddl) await connection.run(statement);
}
