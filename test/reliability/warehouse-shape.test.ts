// Warehouses of another shape given as --db, each built here by a script: a SQLite database, a DuckDB warehouse
// missing one of its tables, one without a schema version (an earlier program's), one of a newer schema version,
// one with no tables at all. Every command that reads the warehouse refuses each in one Chinese line that names
// the file and says what to do, leaves it as it was, and never reaches for the network (DuckDB would otherwise
// try to download its SQLite extension): each run is traced for network connections.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";
import { csv } from "../helpers/ingest.ts";
import { cli, env, query, removeWorkspaces, stackLines, workspace, type CliResult } from "../helpers/cli.ts";
import { contents, machineEnglish } from "../helpers/machine.ts";

afterAll(removeWorkspaces);

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办", "S02,第二小学,小学,公办");
const vision = csv("年度,学校代码,年级,在籍学生数,筛查人数,近视人数", "2021,S01,一年级,120,120,30");

/** Runs SQL on a closed DuckDB file with DuckDB itself (as another program or a careless hand would). */
async function duckdb(file: string, ...statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const sql of statements) await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A warehouse with two small files ingested, in a workspace of its own. */
function ingested() {
  const w = workspace({ "schools.csv": schools, "vision/2021.csv": vision });
  const r = cli(["ingest", "--input", w.input, "--db", w.db]);
  expect(r.status, r.stderr).toBe(0);
  return w;
}

/**
 * `node pipelines/cli.ts <args>` under strace, with a HOME of its own: its result, the network connections it
 * tried (sockets of the internet families; local sockets are Node's own) and whether DuckDB made its extension
 * folder there. strace is a tool these tests need: without it they fail.
 */
function traced(dir: string, args: string[]): CliResult & { connections: string[]; extensionFolder: boolean } {
  const home = fs.mkdtempSync(path.join(dir, "home-"));
  const trace = path.join(home, "..", `${path.basename(home)}.trace`);
  const r = spawnSync(
    "strace",
    ["-f", "-qq", "-e", "trace=connect", "-o", trace, process.execPath, "--import", "tsx", "pipelines/cli.ts", ...args],
    { cwd: root, encoding: "utf8", env: { ...env, HOME: home }, timeout: 300_000 },
  );
  if (r.error) throw r.error;
  const connections = fs
    .readFileSync(trace, "utf8")
    .split("\n")
    .filter((line) => /connect\(.*AF_INET/.test(line));
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    connections,
    extensionFolder: fs.existsSync(path.join(home, ".duckdb")),
  };
}

/** The one line a refusal printed: exit 1, nothing else on stderr, no stack trace, no English of DuckDB's. */
function oneLine(r: CliResult, what: string): string {
  expect(stackLines(r.stderr), what).toEqual([]);
  const lines = r.stderr.trim().split("\n");
  expect(lines, `${what}: ${r.stderr}`).toHaveLength(1);
  expect(r.status, `${what}: ${r.stderr}`).toBe(1);
  expect(lines[0], what).not.toMatch(machineEnglish);
  expect(lines[0], what).not.toMatch(/内部错误|Binder|Catalog|extension|sqlite_scanner/i);
  expect(r.stdout, what).toBe("");
  return lines[0];
}

/** Every command that reads the warehouse, with the options that keep its output in the workspace. */
function readers(dir: string, checked: string): string[][] {
  return [
    ["build", "--out", path.join(dir, "dist")],
    ["export", "--out", path.join(dir, "exports")],
    ["indicators"],
    ["templates", "--out", path.join(dir, "templates")],
    ["check", checked],
    ["start", "--port", "0"],
  ];
}

/** Nothing was written into the workspace's output folders. */
function nothingWritten(dir: string): void {
  for (const out of ["dist", "exports", "templates"]) expect(fs.existsSync(path.join(dir, out)), out).toBe(false);
}

