// Faults of the machine made for real: a small tmpfs (a full or read-only disk), a command run as a user without
// root's powers, a warehouse file stamped with another DuckDB storage version.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root } from "../../pipelines/lib/paths.ts";
import { env, tsx, type CliResult } from "./cli.ts";

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} → ${r.status ?? r.error}: ${r.stderr}`);
}

/** Mounts a tmpfs of `size` ("12m") on `dir`; needs root, as CI and this sandbox have. */
export function mountTmpfs(dir: string, size: string): void {
  fs.mkdirSync(dir, { recursive: true });
  run("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
}

export function remount(dir: string, mode: "ro" | "rw"): void {
  run("mount", ["-o", `remount,${mode}`, dir]);
}

/** Unmounts `dir` if something is mounted there (for afterAll, also after a failed test). */
export function unmount(dir: string): void {
  if (spawnSync("mountpoint", ["-q", dir]).status === 0) run("umount", [dir]);
}

/** Fills the disk that holds `dir` with one file until `leave` bytes are free; returns the file. */
export function fillDisk(dir: string, leave: number): string {
  const file = path.join(dir, "filler");
  const { bavail, bsize } = fs.statfsSync(dir);
  const chunk = Buffer.alloc(1 << 20, 1);
  const fd = fs.openSync(file, "w");
  try {
    for (let left = bavail * bsize - leave; left > 0; left -= chunk.length) {
      fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/**
 * `tsx pipelines/cli.ts <args>` as `user` (setpriv drops root's uid, gid and groups): root reads and writes any
 * file whatever its mode, so a missing permission only shows for another user.
 */
export function cliAs(user: string, args: string[]): CliResult {
  const r = spawnSync(
    "setpriv",
    [`--reuid=${user}`, "--regid=nogroup", "--clear-groups", tsx, "pipelines/cli.ts", ...args],
    { cwd: root, encoding: "utf8", env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A copy of a DuckDB file whose header says it has storage version `version`. DuckDB's file starts with a
 * 4096-byte header block: a uint64 checksum of the rest of the block, "DUCK", the storage version as uint64
 * (https://duckdb.org/docs/internals/storage). The checksum (DuckDB's Checksum: 5381 xor-ed with every 8-byte
 * word times 0xbf58476d1ce4e5b9) is made right, so DuckDB reads the version instead of calling the file damaged.
 */
export function stampStorageVersion(from: string, to: string, version: number): void {
  const bytes = fs.readFileSync(from);
  if (bytes.toString("latin1", 8, 12) !== "DUCK") throw new Error(`${from} is not a DuckDB file`);
  const header = bytes.subarray(0, 4096);
  header.writeBigUInt64LE(BigInt(version), 12);
  const mask = (1n << 64n) - 1n;
  let sum = 5381n;
  for (let at = 8; at < header.length; at += 8) sum ^= (header.readBigUInt64LE(at) * 0xbf58476d1ce4e5b9n) & mask;
  header.writeBigUInt64LE(sum, 0);
  fs.writeFileSync(to, bytes);
}

/** sha256 of every file under `dir` (or of one file), by path relative to it: to see that nothing changed. */
export function contents(target: string): Record<string, string> {
  const hash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  if (!fs.statSync(target).isDirectory()) return { ".": hash(target) };
  const files = fs.readdirSync(target, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(target, file), hash(file)];
    }),
  );
}

/** DuckDB's and Node's own words that must never reach the user in place of the Chinese line. */
export const machineEnglish =
  /Error|Could not|Cannot|No space left|Permission denied|Read-only file system|ENOSPC|EACCES|EROFS|ENOENT|rollback|transaction|database file|version number|checksum|device/i;
