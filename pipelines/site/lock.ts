// One Framework build at a time in this tree: builds share src/.observablehq/cache, which each clears.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "../lib/errors.ts";

const staleAfterMs = 15 * 60 * 1000;

/** Runs fn while holding a lock directory; waits up to `waitMs` for another holder to finish. */
export async function withLock<T>(dir: string, fn: () => Promise<T>, waitMs = 10 * 60 * 1000): Promise<T> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleAfterMs) fs.rmSync(dir, { recursive: true, force: true });
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
