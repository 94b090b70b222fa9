import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the SQL of the engine lives: `<family>.sql`, `views/<view>.sql`, `steps/status.sql`. */
export const sqlDir = path.dirname(fileURLToPath(import.meta.url));

export function familySqlPath(family: string, dir = sqlDir): string {
  return path.join(dir, `${family}.sql`);
}

/** A query without its trailing semicolon, ready to be wrapped (`insert … select * from (…)`). */
export function readQuery(file: string): string {
  return fs.readFileSync(file, "utf8").replace(/;\s*$/, "").trim();
}

/** The views the families read (and the dashboard may read), in name order: name → file. */
export function viewFiles(dir = sqlDir): Map<string, string> {
  const viewsDir = path.join(dir, "views");
  const names = fs.existsSync(viewsDir) ? fs.readdirSync(viewsDir).filter((f) => f.endsWith(".sql")) : [];
  return new Map(names.sort().map((f) => [path.basename(f, ".sql"), path.join(viewsDir, f)]));
}

export function statusSqlPath(dir = sqlDir): string {
  return path.join(dir, "steps", "status.sql");
}

/** Every .sql file of the engine (for the EXPLAIN test). */
export function allSqlFiles(dir = sqlDir): string[] {
  const top = fs.readdirSync(dir).filter((f) => f.endsWith(".sql"));
  return [...top.map((f) => path.join(dir, f)), ...viewFiles(dir).values(), statusSqlPath(dir)];
}
