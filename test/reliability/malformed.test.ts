// Malformed files through the real command line: a bad file fails alone or its rows are rejected with
// reasons; the run never crashes or prints a stack trace; ingest_log, rejects and the tables reconcile;
// text (SQL, HTML, formulas) is stored as the text it is.
import { afterAll, describe, expect, it } from "vitest";
import { cellXml, rawXlsx, rowXml } from "../../pipelines/bench/rawXlsx.ts";
import { csv, type Files } from "../helpers/ingest.ts";
import { cli, fileFacts, query, removeWorkspaces, stackLines, workspace, type FileFacts } from "../helpers/cli.ts";

afterAll(removeWorkspaces);

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办");
const visionHeader = "年度,学校代码,年级,在籍学生数,筛查人数,近视人数";
const recordsHeader =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
/** A valid student record of school S01, grade 1; `cells` replaces cells by header name. */
function record(id: string, cells: Record<string, string> = {}): string {
  const row: Record<string, string> = {
    年度: "2021",
    学校代码: "S01",
    年级: "1",
    学籍号: id,
    姓名: "学生",
    性别: "男",
    筛查日期: "2021-09-16",
    右眼裸眼视力: "4.9",
    左眼裸眼视力: "5.2",
    右眼等效球镜: "0.00",
    左眼等效球镜: "0.50",
    是否戴镜: "否",
    ...cells,
  };
  return recordsHeader
    .split(",")
    .map((h) => row[h])
    .join(",");
}

/** Deterministic bytes (a linear congruential generator), so the "random" file is the same every run. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

interface Run {
  status: number | null;
  stderr: string;
  files: Map<string, FileFacts>;
  rejects: { source_file: string; source_line: number; reason_code: string; reason: string }[];
  db: string;
}

/** Ingests schools.csv plus `files` with `--json`, checks what must hold for every run, returns the facts. */
async function ingest(files: Files): Promise<Run> {
  const w = workspace({ "schools.csv": schools, ...files });
  const r = cli(["ingest", "--input", w.input, "--db", w.db, "--json"]);
  expect(stackLines(r.stderr), r.stderr).toEqual([]);
  expect(r.stderr).not.toMatch(/内部错误|Error:/);
  const json = JSON.parse(r.stdout) as { files: { source_file: string; status: string }[] };
  const facts = await fileFacts(w.db);
  // One plain line per failed file, naming it.
  const failed = json.files.filter((f) => f.status === "failed").map((f) => f.source_file);
  const lines = r.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(failed.length);
  for (const f of failed) expect(lines.some((l) => l.includes(f))).toBe(true);
  // Reconciliation: a loaded file's rows are loaded or rejected; a failed file left nothing.
  for (const f of facts.values()) {
    if (f.status === "loaded") {
      expect(f.rows_read, f.source_file).toBe(f.rows_loaded + f.rows_rejected);
      expect(f.rows_in_table, f.source_file).toBe(f.rows_loaded);
      expect(f.rejects, f.source_file).toBe(f.rows_rejected);
    } else {
      expect([f.rows_loaded, f.rows_in_table, f.rejects], f.source_file).toEqual([0, 0, 0]);
    }
  }
  const rejects = await query<Run["rejects"][number]>(
    w.db,
    "select source_file, source_line, reason_code, reason from rejects order by source_file, source_line",
  );
  return { status: r.status, stderr: r.stderr, files: facts, rejects, db: w.db };
}

const outcome = (run: Run, file: string) => {
  const f = run.files.get(file);
  if (!f) throw new Error(`no log row for ${file}`);
  return [f.status, f.rows_read, f.rows_loaded, f.rows_rejected];
};
const codes = (run: Run, file: string) =>
  run.rejects.filter((r) => r.source_file === file).map((r) => [r.source_line, r.reason_code]);

