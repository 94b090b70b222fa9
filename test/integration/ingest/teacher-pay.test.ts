// teacher_pay's optional compulsory-section columns (完全中学、十二年一贯制学校): read by their Chinese headers,
// blank for a school without a senior section, and never more compulsory teachers than teachers.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type TempWarehouse } from "../../helpers/ingest.ts";

let w: TempWarehouse;
let input: string;
afterAll(() => {
  w?.cleanup();
  if (input) fs.rmSync(input, { recursive: true, force: true });
});

describe("teacher pay by section", () => {
  it("stores the compulsory sections' teachers and pay, and rejects more of them than the school has", async () => {
    w = await tempWarehouse();
    input = writeFiles(tempDir(), {
      "schools/schools.csv": csv(
        "学校代码,学校名称,办学类型,办学性质",
        "P01,第一小学,小学,公办",
        "C02,第二中学,完全中学,公办",
        "T03,第三学校,十二年一贯制学校,公办",
      ),
      "teacher_pay/2021.csv": csv(
        "年度,学校代码,教师人数,教师年平均工资(元),义务教育学段教师人数,义务教育学段教师年平均工资(元)",
        "2021,P01,100,100000,,",
        "2021,C02,200,150000,100,120000",
        "2021,T03,120,140000,130,125000",
      ),
    });
    await runIngest(w.connection, { input, isSample: false });
    const rows = await w.rows(
      `select school_id, teachers, avg_annual_pay_yuan, compulsory_teachers, compulsory_avg_annual_pay_yuan
       from teacher_pay order by school_id`,
    );
    expect(rows).toEqual([
      {
        school_id: "C02",
        teachers: 200,
        avg_annual_pay_yuan: 150000,
        compulsory_teachers: 100,
        compulsory_avg_annual_pay_yuan: 120000,
      },
      {
        school_id: "P01",
        teachers: 100,
        avg_annual_pay_yuan: 100000,
        compulsory_teachers: null,
        compulsory_avg_annual_pay_yuan: null,
      },
    ]);
    const rejects = await w.rows<{ source_line: number; reason_code: string; reason: string }>(
      "select source_line, reason_code, reason from rejects where dataset = 'teacher_pay'",
    );
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ source_line: 4, reason_code: "inconsistent" });
    expect(rejects[0].reason).toContain("义务教育学段教师人数(130)大于教师人数(120)");
  });
});
