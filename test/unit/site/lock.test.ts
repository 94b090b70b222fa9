// The build lock: a build stopped with Ctrl+C (or killed) must not keep the next build waiting.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withLock } from "../../../pipelines/site/lock.ts";

const tmpLock = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lock-")), "build.lock");

describe("withLock", () => {
  it("takes over at once a lock whose holder has died", async () => {
    const dir = tmpLock();
    // A process that has exited: its pid is free.
    const dead = spawnSync("true").pid!;
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "pid"), String(dead));
    const started = Date.now();
    await expect(withLock(dir, async () => "built", 5_000)).resolves.toBe("built");
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("waits for a live holder, then says so in one Chinese line", async () => {
    const dir = tmpLock();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "pid"), String(process.pid));
    await expect(withLock(dir, async () => "built", 1_200)).rejects.toThrow(/^另一个网站构建仍在进行/);
    expect(fs.readFileSync(path.join(dir, "pid"), "utf8")).toBe(String(process.pid));
  });

  it("writes its own pid while it holds the lock and removes the lock after", async () => {
    const dir = tmpLock();
    const seen = await withLock(dir, async () => fs.readFileSync(path.join(dir, "pid"), "utf8"));
    expect(seen).toBe(String(process.pid));
    expect(fs.existsSync(dir)).toBe(false);
  });
});
