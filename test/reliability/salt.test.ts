// A warehouse restored without its salt file (or ingested with another salt) must not take student records
// hashed differently: the same pupils would be counted twice. Those files fail alone, with the reason.
import { afterAll, describe, expect, it } from "vitest";
import { csv, writeFiles } from "../helpers/ingest.ts";
import { cli, fileFacts, query, removeWorkspaces, stackLines, workspace } from "./cli.ts";

afterAll(removeWorkspaces);

const header =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
const pupil = (id: string, va: string) => `2021,S01,1,${id},学生,男,2021-09-16,${va},5.0,-1.00,0.00,否`;

describe("the salt of student ids", () => {
  it("a student file hashed with another salt fails alone; with the right salt it loads", async () => {
    const w = workspace({
      "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办"),
      "vision_records/a.csv": csv(header, pupil("SALT0001", "4.8"), pupil("SALT0002", "5.0")),
    });
    const ingest = (salt: string) => cli(["ingest", "--input", w.input, "--db", w.db], { STUDENT_ID_SALT: salt });
    expect(ingest("original").status).toBe(0);

    // The same two pupils again, corrected, in a new file; the salt file has been lost and a new one made.
    writeFiles(w.input, { "vision_records/b.csv": csv(header, pupil("SALT0001", "4.7"), pupil("SALT0002", "5.0")) });
    const wrong = ingest("replaced");
    expect(wrong.status).toBe(1);
    expect(stackLines(wrong.stderr)).toEqual([]);
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1);
    expect(wrong.stderr).toMatch(
      /^导入失败：vision_records\/b\.csv：学籍号加密用的盐与数据仓库中已有学生记录所用的不同/,
    );
    expect((await fileFacts(w.db)).get("vision_records/b.csv")).toMatchObject({ status: "failed", rows_in_table: 0 });
    expect(await query(w.db, "select count(*)::integer as n from vision_records")).toEqual([{ n: 2 }]);

    const right = ingest("original");
    expect(right.status).toBe(0);
    expect((await fileFacts(w.db)).get("vision_records/b.csv")).toMatchObject({ status: "loaded", rows_in_table: 2 });
    // Still two pupils: the corrected rows replaced theirs.
    expect(await query(w.db, "select va_right from vision_records order by va_right")).toEqual([
      { va_right: 4.7 },
      { va_right: 5.0 },
    ]);
  });
});
