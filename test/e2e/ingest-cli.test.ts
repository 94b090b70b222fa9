// The ingest command as a user runs it: exit status, plain failure lines, --json totals
// (rule: docs/interfaces.md, 命令行).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csv, tempDir, writeFiles } from "../helpers/ingest.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function ingest(files: Record<string, string | Uint8Array>, ...extra: string[]) {
  const dir = tempDir("ingest-cli-");
  dirs.push(dir);
  const input = writeFiles(path.join(dir, "in"), files);
  const db = path.join(dir, "w.duckdb");
  const result = spawnSync(tsx, ["pipelines/cli.ts", "ingest", "--input", input, "--db", db, ...extra], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, STUDENT_ID_SALT: "cli-test-salt-0123456789abcdefghij", DEBUG: "" },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办");
const vision = csv(
  "年度,学校代码,年级,在籍学生数,筛查人数,近视人数",
  "2021,S01,一年级,200,100,30",
  "2021,S01,二年级,200,100,120",
);

describe("npm run ingest", () => {
  it("exits 0 when every file was read, row rejects allowed", () => {
    const r = ingest({ "schools.csv": schools, "vision/2021.csv": vision });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("视力筛查");
  });

  it("exits 1 when a file failed, with one plain line naming it and no stack trace", () => {
    const r = ingest({
      "schools.csv": schools,
      "vision/2021.csv": vision,
      "vision/broken.csv": Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0xff, 0x0a, 0x80, 0xff]),
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("vision/broken.csv");
    expect(lines[0]).toMatch(/编码/);
    expect(r.stderr).not.toMatch(/\bat |Error:/);
  });

  it("exits 2 for a bad option, with a plain Chinese line", () => {
    const r = ingest({ "schools.csv": schools }, "--bogus");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--bogus");
    expect(r.stderr).not.toMatch(/\bat |Error:/);
  });

  it("exits 2 for an input folder with no CSV", () => {
    const r = ingest({ "readme.md": "nothing" });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\bat |Error:/);
  });

  it("prints parseable JSON with --json whose totals match the files", () => {
    const r = ingest({ "schools.csv": schools, "vision/2021.csv": vision, "notes.csv": "a,b\n" }, "--json");
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      total: { files: number; loaded: number; rejected: number; unchanged: number; failed: number };
      byReason: Record<string, number>;
      files: { source_file: string; status: string; rows_loaded: number; rows_rejected: number }[];
    };
    expect(out.total).toEqual({ files: 3, loaded: 2, rejected: 1, unchanged: 0, failed: 1 });
    expect(out.byReason).toEqual({ inconsistent: 1 });
    expect(out.files.map((f) => [f.source_file, f.status, f.rows_loaded, f.rows_rejected])).toEqual([
      ["schools.csv", "loaded", 1, 0],
      ["notes.csv", "failed", 0, 0],
      ["vision/2021.csv", "loaded", 1, 1],
    ]);
  });

  it("names each correction of the run: the school, the dataset and year, the files, the rows removed", () => {
    const header = "年度,学校代码,年级,班级,班级人数";
    const first = ingest({
      "schools.csv": schools,
      "class_sizes/班额.csv": csv(header, "2021,S01,一年级,1班,45", "2021,S01,一年级,2班,58"),
    });
    expect(first.stdout).not.toContain("更正");
    const dir = dirs[dirs.length - 1];
    const input = writeFiles(path.join(dir, "in"), {
      "class_sizes/班额更正.csv": csv(header, "2021,S01,一年级,1班,45"),
    });
    const second = spawnSync(
      tsx,
      ["pipelines/cli.ts", "ingest", "--input", input, "--db", path.join(dir, "w.duckdb")],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(
      "更正：学校 S01 2021年班额：class_sizes/班额.csv → class_sizes/班额更正.csv，删除 1 行\n",
    );
  });
});
