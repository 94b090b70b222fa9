// Temp folders of tiny fixture files and a temp DuckDB warehouse, for ingestion tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openWarehouse, queryRows, type Warehouse } from "../../pipelines/lib/warehouse.ts";

export type Files = Record<string, string | Uint8Array>;

/** A fresh temp folder; removed by `cleanup`. */
export function tempDir(prefix = "ingest-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (path relative to `dir` → text as UTF-8, or bytes) and returns `dir`. */
export function writeFiles(dir: string, files: Files): string {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** CSV text from lines, joined as Excel writes them (CRLF, final line break). */
export const csv = (...lines: string[]) => lines.join("\r\n") + "\r\n";

export interface TempWarehouse extends Warehouse {
  dir: string;
  rows<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  cleanup(): void;
}

/** A warehouse in a new temp folder (file `warehouse.duckdb`). */
export async function tempWarehouse(): Promise<TempWarehouse> {
  const dir = tempDir("warehouse-");
  const warehouse = await openWarehouse(path.join(dir, "warehouse.duckdb"));
  return {
    ...warehouse,
    dir,
    rows: (sql, params) => queryRows(warehouse.connection, sql, params),
    cleanup() {
      warehouse.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
