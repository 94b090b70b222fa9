// Faults of the machine, made for real: a full disk (a 12 MB tmpfs), a read-only disk, a warehouse or folder the
// user may not read or write (the command runs as `nobody`: root ignores file modes), a truncated warehouse and one
// stamped with another DuckDB storage version. Each ends in one plain Chinese line with exit status 1, and what
// was there before — the warehouse's earlier loads, the previous site, the previous reports — is still there.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRecordsInput } from "../../pipelines/bench/recordsFile.ts";
import { root } from "../../pipelines/lib/paths.ts";
import { csv } from "../helpers/ingest.ts";
import { cli, fileFacts, query, removeWorkspaces, stackLines, workspace, type CliResult } from "../helpers/cli.ts";
import {
  cliAs,
  contents,
  fillDisk,
  machineEnglish,
  mountTmpfs,
  remount,
  stampStorageVersion,
  unmount,
} from "../helpers/machine.ts";

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts.splice(0)) unmount(dir);
  removeWorkspaces();
});

/** A 12 MB tmpfs in a fresh workspace, unmounted after the file's tests. */
/** A tmpfs of `size` (the records case needs room for its ~13 MB peak once the filler is gone). */
function smallDisk(size = "12m"): string {
  const dir = path.join(workspace().dir, "disk");
  mountTmpfs(dir, size);
  mounts.push(dir);
  return dir;
}

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办", "S02,第二小学,小学,公办");
const vision = csv("年度,学校代码,年级,在籍学生数,筛查人数,近视人数", "2021,S01,一年级,120,120,30");

/** The one line the command printed: exit 1, nothing else on stderr, no stack trace, none of DuckDB's English. */
function oneLine(r: CliResult, what: string): string {
  expect(stackLines(r.stderr), what).toEqual([]);
  const lines = r.stderr.trim().split("\n");
  expect(lines, what).toHaveLength(1);
  expect(r.status, `${what}: ${r.stderr}`).toBe(1);
  expect(lines[0], what).not.toMatch(machineEnglish);
  expect(lines[0], what).not.toMatch(/内部错误/);
  return lines[0];
}

/** A warehouse with two small files loaded, in a workspace of its own. */
function loadedWarehouse() {
  const w = workspace({ "schools.csv": schools, "vision/2021.csv": vision });
  const r = cli(["ingest", "--input", w.input, "--db", w.db]);
  expect(r.status, r.stderr).toBe(0);
  return w;
}

async function expectEarlierLoads(db: string): Promise<void> {
  const facts = await fileFacts(db);
  expect(facts.get("schools.csv")).toMatchObject({ status: "loaded", rows_in_table: 2 });
  expect(facts.get("vision/2021.csv")).toMatchObject({ status: "loaded", rows_in_table: 1 });
}

/** A folder that looks like an earlier build (`_observablehq/`), with 1.5 MB of pages, as a real one has. */
function previousSite(dir: string): void {
  fs.mkdirSync(path.join(dir, "_observablehq"), { recursive: true });
  fs.writeFileSync(path.join(dir, "index.html"), '<html lang="zh-CN"><title>上一次的网站</title></html>');
  fs.writeFileSync(path.join(dir, "_observablehq", "client.js"), Buffer.alloc(1_500_000, 32));
}

/** A folder with the files of an earlier export, its manifest included. */
function previousExport(dir: string): void {
  fs.mkdirSync(path.join(dir, "schools"), { recursive: true });
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ generatedAt: "2021-07-01 08:00", files: [] }));
  fs.writeFileSync(path.join(dir, "indicator_values.csv"), "\uFEFF指标编号\r\n上一次的导出\r\n");
  fs.writeFileSync(path.join(dir, "indicators.xlsx"), "上一次的工作簿");
  fs.writeFileSync(path.join(dir, "district-report.pdf"), "上一次的区级报告");
  fs.writeFileSync(path.join(dir, "schools", "S01.pdf"), "上一次的学校报告");
}

