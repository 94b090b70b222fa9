// Whether what was made from the warehouse is current — the one rule the build, the export and the publishing of
// the exports use: a thing made is current when the stamp it carries is the stamp its inputs give now.
// - A built site carries the hash of its inputs (.built-from): the warehouse's bytes and the code, seeds and
//   packages that turn it into pages. A site whose hash matches is the site a new build would make: `npm run
//   build` keeps it, `npm run export` prints from a copy of it.
// - Reports (exports/manifest.json) and a site's data (report.json) carry the data fingerprint: indicator values,
//   schools, the corrections the school pages list, the sample flag and the target registry. Exports are put into
//   a site, and a site given with --site is printed from, only when their fingerprint is the warehouse's.
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryCorrections } from "./corrections.ts";
import { root } from "./paths.ts";
import type { Target } from "./targets.ts";
import { queryRows } from "./warehouse.ts";

/** The file in a built site that holds the hash of its inputs. */
export const inputsFile = ".built-from";

/** Everything in the project that a build reads besides the warehouse (Framework's cache excluded). */
const codeInputs = ["src", "seeds", "pipelines", "observablehq.config.ts", "package-lock.json"];

function hashFile(hash: Hash, file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    for (let n; (n = fs.readSync(fd, buffer)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

function hashTree(hash: Hash, entry: string): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const files = fs.statSync(full).isDirectory()
    ? fs
        .readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !path.relative(full, e.parentPath).split(path.sep).includes(".observablehq"))
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
        .sort()
    : [entry];
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hashFile(hash, path.join(root, file));
  }
}

/** The hash of a build's inputs: the warehouse (with its write-ahead log, if any) and the project's code. */
export function siteInputs(warehouse: string): string {
  const hash = createHash("sha256");
  // The warehouse by its bytes, not its name: a copy elsewhere makes the same site.
  for (const [label, file] of [
    ["warehouse", warehouse],
    ["wal", `${warehouse}.wal`],
  ]) {
    hash.update(`\0${label}\0`);
    if (fs.existsSync(file)) hashFile(hash, file);
  }
  for (const entry of codeInputs) hashTree(hash, entry);
  return hash.digest("hex");
}

/** The hash a built site was made from, or null when it has none. */
export function builtInputs(site: string): string | null {
  try {
    return fs.readFileSync(path.join(site, inputsFile), "utf8").trim();
  } catch {
    return null;
  }
}

export function writeInputs(site: string, inputs: string): void {
  fs.writeFileSync(path.join(site, inputsFile), `${inputs}\n`);
}

/** Whether the site in `dir` is whole and was built from these inputs (siteInputs): what a build would make. */
export function isCurrentSite(dir: string, inputs: string): boolean {
  return builtInputs(dir) === inputs && fs.existsSync(path.join(dir, "index.html"));
}

/** The data fingerprint of the warehouse: the stamp of reports and of a site's data. */
export async function dataFingerprint(connection: DuckDBConnection, targets: Target[]): Promise<string> {
  const [row] = await queryRows<{ v: string; s: string; sample: boolean | null }>(
    connection,
    `select
       (select md5(coalesce(string_agg(to_json(v)::varchar, chr(10) order by target_id, year, school_id nulls first), ''))
        from indicator_values v) as v,
       (select md5(coalesce(string_agg(to_json(s)::varchar, chr(10) order by school_id), ''))
        from (select school_id, name, stage, ownership, street, cluster from schools) s) as s,
       (select bool_or(is_sample) from ingest_runs) as sample`,
  );
  const corrections = (await queryCorrections(connection)).map(({ loaded_at, ...c }) => c);
  return createHash("sha256")
    .update(JSON.stringify([row.v, row.s, Boolean(row.sample), targets, corrections]))
    .digest("hex")
    .slice(0, 32);
}

/** The data fingerprint a built site was made from (its report.json); null when the folder is not a site with a report page. */
export function builtFingerprint(site: string): string | null {
  const dir = path.join(site, "_file", "data", "site");
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /^report\.[\w-]+\.json$/.test(f)) : undefined;
  if (!file) return null;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")).fingerprint ?? null;
  } catch {
    return null;
  }
}

/** Whether reports or a site's data made with fingerprint `made` show the data whose fingerprint is `now`. */
export const isSameData = (made: string | null | undefined, now: string | null) => made === now;
