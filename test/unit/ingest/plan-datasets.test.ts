// The datasets of the plan's own commitments read as a school fills them: 学校重点工作落实 (是/否 per task)
// and 特殊教育一人一案 (counts only, no more plans than pupils), and the ledger's 文号 and 印发日期.
import { describe, expect, it } from "vitest";
import { findHeader } from "../../../pipelines/ingest/header.ts";
import { RowValidator, type References } from "../../../pipelines/ingest/validate.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import { readTargetRows } from "../../../pipelines/lib/targets.ts";

const datasets = readDictionary();
const references: References = {
  schools: new Map([["P1", { name: "第一小学", sections: ["primary"] }]]),
  targets: new Map(readTargetRows().map((t) => [t.target_id, t.unit])),
};

function validate(dataset: string, header: string[], cells: string[]) {
  const ds = datasets.get(dataset)!;
  const records = [
    { line: 1, cells: header },
    { line: 2, cells },
  ];
  const map = findHeader(records, ds)!;
  return new RowValidator(ds, map, references).validate(records[1]);
}

describe("特殊教育一人一案", () => {
  const header = ["年度", "学校代码", "特殊教育需要学生数", "已有“一人一案”的学生数"];

  it("takes the two counts, and none of a pupil's name", () => {
    expect(validate("special_needs", header, ["2021", "P1", "3", "3"])).toMatchObject({
      values: { year: 2021, school_id: "P1", pupils: 3, with_plan: 3 },
    });
    expect(datasets.get("special_needs")!.columns.map((c) => c.column)).toEqual([
      "year",
      "school_id",
      "pupils",
      "with_plan",
    ]);
  });

  it("rejects more pupils with a plan than pupils, naming both columns", () => {
    const result = validate("special_needs", header, ["2021", "P1", "3", "4"]);
    expect(result).toMatchObject({ code: "inconsistent" });
    expect(JSON.stringify(result)).toContain("已有“一人一案”的学生数");
  });
});

describe("学校重点工作落实", () => {
  it("reads 是 and 否, and keeps a blank task blank (not 否)", () => {
    const header = ["年度", "学校代码", "新入学年级和毕业年级专题心理讲座已开展", "学生艺术水平测评已完成"];
    expect(validate("school_tasks", header, ["2021", "P1", "是", ""])).toMatchObject({
      values: { psych_lectures: true, art_assessment: null },
    });
    expect(validate("school_tasks", header, ["2021", "P1", "否", "是"])).toMatchObject({
      values: { psych_lectures: false, art_assessment: true },
    });
  });
});

describe("the ledger's evidence of a document", () => {
  it("takes 文号 and 印发日期 as written", () => {
    const header = ["指标编号", "年度", "统计日期", "完成数", "文号", "印发日期"];
    const row = ["docs.head_teacher_rules", "2021", "2021-12-31", "1", "沙教发〔2021〕88号", "2021年11月20日"];
    expect(validate("milestones", header, row)).toMatchObject({
      values: { doc_number: "沙教发〔2021〕88号", issued_on: "2021-11-20" },
    });
  });
});
