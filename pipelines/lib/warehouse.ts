import fs from "node:fs";
import path from "node:path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { UserError } from "./errors.ts";
import { faultError, makeFolder, noteOpening } from "./faults.ts";
import { assertDuckDBFile, assertShape, type Use } from "./warehouseShape.ts";

export interface Warehouse {
  path: string;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * DuckDB never installs or loads an extension by itself: it would reach for the internet (a SQLite file given
 * as the warehouse makes it look for its SQLite extension). The program needs none.
 */
const noExtensions = { autoinstall_known_extensions: "false", autoload_known_extensions: "false" };

/**
 * Opens the DuckDB file. One read-write process at a time; any number of read-only readers.
 * A lock held by another process, or a fault of the machine (faults.ts), becomes one plain Chinese line; so
 * does a file of another shape (warehouseShape.ts). `use` is "read" (the default read-only: the tables an
 * ingest writes, in this schema version) or "ingest" (the default read-write: also a new warehouse, or one of an
 * earlier program whose tables the ingest brings up to date).
 */
export async function openWarehouse(file: string, options: { readOnly?: boolean; use?: Use } = {}): Promise<Warehouse> {
  if (options.readOnly && !fs.existsSync(file)) {
    throw new UserError(`数据仓库 ${file} 不存在：请先运行 npm run ingest 导入数据。`);
  }
  assertDuckDBFile(file);
  noteOpening(file);
  const opening = { doing: "打开数据仓库", warehouse: file, kept: "数据仓库没有被改动。" };
  let instance: DuckDBInstance;
  try {
    if (!options.readOnly) makeFolder(path.dirname(file));
    instance = await DuckDBInstance.create(
      file,
      options.readOnly ? { ...noExtensions, access_mode: "READ_ONLY" } : noExtensions,
    );
  } catch (error) {
    const fault = faultError(error, opening);
    if (fault) throw fault;
    const text = String((error as Error).message ?? error);
    if (/lock/i.test(text)) {
      throw new UserError(`数据仓库 ${file} 正在被另一个进程使用（可能有导入正在运行），请稍后再试。`);
    }
    throw new UserError(`无法打开数据仓库 ${file}：${text.split("\n")[0]}`);
  }
  const connection = await instance.connect();
  try {
    await assertShape(connection, file, options.use ?? (options.readOnly ? "read" : "ingest"));
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw faultError(error, opening) ?? error;
  }
  // the warehouse holds hashed ids and rejected rows as written: readable by its owner only
  if (!options.readOnly) ownerOnly(file);
  return {
    path: file,
    connection,
    // Closing writes what is left in the write-ahead log into the file (a checkpoint), and may meet a damaged block.
    close() {
      try {
        connection.closeSync();
        instance.closeSync();
      } catch (error) {
        throw faultError(error, { doing: "关闭数据仓库", warehouse: file }) ?? error;
      }
    },
  };
}

/** Makes a file (and its write-ahead log, if any) readable and writable by its owner only. */
export function ownerOnly(file: string): void {
  for (const f of [file, `${file}.wal`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      // not there (the log comes and goes), or not ours to change: the file's own permissions stand
    }
  }
}

/**
 * Reads the warehouse read-only with `read`, or gives `empty` when there is no warehouse yet (a site
 * built before any ingest): what every data loader does.
 */
export async function readWarehouse<T>(
  file: string,
  read: (connection: DuckDBConnection) => Promise<T>,
  empty: T,
): Promise<T> {
  if (!fs.existsSync(file)) return empty;
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    return await read(warehouse.connection);
  } finally {
    warehouse.close();
  }
}

/** Rows of a query as plain JavaScript objects, with `$name` parameters. */
export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  params?: Record<string, unknown>,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as T[];
}
