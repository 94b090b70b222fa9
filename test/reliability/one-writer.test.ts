// One writer at a time: a second ingest on a busy warehouse fails at once with one Chinese line, and the
// first run is not disturbed; the site's loaders only read (they run while another reader holds the file).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";
import { openWarehouse } from "../../pipelines/lib/warehouse.ts";
import { csv } from "../helpers/ingest.ts";
import { cli, cliInBackground, env, fileFacts, removeWorkspaces, stackLines, tsx, workspace } from "../helpers/cli.ts";

afterAll(removeWorkspaces);

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办");
/** Many small files: the run holds the warehouse for a good while (one transaction per file). */
const fileCount = 1500;
function classFiles(): Record<string, string> {
  const files: Record<string, string> = { "schools.csv": schools };
  for (let i = 0; i < fileCount; i++) {
    files[`class_sizes/${String(i).padStart(4, "0")}.csv`] = csv(
      "年度,学校代码,年级,班级,班级人数",
      `2021,S01,1,${i + 1}班,45`,
    );
  }
  return files;
}

const busyLine = (db: string) => `数据仓库 ${db} 正在被另一个进程使用（可能有导入正在运行），请稍后再试。`;

/** Resolves once `file` exists (the warehouse's write-ahead log appears with the run's first commit). */
function whenExists(file: string, child: { exitCode: number | null }): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (fs.existsSync(file)) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the first ingest ended (exit ${child.exitCode}) before its first commit`));
      }
    }, 5);
  });
}

describe("a busy warehouse", () => {
  it("a second ingest (or indicators, or build) fails at once with one plain line while the first goes on", async () => {
    const first = workspace(classFiles());
    const second = workspace({ "schools.csv": schools });
    const running = cliInBackground(["ingest", "--input", first.input, "--db", first.db, "--json"]);
    const ended = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
    await whenExists(`${first.db}.wal`, running);

    for (const args of [
      ["ingest", "--input", second.input, "--db", first.db],
      ["indicators", "--db", first.db],
      ["build", "--db", first.db, "--out", path.join(second.dir, "dist")],
    ]) {
      const r = cli(args);
      expect(r.status, args[0]).toBe(1);
      expect(r.stderr.trim().split("\n"), args[0]).toEqual([busyLine(first.db)]);
      expect(stackLines(r.stderr)).toEqual([]);
      // "At once": it gave up while the first run was still loading, not after waiting for it.
      expect(running.exitCode, args[0]).toBeNull();
    }

    await expect(ended).resolves.toBe(0);
    const facts = await fileFacts(first.db);
    expect([...facts.values()].filter((f) => f.status === "loaded" && f.rows_in_table === 1)).toHaveLength(
      fileCount + 1,
    );
  }, 600_000);

  it("the site's loaders read while another process reads; an ingest cannot write meanwhile", async () => {
    const w = workspace({ "schools.csv": schools });
    expect(cli(["ingest", "--input", w.input, "--db", w.db]).status).toBe(0);
    const reader = await openWarehouse(w.db, { readOnly: true });
    try {
      // With a reader holding the file, a writer is refused: the check below has teeth.
      const writer = cli(["ingest", "--input", w.input, "--db", w.db]);
      expect(writer.status).toBe(1);
      expect(writer.stderr.trim()).toBe(busyLine(w.db));
      const loaders = fs.readdirSync(path.join(root, "src", "data")).filter((f) => f.endsWith(".ts"));
      expect(loaders.length).toBeGreaterThan(0);
      for (const loader of loaders) {
        const r = spawnSync(tsx, [path.join("src", "data", loader)], {
          cwd: root,
          env: { ...env, WAREHOUSE: w.db },
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(r.status, `${loader}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length, loader).toBeGreaterThan(0);
      }
    } finally {
      reader.close();
    }
  }, 180_000);
});