describe("a SQLite file as the warehouse", () => {
  let w: ReturnType<typeof workspace>;
  let sqlite: string;
  beforeAll(() => {
    w = workspace({ "schools.csv": schools });
    sqlite = path.join(w.dir, "warehouse.sqlite");
    const made = spawnSync("sqlite3", [
      sqlite,
      "create table schools (school_id text, name text); insert into schools values ('S01', '第一小学');",
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
    expect(fs.readFileSync(sqlite).subarray(0, 16).toString("latin1")).toBe("SQLite format 3\0");
  });

  it("every command refuses it in one line naming the file, with no network connection and no extension fetched", () => {
    const before = contents(sqlite);
    const expected =
      `${sqlite} 不是 DuckDB 数据仓库（它是一个 SQLite 数据库），没有打开它，也没有改动它。` +
      `请用 --db 指定由 npm run ingest 建立的数据仓库（默认 data/warehouse.duckdb）。`;
    for (const args of [["ingest", "--input", w.input], ...readers(w.dir, path.join(w.input, "schools.csv"))]) {
      const r = traced(w.dir, [...args, "--db", sqlite]);
      expect(oneLine(r, args[0])).toBe(expected);
      expect(r.connections, args[0]).toEqual([]);
      expect(r.extensionFolder, args[0]).toBe(false);
    }
    expect(contents(sqlite)).toEqual(before);
    nothingWritten(w.dir);
  }, 300_000);

  it("a file of other bytes (a workbook renamed) is refused the same way, saying what it looks like", () => {
    const zip = path.join(w.dir, "warehouse.duckdb");
    fs.writeFileSync(zip, Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(4096, 7)]));
    const line = oneLine(cli(["build", "--db", zip, "--out", path.join(w.dir, "dist")]), "build");
    expect(line).toBe(
      `${zip} 不是 DuckDB 数据仓库（它是一个压缩包或 Excel 工作簿），没有打开它，也没有改动它。` +
        `请用 --db 指定由 npm run ingest 建立的数据仓库（默认 data/warehouse.duckdb）。`,
    );
  });
});

describe("a warehouse missing one of its tables (dropped with DuckDB)", () => {
  let w: ReturnType<typeof ingested>;
  beforeAll(async () => {
    w = ingested();
    await duckdb(w.db, "drop table vision");
  }, 120_000);

  it("every command, the ingest included, refuses it naming the table and saying to ingest into a new warehouse; nothing is built", () => {
    const before = contents(w.db);
    const expected =
      `数据仓库 ${w.db} 缺少表 vision（它被改动过，或不是本程序建立的），无法使用它，本次没有改动它。` +
      `请把它移到别处（mv ${w.db} ${w.db}.bad）后运行 npm run ingest -- --db ${w.db}，` +
      `从 data/raw 中的原始文件重新建立数据仓库。`;
    const checked = path.join(w.dir, "schools.csv");
    fs.writeFileSync(checked, schools);
    for (const args of [["ingest", "--input", w.input], ...readers(w.dir, checked)]) {
      const r = traced(w.dir, [...args, "--db", w.db]);
      expect(oneLine(r, args[0])).toBe(expected);
      expect(r.connections, args[0]).toEqual([]);
    }
    expect(contents(w.db)).toEqual(before);
    nothingWritten(w.dir);
  }, 300_000);

  it("the advice works: moved aside, a fresh ingest makes a warehouse every command reads", async () => {
    fs.renameSync(w.db, `${w.db}.bad`);
    expect(cli(["ingest", "--input", w.input, "--db", w.db]).status).toBe(0);
    const r = cli(["indicators", "--db", w.db]);
    expect(r.status, r.stderr).toBe(0);
    expect(await query(w.db, "select count(*)::integer as n from vision")).toEqual([{ n: 1 }]);
  }, 120_000);
});

