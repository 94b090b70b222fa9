// `npm run ingest` over workbooks as a user runs it: a broken workbook fails alone with one plain line,
// what was skipped inside a workbook is said on stdout.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csv, tempDir, writeFiles } from "../helpers/ingest.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const fixture = (name: string) => fs.readFileSync(path.join(root, "test/fixtures/workbooks", name));
const dir = tempDir("ingest-workbook-cli-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run ingest with workbooks", () => {
  it("exits 1 for a broken workbook with one plain line naming it, and loads the rest", () => {
    const input = writeFiles(path.join(dir, "in"), {
      "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S02,第二中学,完全中学,公办"),
      "vision/broken.xlsx": fixture("broken.xlsx"),
      "军训.xlsx": fixture("hidden.xlsx"),
    });
    const r = spawnSync(tsx, ["pipelines/cli.ts", "ingest", "--input", input, "--db", path.join(dir, "w.duckdb")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, STUDENT_ID_SALT: "cli-test-salt-0123456789abcdefghij", DEBUG: "" },
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "导入失败：vision/broken.xlsx：工作簿已损坏（ZIP 结构不完整），无法读取：请在 Excel 或 WPS 中打开后重新保存",
    ]);
    expect(r.stdout).toContain("说明：军训.xlsx#高中军训：跳过了隐藏的行：第 2 行；隐藏的工作表“班额”未读取");
    expect(r.stdout).toMatch(/\n高中军训\s+1\s+1\s+0/);
  });
});
