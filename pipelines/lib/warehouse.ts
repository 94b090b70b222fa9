import fs from "node:fs";
import path from "node:path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { UserError } from "./errors.ts";
import { faultError, makeFolder } from "./faults.ts";

export interface Warehouse {
  path: string;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * Opens the DuckDB file. One read-write process at a time; any number of read-only readers.
 * A lock held by another process, or a fault of the machine (faults.ts), becomes one plain Chinese line.
 */
export async function openWarehouse(file: string, options: { readOnly?: boolean } = {}): Promise<Warehouse> {
  if (options.readOnly && !fs.existsSync(file)) {
    throw new UserError(`数据仓库 ${file} 不存在：请先运行 npm run ingest 导入数据。`);
  }
  const opening = { doing: "打开数据仓库", warehouse: file, kept: "数据仓库没有被改动。" };
  let instance: DuckDBInstance;
  try {
    if (!options.readOnly) makeFolder(path.dirname(file));
    instance = await DuckDBInstance.create(file, options.readOnly ? { access_mode: "READ_ONLY" } : {});
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
  // the warehouse holds hashed ids and rejected rows as written: readable by its owner only
  if (!options.readOnly) ownerOnly(file);
  return {
    path: file,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
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
