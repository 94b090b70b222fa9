// One Framework build at a time in this tree: builds share src/.observablehq/cache, which each clears.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "../lib/errors.ts";

const staleAfterMs = 15 * 60 * 1000;

/**
 * True when the lock's holder (the pid written in it) no longer runs, e.g. a build stopped with Ctrl+C.
 * False while the pid file is not written yet, or its process (or one that took its pid) is alive.
 */
function holderGone(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dir, "pid"), "utf8"));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Runs fn while holding a lock directory (with the holder's pid in it); waits up to `waitMs` for another
 * holder to finish. A lock whose holder has died, or older than 15 minutes, is taken over.
 */
export async function withLock<T>(dir: string, fn: () => Promise<T>, waitMs = 10 * 60 * 1000): Promise<T> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleAfterMs || holderGone(dir)) fs.rmSync(dir, { recursive: true, force: true });
      else if (Date.now() - started > waitMs) throw new UserError(`另一个网站构建仍在进行（${dir}），请稍后再试。`);
      else await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
