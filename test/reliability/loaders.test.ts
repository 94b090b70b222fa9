// A data loader of the site, run while another process holds the warehouse for writing (an ingest that
// started during a build): one plain Chinese line and exit status 1, never a stack trace.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";
import { openWarehouse } from "../../pipelines/lib/warehouse.ts";

const loaders = fs.readdirSync(path.join(root, "src", "data")).filter((f) => f.endsWith(".ts"));

describe("the data loaders", () => {
  it.each(loaders)("%s fails in one plain line while an ingest holds the warehouse", async (loader) => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loader-")), "w.duckdb");
    const writer = await openWarehouse(db);
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", path.join("src", "data", loader)], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, WAREHOUSE: db, DEBUG: "" },
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toContain("正在被另一个进程使用");
      expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
      expect(run.stdout).toBe("");
    } finally {
      writer.close();
    }
  });

  it("every loader goes through runLoader", () => {
    for (const file of loaders) {
      expect(fs.readFileSync(path.join(root, "src", "data", file), "utf8"), file).toContain("await runLoader(");
    }
  });
});
