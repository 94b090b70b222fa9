// What a built site was made from, as one hash: the warehouse's bytes and the code, seeds and packages that
// turn it into pages. A site whose hash matches is the site a new build would make, so `npm run build`
// keeps it instead of building it again.
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root } from "../lib/paths.ts";

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
