// Writing one read file into the warehouse in one transaction: staged rows replace the current
// value of their natural key, and a school's rows from an earlier ingest run replace its earlier
// submission of that dataset and year entirely (supersede); old rows move to <dataset>_history with
// the load that replaced them. Then the rejects and the log row (with its ingest run).
import { DuckDBConnection, dateValue, type DuckDBAppender } from "@duckdb/node-api";
import type { Dataset } from "../lib/seeds.ts";
import { storedColumns, storedKey, submissionUnit } from "../lib/schema.ts";
import type { CellValue } from "./cells.ts";
import type { GoodRow, Reject } from "./validate.ts";

export interface LogEntry {
  source_file: string;
  sha256: string;
  dataset: string | null;
  encoding: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  status: "loaded" | "unchanged" | "failed";
  message: string | null;
}

function append(appender: DuckDBAppender, type: string, v: CellValue | undefined): void {
  if (v === null || v === undefined) appender.appendNull();
  else if (type === "INTEGER") appender.appendInteger(Number(v));
  else if (type === "DOUBLE") appender.appendDouble(Number(v));
  else if (type === "BOOLEAN") appender.appendBoolean(Boolean(v));
  else if (type === "DATE") {
    const [year, month, day] = String(v).split("-").map(Number);
    appender.appendDate(dateValue({ year, month, day }));
  } else appender.appendVarchar(String(v));
}

export async function nextLoadId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll("select coalesce(max(load_id), 0) + 1 as id from ingest_log");
  return Number(reader.getRowObjectsJS()[0].id);
}

export async function writeLog(connection: DuckDBConnection, loadId: number, e: LogEntry): Promise<void> {
  await connection.run(
    `insert into ingest_log values ($load_id, $source_file, $sha256, $dataset, $encoding, $rows_read,
      $rows_loaded, $rows_rejected, $status, $message, current_timestamp::timestamp,
      (select max(run_id) from ingest_runs))`,
    { load_id: loadId, ...e } as never,
  );
}

export async function writeRejects(
  connection: DuckDBConnection,
  loadId: number,
  ds: string,
  file: string,
  rejects: Reject[],
) {
  if (!rejects.length) return;
  const appender = await connection.createAppender("rejects");
  for (const r of rejects) {
    appender.appendInteger(loadId);
    appender.appendVarchar(ds);
    appender.appendVarchar(file);
    appender.appendInteger(r.line);
    appender.appendVarchar(r.code);
    appender.appendVarchar(r.reason);
    appender.appendVarchar(r.record);
    if (r.school_id === null) appender.appendNull();
    else appender.appendVarchar(r.school_id);
    if (r.year === null) appender.appendNull();
    else appender.appendInteger(r.year);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Moves to history, replaced by `loadId`, the rows of the dataset that the incoming rows (SQL
 * relation `incoming`, e.g. the stage) supersede: a row with the same natural key, and a row of the
 * same submission unit (submissionUnit) loaded by an earlier ingest run — a key the school's new
 * submission no longer holds is retired. Files of the same run are one submission: they add up.
 */
export async function supersede(
  connection: DuckDBConnection,
  ds: Dataset,
  loadId: number,
  incoming: string,
): Promise<void> {
  const match = (cols: string[]) => cols.map((k) => `n."${k}" is not distinct from t."${k}"`).join(" and ");
  const unit = submissionUnit(ds);
  await connection.run(`create or replace temp table incoming_units as
    select distinct ${unit.map((k) => `"${k}"`).join(", ")} from ${incoming}`);
  // loads of this run (a file loaded outside a run is a submission of its own)
  const thisRun = `select load_id from ingest_log where run_id = (select max(run_id) from ingest_runs)`;
  const superseded = `coalesce(t.load_id, -1) <> ${Number(loadId)} and (
      exists (select 1 from ${incoming} n where ${match(storedKey(ds))})
      or (exists (select 1 from incoming_units n where ${match(unit)})
          and coalesce(t.load_id, -1) not in (${thisRun})))`;
  await connection.run(
    `insert into "${ds.name}_history" select t.*, ${Number(loadId)} from "${ds.name}" t where ${superseded}`,
  );
  await connection.run(`delete from "${ds.name}" t where ${superseded}`);
  await connection.run("drop table incoming_units");
}

/** Moves what the staged rows supersede to history, then inserts the staged rows. */
export async function replaceFromStage(connection: DuckDBConnection, ds: Dataset, loadId: number): Promise<void> {
  await supersede(connection, ds, loadId, "stage");
  await connection.run(`insert into "${ds.name}" select * from stage`);
  await connection.run("drop table stage");
}

/** Runs `work` in one transaction with a fresh load id; all or nothing. */
export async function inTransaction<T>(connection: DuckDBConnection, work: (loadId: number) => Promise<T>): Promise<T> {
  await connection.run("begin transaction");
  try {
    const result = await work(await nextLoadId(connection));
    await connection.run("commit");
    return result;
  } catch (error) {
    // DuckDB ends the transaction itself when its commit fails (a full disk): the first error is the one to tell.
    await connection.run("rollback").catch(() => {});
    throw error;
  }
}

/** Stores a file's rows and rejects, then its log entry; all or nothing. */
export async function storeFile(
  connection: DuckDBConnection,
  ds: Dataset,
  rows: GoodRow[],
  rejects: Reject[],
  entry: LogEntry,
): Promise<number> {
  const cols = storedColumns(ds);
  return inTransaction(connection, async (loadId) => {
    await connection.run(`create or replace temp table stage as select * from "${ds.name}" limit 0`);
    const appender = await connection.createAppender("stage", null, "temp");
    for (const row of rows) {
      for (const c of cols) append(appender, c.type, row.values[c.name]);
      appender.appendInteger(loadId);
      appender.appendVarchar(entry.source_file);
      appender.appendInteger(row.line);
      appender.endRow();
    }
    appender.closeSync();
    await replaceFromStage(connection, ds, loadId);
    await writeRejects(connection, loadId, ds.name, entry.source_file, rejects);
    await writeLog(connection, loadId, entry);
    return loadId;
  });
}
