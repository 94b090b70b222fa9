// The templates' school drop-down offers each school as "code name" (5001060001 示例小学): both readers —
// the row validator of every file and DuckDB's reader of student records — take such a cell as the
// school's code, and reject it, saying why, when the name after the code is another school's.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import { ingestRecordsBySql } from "../../../pipelines/ingest/records/ingest.ts";
import { loadReferences, runIngest } from "../../../pipelines/ingest/run.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type TempWarehouse } from "../../helpers/ingest.ts";

const salt = "test-salt-school-names-0123456789ab";
process.env.STUDENT_ID_SALT = salt;

const schools = csv(
  "学校代码,学校名称,办学类型,办学性质",
  "5001060001,示例甲小学,小学,公办",
  "5001060002,示例（乙）小学,小学,公办",
);

let open: TempWarehouse[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function warehouseWithSchools() {
  const w = await tempWarehouse();
  open.push(w);
  const input = writeFiles(tempDir(), { "schools.csv": schools });
  dirs.push(input);
  await runIngest(w.connection, { input, isSample: false });
  return { w, input };
}

const rejects = (w: TempWarehouse) =>
  w.rows<{ source_line: number; reason_code: string; reason: string }>(
    "select source_line, reason_code, reason from rejects order by source_line",
  );

describe("a school written as its code and its name", () => {
  it("is read as the code in a school's report, and rejected when the name is another school's", async () => {
    const { w, input } = await warehouseWithSchools();
    writeFiles(input, {
      "vision/2021.csv": csv(
        "年度,学校代码,年级,在籍学生数,筛查人数,近视人数",
        "2021,5001060001 示例甲小学,一年级,200,100,30", // 2 the drop-down's spelling
        "2021,５００１０６０００１　示例甲小学,二年级,200,100,30", // 3 full-width, ideographic space
        "2021,5001060001 一小,三年级,200,100,30", // 4 any other text after the code
        "2021,5001060001 示例(乙)小学,四年级,200,100,30", // 5 another school's name
        "2021,5001069999 示例甲小学,五年级,200,100,30", // 6 a code not in the registry
      ),
    });
    await runIngest(w.connection, { input, isSample: false });
    expect(await w.rows("select school_id, grade from vision order by source_line")).toEqual([
      { school_id: "5001060001", grade: "1" },
      { school_id: "5001060001", grade: "2" },
      { school_id: "5001060001", grade: "3" },
    ]);
    expect(await rejects(w)).toEqual([
      {
        source_line: 5,
        reason_code: "unknown_school",
        reason:
          '学校代码"5001060001 示例(乙)小学"的代码与名称不符：5001060001 是示例甲小学，示例（乙）小学的代码是 5001060002',
      },
      { source_line: 6, reason_code: "unknown_school", reason: "学校代码 5001069999 不在学校名录中" },
    ]);
  });

  it("is read the same by DuckDB's reader of student records as by the exact reader", async () => {
    const header = "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力";
    const rows = [
      "2021,5001060001 示例甲小学,一年级,A01,王一,男,2021-09-15,4.8,5.0", // 2
      "2021,5001060002　示例（乙）小学,一年级,A02,王二,男,2021-09-15,4.8,5.0", // 3
      "2021,5001060002 示例乙校,一年级,A03,王三,男,2021-09-15,4.8,5.0", // 4 any other text
      "2021,5001060002 示例甲小学,一年级,A04,王四,男,2021-09-15,4.8,5.0", // 5 another school's name
      "2021,5001060001,一年级,A05,王五,男,2021-09-15,4.8,5.0", // 6 the code alone
      "2021,5001060001 示例\u0007小学,一年级,A06,王六,男,2021-09-15,4.8,5.0", // 7 a control character: bad_type
    ];
    const read = async (sql: boolean) => {
      const { w, input } = await warehouseWithSchools();
      // a quoted cell sends the file to the exact reader
      const body = sql ? rows : [rows[0].replace("王一", '"王一"'), ...rows.slice(1)];
      writeFiles(input, { "vision_records/2021.csv": csv(header, ...body) });
      if (sql) {
        const file = path.join(input, "vision_records", "2021.csv");
        const base = { source_file: "vision_records/2021.csv", sha256: "x", dataset: "vision_records" };
        const ds = readDictionary().get("vision_records")!;
        const references = await loadReferences(w.connection);
        const outcome = await ingestRecordsBySql(w.connection, ds, fs.readFileSync(file), base, file, salt, references);
        // read by DuckDB, not handed back to the exact reader
        expect(outcome?.entry).toMatchObject({ rows_read: 6, rows_loaded: 4, rows_rejected: 2 });
      } else await runIngest(w.connection, { input, isSample: false });
      return {
        stored: await w.rows("select school_id, source_line from vision_records order by source_line"),
        rejects: await rejects(w),
      };
    };
    const bySql = await read(true);
    expect(bySql.stored).toEqual([
      { school_id: "5001060001", source_line: 2 },
      { school_id: "5001060002", source_line: 3 },
      { school_id: "5001060002", source_line: 4 },
      { school_id: "5001060001", source_line: 6 },
    ]);
    // a student file quotes no cell: the reason names the column and the schools
    expect(bySql.rejects).toEqual([
      {
        source_line: 5,
        reason_code: "unknown_school",
        reason:
          '学校代码"（学生个人数据，不显示）"的代码与名称不符：5001060002 是示例（乙）小学，示例甲小学的代码是 5001060001',
      },
      {
        source_line: 7,
        reason_code: "bad_type",
        reason: '学校代码的值"（学生个人数据，不显示）"无法识别，应为不含控制字符、不超过 500 个字符的文本',
      },
    ]);
    expect(await read(false)).toEqual(bySql);
  });
});