describe("a full disk", () => {
  it("during an ingest of student records: one line naming the file and the space, the file rolled back, earlier loads kept, the same run loads it once there is space", async () => {
    const disk = smallDisk("24m");
    const db = path.join(disk, "w.duckdb");
    const input = path.join(path.dirname(disk), "records");
    const made = writeRecordsInput(input, 60_000);
    const first = workspace({ "schools.csv": fs.readFileSync(path.join(input, "schools.csv")) });
    expect(cli(["ingest", "--input", first.input, "--db", db]).status).toBe(0);
    const filler = fillDisk(disk, 1024 * 1024);

    const line = oneLine(cli(["ingest", "--input", input, "--db", db]), "ingest");
    expect(line).toMatch(
      new RegExp(
        `^磁盘空间不足：导入 vision_records/2021\\.csv 时无法写入 ${disk}/w\\.duckdb[.\\w]*（所在磁盘只剩 [\\d.]+ [KM]B，` +
          `导入该文件约需 [\\d.]+ MB，与文件大小相当）。vision_records/2021\\.csv 没有导入任何内容，此前导入的数据都还在。` +
          `请清理磁盘空间后重新运行 npm run ingest（已导入的文件会按“未变化”跳过）。$`,
      ),
    );
    // The first run's schools are there (this run found them unchanged); the records file left no trace.
    const facts = await fileFacts(db);
    expect(facts.get("schools.csv")).toMatchObject({ status: "unchanged", rows_in_table: 30 });
    expect(facts.has("vision_records/2021.csv")).toBe(false);
    expect(await query(db, "select * from vision_records")).toEqual([]);
    expect(await query(db, "select * from rejects")).toEqual([]);

    fs.rmSync(filler);
    const again = cli(["ingest", "--input", input, "--db", db]);
    expect(again.status, again.stderr).toBe(0);
    expect((await fileFacts(db)).get("vision_records/2021.csv")).toMatchObject({
      status: "loaded",
      rows_loaded: made.rows - made.badRows,
      rows_in_table: made.rows - made.badRows,
      rejects: made.badRows,
    });
  }, 120_000);

  it("during a build: one line, the previous site stays as it was, nothing half-built is left", () => {
    const w = loadedWarehouse();
    const disk = smallDisk();
    const dist = path.join(disk, "dist");
    previousSite(dist);
    const before = contents(dist);
    const names = fs.readdirSync(dist);
    fillDisk(disk, 512 * 1024);

    const line = oneLine(cli(["build", "--db", w.db, "--out", dist]), "build");
    expect(line).toMatch(
      new RegExp(
        `^磁盘空间不足：生成网站时无法写入 ${dist}（所在磁盘只剩 [\\d.]+ [KM]B，新网站约需 1\\.4 MB，与原来的网站相当）。` +
          `原来的网站 ${dist} 保持不变。请清理磁盘空间后重新运行 npm run build。$`,
      ),
    );
    expect(contents(dist)).toEqual(before);
    expect(fs.readdirSync(dist)).toEqual(names);
    expect(fs.readdirSync(disk).sort()).toEqual(["dist", "filler"]);
  }, 300_000);

  it("during an export: one line, the previous reports stay as they were", () => {
    const w = loadedWarehouse();
    const disk = smallDisk();
    const exports = path.join(disk, "exports");
    previousExport(exports);
    const before = contents(exports);
    const names = fs.readdirSync(exports);
    fillDisk(disk, 0);

    const line = oneLine(cli(["export", "--db", w.db, "--out", exports]), "export");
    expect(line).toMatch(
      new RegExp(
        `^磁盘空间不足：导出报告时无法写入 ${exports}（所在磁盘只剩 [\\d.]+ [KM]B，新报告约需 1 KB，与原来的报告相当）。` +
          `${exports} 中原来的报告保持不变。请清理磁盘空间后重新运行 npm run export。$`,
      ),
    );
    expect(contents(exports)).toEqual(before);
    expect(fs.readdirSync(exports)).toEqual(names);
  }, 120_000);
});

