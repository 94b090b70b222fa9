// A warehouse restored without its salt file (or ingested with another salt) must not take student records
// hashed differently: the same pupils would be counted twice. Those files fail alone, with the reason.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { csv, writeFiles } from "../helpers/ingest.ts";
import { cli, fileFacts, query, removeWorkspaces, stackLines, workspace } from "../helpers/cli.ts";

afterAll(removeWorkspaces);

const header =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
const pupil = (id: string, va: string) => `2021,S01,1,${id},学生,男,2021-09-16,${va},5.0,-1.00,0.00,否`;

const original = "original-salt-0123456789abcdefghij";

describe("the salt of student ids", () => {
  it("a student file hashed with another salt fails alone; with the right salt it loads", async () => {
    const w = workspace({
      "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办"),
      "vision_records/a.csv": csv(header, pupil("SALT0001", "4.8"), pupil("SALT0002", "5.0")),
    });
    const ingest = (salt: string) => cli(["ingest", "--input", w.input, "--db", w.db], { STUDENT_ID_SALT: salt });
    expect(ingest(original).status).toBe(0);

    // The same two pupils again, corrected, in a new file; the salt file has been lost and a new one made.
    writeFiles(w.input, { "vision_records/b.csv": csv(header, pupil("SALT0001", "4.7"), pupil("SALT0002", "5.0")) });
    const wrong = ingest("replaced-salt-0123456789abcdefghij");
    expect(wrong.status).toBe(1);
    expect(stackLines(wrong.stderr)).toEqual([]);
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1);
    expect(wrong.stderr).toMatch(
      /^导入失败：vision_records\/b\.csv：学籍号加密用的盐与数据仓库中已有学生记录所用的不同/,
    );
    expect((await fileFacts(w.db)).get("vision_records/b.csv")).toMatchObject({ status: "failed", rows_in_table: 0 });
    expect(await query(w.db, "select count(*)::integer as n from vision_records")).toEqual([{ n: 2 }]);

    const right = ingest(original);
    expect(right.status).toBe(0);
    expect((await fileFacts(w.db)).get("vision_records/b.csv")).toMatchObject({ status: "loaded", rows_in_table: 2 });
    // Still two pupils: the corrected rows replaced theirs.
    expect(await query(w.db, "select va_right from vision_records order by va_right")).toEqual([
      { va_right: 4.7 },
      { va_right: 5.0 },
    ]);
  });

  it("an empty salt file (a disk that filled while it was written) stops student records alone, in one line", async () => {
    const w = workspace({
      "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办"),
      "vision_records/a.csv": csv(header, pupil("SALT0001", "4.8")),
      "vision/2021.csv": csv("年度,学校代码,年级,在籍学生数,筛查人数,近视人数", "2021,S01,1,41,40,10"),
    });
    const saltFile = `${w.input}/../student-id.salt`;
    writeFiles(`${w.input}/..`, { "student-id.salt": "" });
    const run = cli(["ingest", "--input", w.input, "--db", w.db], {
      STUDENT_ID_SALT: "",
      STUDENT_ID_SALT_FILE: saltFile,
    });
    expect(run.status).toBe(1);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^导入失败：vision_records\/a\.csv：学籍号加密用的盐（文件 .*student-id\.salt）为空，至少要 32 个字节/,
      ),
    ]);
    const facts = await fileFacts(w.db);
    expect(facts.get("vision_records/a.csv")).toMatchObject({ status: "failed", rows_in_table: 0 });
    expect(facts.get("vision/2021.csv")).toMatchObject({ status: "loaded", rows_in_table: 1 });
    // nothing was recorded as the warehouse's salt: a proper salt is taken afterwards
    expect(
      await query(w.db, "select count(*)::integer as n from duckdb_tables() where table_name = 'salt_fingerprint'"),
    ).toEqual([{ n: 0 }]);
  });

  it("a short or repetitive salt is refused; a missing salt file is made with 32 random bytes, readable by its owner only", async () => {
    const w = workspace({
      "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办"),
      "vision_records/a.csv": csv(header, pupil("SALT0001", "4.8")),
    });
    const ingest = (env: Record<string, string>) => cli(["ingest", "--input", w.input, "--db", w.db], env);
    const short = ingest({ STUDENT_ID_SALT: "secret" });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/学籍号加密用的盐（环境变量 STUDENT_ID_SALT）只有 6 个字节/);
    const repeated = ingest({ STUDENT_ID_SALT: "a".repeat(64) });
    expect(repeated.stderr).toMatch(/不是随机数据/);
    const saltFile = `${w.input}/../new.salt`;
    const made = ingest({ STUDENT_ID_SALT: "", STUDENT_ID_SALT_FILE: saltFile });
    expect(made.status).toBe(0);
    expect(fs.readFileSync(saltFile, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(saltFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(w.db).mode & 0o777).toBe(0o600);
  });
});