describe("malformed files through `ingest --json`", () => {
  it("random bytes: the file fails alone with an encoding message, exit 1", async () => {
    const run = await ingest({
      "vision/noise.csv": noise(4096, 7),
      "vision_records/noise.csv": noise(4096, 11),
      "vision/2021.csv": csv(visionHeader, "2021,S01,一年级,200,100,30"),
    });
    expect(run.status).toBe(1);
    for (const file of ["vision/noise.csv", "vision_records/noise.csv"]) {
      expect(outcome(run, file)).toEqual(["failed", 0, 0, 0]);
      expect(run.files.get(file)!.message).toMatch(/编码/);
    }
    expect(outcome(run, "vision/2021.csv")).toEqual(["loaded", 1, 1, 0]);
  });

  it("empty, BOM-only, blank-only and NUL-only files fail alone, each with a plain reason", async () => {
    const run = await ingest({
      "vision/empty.csv": "",
      "vision/bom.csv": "\uFEFF",
      "vision/blank.csv": "\r\n\r\n , ,\r\n",
      "vision/nul.csv": new Uint8Array(1024),
      "vision_records/empty.csv": "",
      "vision_records/nul.csv": new Uint8Array(1024),
    });
    expect(run.status).toBe(1);
    for (const file of ["vision/empty.csv", "vision/bom.csv", "vision/blank.csv", "vision_records/empty.csv"]) {
      expect(outcome(run, file)).toEqual(["failed", 0, 0, 0]);
      expect(run.files.get(file)!.message).toBe("文件是空的，没有任何数据");
    }
    for (const file of ["vision/nul.csv", "vision_records/nul.csv"]) {
      expect(outcome(run, file)).toEqual(["failed", 0, 0, 0]);
      expect(run.files.get(file)!.message).toMatch(/找不到.*表头/);
    }
  });

  it("a header with no rows loads nothing and is no failure, exit 0", async () => {
    const run = await ingest({
      "vision/2021.csv": csv(visionHeader),
      "vision_records/2021.csv": csv(recordsHeader),
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(outcome(run, "vision/2021.csv")).toEqual(["loaded", 0, 0, 0]);
    expect(outcome(run, "vision_records/2021.csv")).toEqual(["loaded", 0, 0, 0]);
  });

  it("an unclosed quote fails the file with the line near it; a stray quote inside a cell only rejects its row", async () => {
    const run = await ingest({
      "vision/open.csv": csv(visionHeader, '2021,S01,一年级,"200,100,30', "2021,S01,二年级,200,100,20"),
      "vision_records/open.csv": csv(recordsHeader, record('"ZX9Q0001'), record("ZX9Q0002")),
      "vision/stray.csv": csv(visionHeader, '2021,S01,三"年级,200,100,30', "2021,S01,四年级,200,100,20"),
    });
    expect(run.status).toBe(1);
    for (const file of ["vision/open.csv", "vision_records/open.csv"]) {
      expect(outcome(run, file)).toEqual(["failed", 0, 0, 0]);
      expect(run.files.get(file)!.message).toMatch(/^无法解析 CSV（第 \d+ 行附近）：引号不成对/);
    }
    expect(outcome(run, "vision/stray.csv")).toEqual(["loaded", 2, 1, 1]);
    expect(codes(run, "vision/stray.csv")).toEqual([[2, "bad_type"]]);
  });

  it("a 200 KB line is one rejected row whose reason stays short; the next row loads", async () => {
    const huge = "9".repeat(200_000);
    const run = await ingest({
      "vision/long.csv": csv(visionHeader, `2021,S01,一年级,200,100,${huge}`, "2021,S01,二年级,200,100,20"),
      "vision_records/long.csv": csv(recordsHeader, record("ZX9Q0003", { 左眼裸眼视力: huge }), record("ZX9Q0004")),
    });
    expect(run.status).toBe(0);
    for (const file of ["vision/long.csv", "vision_records/long.csv"]) {
      expect(outcome(run, file)).toEqual(["loaded", 2, 1, 1]);
      expect(codes(run, file)).toEqual([[2, "bad_type"]]);
      const reason = run.rejects.find((r) => r.source_file === file)!.reason;
      expect(reason.length).toBeLessThan(200);
      // a student file's reason names the column and quotes no cell
      expect(reason).toContain(file.startsWith("vision_records") ? "学生个人数据，不显示" : "共 200000 个字符");
    }
  });

  it("a workbook with a cell in column XFD and one with 20,000 overlapping merges: the command goes on, one line for the failed one", async () => {
    const header = visionHeader.split(",");
    const rows = Array.from({ length: 2000 }, (_, i) =>
      rowXml(i + 2, [2021, "S01", ["一年级", "二年级", "三年级"][i % 3], 200, 100, 30], cellXml(`XFD${i + 2}`, "x")),
    );
    const merges = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? "A1:F1048576" : "B2:XFD1048576"));
    const run = await ingest({
      "vision/xfd.xlsx": rawXlsx([{ name: "视力筛查", rows: rowXml(1, header) + rows.join("") }]),
      "vision/merges.xlsx": rawXlsx([{ name: "视力筛查", rows: rowXml(1, header) + rows[0], merges }]),
      "vision/ok.csv": csv(visionHeader, "2020,S01,一年级,200,100,30"),
    });
    expect(run.status).toBe(1);
    expect(outcome(run, "vision/xfd.xlsx#视力筛查")).toEqual(["loaded", 2000, 3, 1997]);
    expect(outcome(run, "vision/merges.xlsx#视力筛查")).toEqual(["failed", 0, 0, 0]);
    expect(outcome(run, "vision/ok.csv")).toEqual(["loaded", 1, 1, 0]);
    expect(run.stderr).toContain("合并单元格相互重叠");
  });

  it("a 100,000-character school name is rejected with a short reason; the site's search never sees it", async () => {
    const run = await ingest({
      "schools_more.csv": csv(
        "学校代码,学校名称,办学类型,办学性质",
        `S02,${"长".repeat(100_000)},小学,公办`,
        "S03,第三小学,小学,公办",
      ),
    });
    expect(run.status).toBe(0);
    expect(outcome(run, "schools_more.csv")).toEqual(["loaded", 2, 1, 1]);
    const [reason] = run.rejects.map((r) => r.reason);
    expect(reason).toMatch(
      /^学校名称的值"长+…（共 100000 个字符）"无法识别，应为不含控制字符、不超过 500 个字符的文本$/,
    );
    expect(await query(run.db, "select school_id from schools order by school_id")).toEqual([
      { school_id: "S01" },
      { school_id: "S03" },
    ]);
  });

  it("thousands of columns: extra columns are ignored and the known ones load", async () => {
    const extra = Array.from({ length: 5000 }, (_, i) => `备注${i + 1}`).join(",");
    const filler = Array.from({ length: 5000 }, (_, i) => `x${i}`).join(",");
    const run = await ingest({
      "vision/wide.csv": csv(`${visionHeader},${extra}`, `2021,S01,一年级,200,100,30,${filler}`),
      "vision/ragged.csv": csv(visionHeader, `2021,S01,二年级,200,100,20,${filler}`),
      "vision_records/wide.csv": csv(`${recordsHeader},${extra}`, `${record("ZX9Q0005")},${filler}`),
    });
    expect(run.status).toBe(0);
    expect(outcome(run, "vision/wide.csv")).toEqual(["loaded", 1, 1, 0]);
    expect(outcome(run, "vision/ragged.csv")).toEqual(["loaded", 1, 1, 0]);
    expect(outcome(run, "vision_records/wide.csv")).toEqual(["loaded", 1, 1, 0]);
    const rows = await query(run.db, "select grade, enrolled, screened, myopic from vision order by grade");
    expect(rows).toEqual([
      { grade: "1", enrolled: 200, screened: 100, myopic: 30 },
      { grade: "2", enrolled: 200, screened: 100, myopic: 20 },
    ]);
  });

  it("NUL bytes inside cells reject the row, and the reason shows the NUL as ␀", async () => {
    const run = await ingest({
      "vision/nul.csv": csv(visionHeader, "2021,S01,一年级,200,100,3\u00000", "2021,S01,二年级,200,100,20"),
      "schools_more.csv": csv(
        "学校代码,学校名称,办学类型,办学性质",
        "S02,第二\u0000小学,小学,公办",
        "S03,第三小学,小学,公办",
      ),
      "vision_records/nul.csv": csv(
        recordsHeader,
        record("ZX9Q0006", { 右眼裸眼视力: "4\u00009" }),
        record("ZX9Q0007"),
      ),
    });
    expect(run.status).toBe(0);
    expect(outcome(run, "vision/nul.csv")).toEqual(["loaded", 2, 1, 1]);
    expect(outcome(run, "schools_more.csv")).toEqual(["loaded", 2, 1, 1]);
    expect(outcome(run, "vision_records/nul.csv")).toEqual(["loaded", 2, 1, 1]);
    expect(codes(run, "vision_records/nul.csv")).toEqual([[2, "bad_type"]]);
    expect(run.rejects.map((r) => r.reason)).toEqual([
      '学校名称的值"第二␀小学"无法识别，应为不含控制字符、不超过 500 个字符的文本',
      '近视人数的值"3␀0"无法识别，应为整数',
      '右眼裸眼视力的值"（学生个人数据，不显示）"无法识别，应为数字',
    ]);
    expect(await query(run.db, "select school_id from schools order by school_id")).toEqual([
      { school_id: "S01" },
      { school_id: "S03" },
    ]);
  });

  it("NaN, Infinity, 1e308 and negative counts are rejected with the rule they break", async () => {
    const run = await ingest({
      "vision/numbers.csv": csv(
        visionHeader,
        "2021,S01,一年级,NaN,100,30",
        "2021,S01,二年级,Infinity,100,30",
        "2021,S01,三年级,-Infinity,100,30",
        "2021,S01,四年级,1e308,100,30",
        "2021,S01,五年级,200,-5,0",
        "2021,S01,六年级,200,100,-1",
        "2021,S01,一年级,1e2,100,30",
      ),
      "vision_records/numbers.csv": csv(
        recordsHeader,
        record("ZX9Q0010", { 右眼裸眼视力: "NaN" }),
        record("ZX9Q0011", { 右眼等效球镜: "1e308" }),
        record("ZX9Q0012", { 左眼等效球镜: "-Infinity" }),
        record("ZX9Q0013", { 左眼裸眼视力: "-4.9" }),
        record("ZX9Q0014"),
      ),
    });
    expect(run.status).toBe(0);
    expect(outcome(run, "vision/numbers.csv")).toEqual(["loaded", 7, 1, 6]);
    expect(codes(run, "vision/numbers.csv")).toEqual([
      [2, "bad_type"],
      [3, "bad_type"],
      [4, "bad_type"],
      [5, "bad_type"],
      [6, "out_of_range"],
      [7, "out_of_range"],
    ]);
    // 1e2 is a hundred, written in a way Excel sometimes exports.
    expect(await query(run.db, "select grade, enrolled from vision")).toEqual([{ grade: "1", enrolled: 100 }]);
    expect(outcome(run, "vision_records/numbers.csv")).toEqual(["loaded", 5, 1, 4]);
    expect(codes(run, "vision_records/numbers.csv")).toEqual([
      [2, "bad_type"],
      [3, "out_of_range"],
      [4, "bad_type"],
      [5, "out_of_range"],
    ]);
  });

  it("SQL, HTML and formulas in text are stored as that text and run nothing", async () => {
    const names = ["Robert'); DROP TABLE schools;--", "<script>alert(1)</script>", '=HYPERLINK("http://x","点我")'];
    const run = await ingest({
      "schools_more.csv": csv(
        "学校代码,学校名称,办学类型,办学性质",
        ...names.map((n, i) => `S0${i + 2},"${n.replaceAll('"', '""')}",小学,公办`),
      ),
      "vision/2021.csv": csv(
        visionHeader,
        "2021,S01'; DROP TABLE vision; --,一年级,200,100,30",
        '2021,"<img src=x onerror=alert(1)>",二年级,200,100,30',
        "2021,S01,三年级,200,100,30",
      ),
      "vision_records/2021.csv": csv(
        recordsHeader,
        record("ZX9Q'); DROP TABLE vision_records;--", { 姓名: "<b>姓名</b>" }),
        record("ZX9Q0020", { 学校代码: "<img src=x>" }),
      ),
    });
    expect(run.status).toBe(0);
    expect(await query(run.db, "select name from schools where school_id <> 'S01' order by school_id")).toEqual(
      names.map((name) => ({ name })),
    );
    expect(codes(run, "vision/2021.csv")).toEqual([
      [2, "unknown_school"],
      [3, "unknown_school"],
    ]);
    expect(run.rejects.find((r) => r.source_line === 3 && r.source_file === "vision/2021.csv")!.reason).toBe(
      "学校代码 <img src=x onerror=alert(1)> 不在学校名录中",
    );
    expect(outcome(run, "vision_records/2021.csv")).toEqual(["loaded", 2, 1, 1]);
    expect(codes(run, "vision_records/2021.csv")).toEqual([[3, "unknown_school"]]);
    expect(await query(run.db, "select count(*)::integer as n from vision")).toEqual([{ n: 1 }]);
  });

  it("school codes that would become page addresses (slashes, dots, spaces) are rejected", async () => {
    const run = await ingest({
      "schools_more.csv": csv(
        "学校代码,学校名称,办学类型,办学性质",
        "../quality,坏学校,小学,公办",
        "a/b,斜杠学校,小学,公办",
        "S 1,空格学校,小学,公办",
        "５００１０６０００２,全角代码学校,小学,公办",
      ),
    });
    expect(run.status).toBe(0);
    expect(codes(run, "schools_more.csv")).toEqual([
      [2, "bad_type"],
      [3, "bad_type"],
      [4, "bad_type"],
    ]);
    expect(run.rejects[0].reason).toBe(
      '学校代码的值"../quality"无法识别，应为代码（1–40 位字母、数字、- 或 _，不含空格、斜杠等符号）',
    );
    expect(await query(run.db, "select school_id from schools order by school_id")).toEqual([
      { school_id: "5001060002" },
      { school_id: "S01" },
    ]);
  });
});