describe("a read-only disk", () => {
  it("the warehouse on it: one line for ingest and indicators; the warehouse still opens with its loads", async () => {
    const w = loadedWarehouse();
    const disk = smallDisk();
    const db = path.join(disk, "w.duckdb");
    fs.copyFileSync(w.db, db);
    remount(disk, "ro");
    for (const [command, args] of [
      ["ingest", ["--input", w.input]],
      ["indicators", []],
    ] as const) {
      const line = oneLine(cli([command, ...args, "--db", db]), command);
      expect(line).toBe(
        `无法写入：${db} 所在的磁盘是只读的（打开数据仓库时）。数据仓库没有被改动。` +
          `请换到可写的磁盘，或请管理员把该磁盘重新挂载为可写，然后重新运行 npm run ${command}。`,
      );
    }
    await expectEarlierLoads(db);
  }, 120_000);
});

describe("a damaged warehouse (a truncated copy)", () => {
  let w: ReturnType<typeof loadedWarehouse>;
  let damaged: string;
  beforeAll(() => {
    w = loadedWarehouse();
    damaged = path.join(w.dir, "damaged.duckdb");
    const bytes = fs.readFileSync(w.db);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
  }, 120_000);

  it("ingest, indicators, build and export each say to restore it or rebuild it, and leave it as it was", async () => {
    const before = contents(damaged);
    const expected =
      `数据仓库 ${damaged} 已损坏（文件不完整或内容有误），无法打开，本次没有改动它。` +
      `请按 README“备份与恢复数据仓库”一节从备份恢复；或把它移到别处（mv ${damaged} ${damaged}.bad）` +
      `后运行 npm run ingest -- --db ${damaged}，从 data/raw 中的原始文件重新建立数据仓库。`;
    for (const args of [
      ["ingest", "--input", w.input],
      ["indicators"],
      ["build", "--out", path.join(w.dir, "dist")],
      ["export", "--out", path.join(w.dir, "exports")],
    ]) {
      expect(oneLine(cli([...args, "--db", damaged]), args[0])).toBe(expected);
    }
    expect(contents(damaged)).toEqual(before);
    expect(fs.existsSync(path.join(w.dir, "dist"))).toBe(false);
    expect(fs.existsSync(path.join(w.dir, "exports"))).toBe(false);
    await expectEarlierLoads(w.db);
  }, 120_000);

  it("the README has the section the line points to, and its advice works: moved aside, a fresh ingest rebuilds it", async () => {
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).toContain("## 备份与恢复数据仓库");
    fs.renameSync(damaged, `${damaged}.bad`);
    const r = cli(["ingest", "--input", w.input, "--db", damaged]);
    expect(r.status, r.stderr).toBe(0);
    await expectEarlierLoads(damaged);
  }, 120_000);
});

describe("a warehouse written by another DuckDB (its storage version)", () => {
  it.each([
    { version: 39, words: "较旧版本的 DuckDB（v0.6.0 或 v0.6.1）写入的（存储格式版本 39）", hint: "EXPORT DATABASE" },
    { version: 100, words: "较新版本的 DuckDB 写入的（存储格式版本 100）", hint: "npm ci" },
  ])(
    "version $version: one line saying which and what to do; the file is left as it was",
    ({ version, words, hint }) => {
      const w = loadedWarehouse();
      const other = path.join(w.dir, `v${version}.duckdb`);
      stampStorageVersion(w.db, other, version);
      const before = contents(other);
      for (const args of [
        ["ingest", "--input", w.input],
        ["indicators"],
        ["build", "--out", path.join(w.dir, "dist")],
      ]) {
        const line = oneLine(cli([...args, "--db", other]), args[0]);
        expect(line).toContain(`数据仓库 ${other} 是${words}，本程序安装的 DuckDB v`);
        expect(line).toMatch(/只能读取存储格式版本 \d+–\d+，无法打开，本次没有改动它。/);
        expect(line).toContain(hint);
        expect(line).toContain(`npm run ingest -- --db ${other}`);
      }
      expect(contents(other)).toEqual(before);
    },
    120_000,
  );
});

