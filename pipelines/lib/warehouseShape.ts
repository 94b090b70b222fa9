// What a warehouse file must be before a command works on it, each refusal one Chinese line that names the file
// and says what to do: a DuckDB file (told by its first bytes before DuckDB opens it, which would otherwise look
// for an extension to read a SQLite or other file), holding the tables of this program's schema version
// (table schema_version, written by every ingest). A warehouse of another shape is never read: a page built
// from it would say that nothing is missing.
import fs from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "./errors.ts";
import { freshWarehouse } from "./faults.ts";
import { readDictionary } from "./seeds.ts";
import { schemaVersion, versionTable, warehouseTables } from "./schema.ts";

/** How a command uses the warehouse: it reads what an ingest wrote, or it is the ingest that writes it. */
export type Use = "read" | "ingest";

/** The first bytes of a file (fewer when it is shorter); null when it cannot be read (DuckDB then tells why). */
function firstBytes(file: string, count: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, count, 0));
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** What a file that is not a DuckDB file looks like, by its first bytes, in words. */
function lookOf(head: Buffer): string {
  if (head.toString("latin1", 0, 16) === "SQLite format 3\0") return "它是一个 SQLite 数据库";
  if (head.toString("latin1", 0, 4) === "PK\x03\x04") return "它是一个压缩包或 Excel 工作簿";
  return "文件开头没有 DuckDB 数据库的标志";
}

/**
 * Refuses an existing file that is not a DuckDB database (bytes 8–11 of a DuckDB file are "DUCK"), before
 * DuckDB sees it. A file shorter than that is left to DuckDB, which tells it as damaged.
 */
export function assertDuckDBFile(file: string): void {
  const head = firstBytes(file, 16);
  if (!head || head.length < 12 || head.toString("latin1", 8, 12) === "DUCK") return;
  throw new UserError(
    `${file} 不是 DuckDB 数据仓库（${lookOf(head)}），没有打开它，也没有改动它。` +
      `请用 --db 指定由 npm run ingest 建立的数据仓库（默认 data/warehouse.duckdb）。`,
  );
}

interface Shape {
  /** Tables of the main schema. */
  tables: Set<string>;
  /** The recorded schema version, with the program and time that wrote it; null when there is none. */
  version: { version: number | null; program: string | null; written_at: string | null } | null;
}

async function readShape(connection: DuckDBConnection): Promise<Shape> {
  const listed = await connection.runAndReadAll(
    "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main'",
  );
  const tables = new Set(listed.getRowObjectsJS().map((r) => String(r.table_name)));
  if (!tables.has(versionTable)) return { tables, version: null };
  const reader = await connection.runAndReadAll(
    `select version, program, strftime(written_at, '%Y-%m-%d') as written_at from ${versionTable} limit 1`,
  );
  const [row] = reader.getRowObjectsJS() as Shape["version"][];
  return { tables, version: row ?? { version: null, program: null, written_at: null } };
}

/** Refuses a warehouse of another shape than `use` needs; the warehouse is left as it was. */
export async function assertShape(connection: DuckDBConnection, file: string, use: Use): Promise<void> {
  const { tables, version } = await readShape(connection);
  // A new warehouse: the ingest creates its tables.
  if (tables.size === 0) {
    if (use === "ingest") return;
    throw new UserError(`数据仓库 ${file} 中还没有数据（没有任何表），请先运行 npm run ingest 导入数据。`);
  }
  const left = "本次没有改动它。";
  const fresh = (aside: string) => `请${freshWarehouse(file, aside)}`;
  if (version && version.version !== schemaVersion) {
    const found = version.version ?? "未知";
    const by = version.program
      ? `（由本程序 ${version.program} 版${version.written_at ? `于 ${version.written_at} ` : ""}写入）`
      : "";
    const newer = typeof version.version === "number" && version.version > schemaVersion;
    throw new UserError(
      `数据仓库 ${file} 的结构版本是 ${found}${by}，本程序只能使用结构版本 ${schemaVersion}，无法使用它，${left}` +
        (newer ? `请改用写入它的较新版本的本程序；或${freshWarehouse(file, "old")}` : fresh("old")),
    );
  }
  // An ingest brings a warehouse of an earlier program (no version yet) to this schema when it has every table.
  if (!version && use === "read") {
    throw new UserError(
      `数据仓库 ${file} 没有结构版本记录（表 ${versionTable}），是本程序的早期版本或其他程序建立的，无法使用它，${left}` +
        fresh("old"),
    );
  }
  const missing = [...warehouseTables(readDictionary()).keys()].filter((t) => t !== versionTable && !tables.has(t));
  if (missing.length) {
    const named = missing.slice(0, 3).join("、") + (missing.length > 3 ? ` 等 ${missing.length} 张表` : "");
    throw new UserError(
      `数据仓库 ${file} 缺少表 ${named}（它被改动过，或不是本程序建立的），无法使用它，${left}${fresh("bad")}`,
    );
  }
}