describe("the schema version", () => {
  it("each ingest records it with the program's version and the date", async () => {
    const w = ingested();
    const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
    const rows = await query<{ version: number; program: string; today: boolean }>(
      w.db,
      "select version, program, written_at::date = current_date as today from schema_version",
    );
    expect(rows).toEqual([{ version: 1, program: version, today: true }]);
  }, 120_000);

  it("a warehouse without one (an earlier program's) is refused by every reader; an ingest brings it up to date", async () => {
    const w = ingested();
    await duckdb(w.db, "drop table schema_version");
    const before = contents(w.db);
    const checked = path.join(w.dir, "schools.csv");
    fs.writeFileSync(checked, schools);
    for (const args of readers(w.dir, checked).filter(([command]) => command !== "start")) {
      expect(oneLine(cli([...args, "--db", w.db]), args[0])).toBe(
        `数据仓库 ${w.db} 没有结构版本记录（表 schema_version），是本程序的早期版本或其他程序建立的，` +
          `无法使用它，本次没有改动它。请把它移到别处（mv ${w.db} ${w.db}.old）后运行 ` +
          `npm run ingest -- --db ${w.db}，从 data/raw 中的原始文件重新建立数据仓库。`,
      );
    }
    expect(contents(w.db)).toEqual(before);
    nothingWritten(w.dir);
    expect(cli(["ingest", "--input", w.input, "--db", w.db]).status).toBe(0);
    expect(cli(["indicators", "--db", w.db]).status).toBe(0);
  }, 300_000);

  it("a warehouse of a newer schema version is refused by every command, the ingest included, saying which wrote it", async () => {
    const w = ingested();
    await duckdb(w.db, "update schema_version set version = 99, program = '9.0.0', written_at = '2030-01-02 08:00'");
    const before = contents(w.db);
    const checked = path.join(w.dir, "schools.csv");
    fs.writeFileSync(checked, schools);
    for (const args of [["ingest", "--input", w.input], ...readers(w.dir, checked)]) {
      expect(oneLine(cli([...args, "--db", w.db]), args[0])).toBe(
        `数据仓库 ${w.db} 的结构版本是 99（由本程序 9.0.0 版于 2030-01-02 写入），本程序只能使用结构版本 1，` +
          `无法使用它，本次没有改动它。请改用写入它的较新版本的本程序；或把它移到别处（mv ${w.db} ${w.db}.old）` +
          `后运行 npm run ingest -- --db ${w.db}，从 data/raw 中的原始文件重新建立数据仓库。`,
      );
    }
    expect(contents(w.db)).toEqual(before);
    nothingWritten(w.dir);
  }, 300_000);

  it("a DuckDB file with no tables is refused by a reader, saying to ingest first", async () => {
    const w = workspace();
    await duckdb(w.db, "select 1");
    const line = oneLine(cli(["build", "--db", w.db, "--out", path.join(w.dir, "dist")]), "build");
    expect(line).toBe(`数据仓库 ${w.db} 中还没有数据（没有任何表），请先运行 npm run ingest 导入数据。`);
  });
});

describe("a warehouse damaged in the middle (64 bytes overwritten in one block, block by block)", () => {
  it("an ingest either runs or says in one line, naming the file, that it is damaged — and 'not changed' only when it was not", async () => {
    const w = ingested();
    const size = fs.statSync(w.db).size;
    const told = { ran: 0, damagedUntouched: 0, damagedWritten: 0 };
    // DuckDB's file: three 4 KB headers, then blocks of 256 KB.
    for (let at = 3 * 4096 + 100; at < size; at += 256 * 1024) {
      const copy = path.join(w.dir, `damaged-${at}.duckdb`);
      const bytes = fs.readFileSync(w.db);
      bytes.fill(0x5a, at, at + 64);
      fs.writeFileSync(copy, bytes);
      const before = contents(copy);
      const r = cli(["ingest", "--input", w.input, "--db", copy]);
      if (r.status === 0) {
        told.ran++;
        continue;
      }
      const line = oneLine({ ...r, stdout: "" }, `block at ${at}`);
      expect(line, `block at ${at}`).toMatch(new RegExp(`^数据仓库 ${copy} 已损坏`));
      expect(line, `block at ${at}`).toContain(`mv ${copy} ${copy}.bad`);
      if (JSON.stringify(contents(copy)) === JSON.stringify(before) && !fs.existsSync(`${copy}.wal`)) {
        told.damagedUntouched++;
        expect(line, `block at ${at}`).toContain("本次没有改动它");
      } else {
        told.damagedWritten++;
        expect(line, `block at ${at}`).not.toMatch(/没有改动|无法打开/);
        expect(line, `block at ${at}`).toContain("本次运行在发现损坏之前已经写入过它");
      }
    }
    // The blocks of this warehouse include each case: one the ingest never reads or rewrites, one it meets on
    // opening, one it meets only after writing.
    expect(told.ran, JSON.stringify(told)).toBeGreaterThan(0);
    expect(told.damagedUntouched, JSON.stringify(told)).toBeGreaterThan(0);
    expect(told.damagedWritten, JSON.stringify(told)).toBeGreaterThan(0);
  }, 600_000);
});