describe("no permission (the commands run as nobody)", () => {
  let w: ReturnType<typeof loadedWarehouse>;
  beforeAll(() => {
    w = loadedWarehouse();
    fs.chmodSync(w.dir, 0o755);
  }, 120_000);

  it("a warehouse nobody may read: each command names the file and the user; the warehouse keeps its loads", async () => {
    fs.chmodSync(w.input, 0o755);
    const before = contents(w.db);
    fs.chmodSync(w.db, 0o000);
    try {
      for (const args of [
        ["ingest", "--input", w.input],
        ["indicators"],
        ["build", "--out", path.join(w.dir, "dist")],
        ["export", "--out", path.join(w.dir, "exports")],
      ]) {
        expect(oneLine(cliAs("nobody", [...args, "--db", w.db]), args[0])).toBe(
          `没有权限：打开数据仓库时当前用户 nobody 不能读取 ${w.db}。数据仓库没有被改动。` +
            `请换用有权限的用户运行，或请管理员给 nobody 授予权限（如 chown nobody ${w.db}），然后重新运行 npm run ${args[0]}。`,
        );
      }
    } finally {
      fs.chmodSync(w.db, 0o644);
    }
    expect(contents(w.db)).toEqual(before);
    await expectEarlierLoads(w.db);
  }, 120_000);

  it("an input file nobody may read fails alone; the other files load", async () => {
    const mine = workspace({ "schools.csv": schools, "vision/2021.csv": vision });
    fs.chmodSync(mine.dir, 0o777);
    fs.chmodSync(path.join(mine.input, "vision/2021.csv"), 0o000);
    const r = cliAs("nobody", ["ingest", "--input", mine.input, "--db", mine.db]);
    const file = path.join(mine.input, "vision/2021.csv");
    expect(oneLine(r, "ingest")).toBe(
      `导入失败：vision/2021.csv：没有权限：当前用户 nobody 不能读取 ${file}。` +
        `请换用有权限的用户运行，或请管理员给 nobody 授予权限（如 chown nobody ${file}），然后重新运行 npm run ingest。`,
    );
    const facts = await fileFacts(mine.db);
    expect(facts.get("schools.csv")).toMatchObject({ status: "loaded", rows_in_table: 2 });
    expect(facts.get("vision/2021.csv")).toMatchObject({ status: "failed", rows_in_table: 0 });
  }, 120_000);

  it("a site or export folder nobody may write: one line naming it; the previous site and reports stay", () => {
    const dist = path.join(w.dir, "site");
    const exports = path.join(w.dir, "reports");
    previousSite(dist);
    previousExport(exports);
    const site = contents(dist);
    const reports = contents(exports);
    const grant = (dir: string, command: string) =>
      `请换用有权限的用户运行，或请管理员给 nobody 授予权限（如 chown nobody ${dir}），然后重新运行 npm run ${command}。`;
    expect(oneLine(cliAs("nobody", ["build", "--db", w.db, "--out", dist]), "build")).toBe(
      `没有权限：生成网站时当前用户 nobody 不能写入文件夹 ${dist}。原来的网站 ${dist} 保持不变。${grant(dist, "build")}`,
    );
    expect(oneLine(cliAs("nobody", ["export", "--db", w.db, "--out", exports]), "export")).toBe(
      `没有权限：导出报告时当前用户 nobody 不能写入文件夹 ${exports}。${exports} 中原来的报告保持不变。${grant(exports, "export")}`,
    );
    expect(contents(dist)).toEqual(site);
    expect(contents(exports)).toEqual(reports);
  }, 120_000);
});
