// Running the real command line on a temp input folder and reading what it left in the warehouse.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { tempDir, writeFiles, type Files } from "./ingest.ts";

export const tsx = path.join(root, "node_modules", ".bin", "tsx");
export const env = {
  ...process.env,
  STUDENT_ID_SALT: "reliability-test-0123456789abcdef",
  DEBUG: "",
  OBSERVABLE_TELEMETRY_DISABLE: "true",
};

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx pipelines/cli.ts <args>` as a user runs it (npx tsx …), waiting for it to end. */
export function cli(args: string[], extraEnv: Record<string, string> = {}): CliResult {
  const r = spawnSync(tsx, ["pipelines/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...env, ...extraEnv },
    timeout: 900_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same, started in the background: one Node process (no tsx wrapper), so its pid is the one holding
 * DuckDB. Its output is dropped (an unread pipe would stall it); its stderr shows in the test's output.
 */
export function cliInBackground(args: string[]) {
  return spawn(process.execPath, ["--import", "tsx", "pipelines/cli.ts", ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Lines of a stack trace ("    at f (file:1:2)"), which no user should ever see. */
export const stackLines = (text: string) => text.split("\n").filter((l) => /^\s+at\s/.test(l));

export interface Workspace {
  dir: string;
  input: string;
  db: string;
}

const workspaces: string[] = [];

/** A temp folder with the input files written under `in/` and a warehouse path `w.duckdb` beside it. */
export function workspace(files: Files = {}): Workspace {
  const dir = tempDir("reliability-");
  workspaces.push(dir);
  const input = writeFiles(path.join(dir, "in"), files);
  return { dir, input, db: path.join(dir, "w.duckdb") };
}

export function removeWorkspaces(): void {
  for (const d of workspaces.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Runs a query on a closed warehouse file, read-only. */
export async function query<T = Record<string, unknown>>(db: string, sql: string): Promise<T[]> {
  const w = await openWarehouse(db, { readOnly: true });
  try {
    return await queryRows<T>(w.connection, sql);
  } finally {
    w.close();
  }
}

export interface LogRow {
  source_file: string;
  dataset: string | null;
  status: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  message: string | null;
}

export interface FileFacts extends LogRow {
  /** Rows of the file's dataset table whose lineage names the file. */
  rows_in_table: number;
  /** Rows of `rejects` that name the file. */
  rejects: number;
}

/** The latest log row of every file with what the warehouse holds from it (one read-only open). */
export async function fileFacts(db: string): Promise<Map<string, FileFacts>> {
  const w = await openWarehouse(db, { readOnly: true });
  try {
    const datasets = await queryRows<{ dataset: string }>(
      w.connection,
      "select distinct dataset from ingest_log where dataset is not null",
    );
    const tables = datasets.map(
      ({ dataset }) => `select source_file, count(*)::integer as n from "${dataset}" group by source_file`,
    );
    const rows = await queryRows<FileFacts>(
      w.connection,
      `with latest as (
         select source_file, dataset, status, rows_read, rows_loaded, rows_rejected, message
         from ingest_log qualify row_number() over (partition by source_file order by load_id desc) = 1),
       stored as (${tables.length ? tables.join(" union all ") : "select null::varchar as source_file, 0 as n"}),
       rejected as (select source_file, count(*)::integer as n from rejects group by source_file)
       select l.*, coalesce(s.n, 0)::integer as rows_in_table, coalesce(r.n, 0)::integer as rejects
       from latest l
       left join stored s using (source_file)
       left join rejected r using (source_file)`,
    );
    return new Map(rows.map((r) => [r.source_file, r]));
  } finally {
    w.close();
  }
}
