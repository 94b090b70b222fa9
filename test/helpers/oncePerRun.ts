// A fixture the test files of one run share (a built site takes a minute or two): built in its own folder by
// whichever file asks first, under a lock folder; the others wait for it. A build that fails is told to every
// file that asks, not tried again. The run's global teardown removes the folders (globalSetup.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The run's folder of fixture `name` (vitest.config.ts sets TEST_RUN_ID). */
export const runDir = (name: string) => path.join(os.tmpdir(), `${name}-${process.env.TEST_RUN_ID ?? process.pid}`);

export function removeRunDir(name: string): void {
  fs.rmSync(runDir(name), { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The folder of fixture `name`, made by `build` (into the empty folder; returns what went wrong, or null) once a run. */
export async function oncePerRun(name: string, build: (dir: string) => Promise<string | null>): Promise<string> {
  const dir = runDir(name);
  const ready = path.join(dir, "ready");
  const failed = path.join(dir, "failed");
  const lock = `${dir}.lock`;
  while (!fs.existsSync(ready)) {
    if (fs.existsSync(failed)) throw new Error(fs.readFileSync(failed, "utf8"));
    try {
      fs.mkdirSync(lock);
    } catch {
      await sleep(1000);
      continue;
    }
    try {
      if (!fs.existsSync(ready) && !fs.existsSync(failed)) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        const problem = await build(dir).catch((error: unknown) =>
          String(error instanceof Error ? error.message : error),
        );
        fs.writeFileSync(problem ? failed : ready, problem ?? "");
      }
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}
