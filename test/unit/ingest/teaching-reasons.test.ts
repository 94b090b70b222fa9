// Reasons that teach: a share written as 95, an annual pay that looks monthly, and the 全校 row of a
// combined school, each rejected with a sentence that says what to write instead.
import { describe, expect, it } from "vitest";
import { findHeader } from "../../../pipelines/ingest/header.ts";
import { RowValidator, type References } from "../../../pipelines/ingest/validate.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import { readTargetRows } from "../../../pipelines/lib/targets.ts";

const datasets = readDictionary();
const references: References = {
  schools: new Map([
    ["P1", { name: "第一小学", sections: ["primary"] }],
    ["N9", { name: "九年一贯制学校", sections: ["primary", "junior"] }],
  ]),
  targets: new Map(readTargetRows().map((t) => [t.target_id, t.unit])),
};

/** Validates one data row under a header row, both given as cells. */
function validate(dataset: string, header: string[], cells: string[]) {
  const ds = datasets.get(dataset)!;
  const records = [
    { line: 1, cells: header },
    { line: 2, cells },
  ];
  const map = findHeader(records, ds)!;
  return new RowValidator(ds, map, references).validate(records[1]);
}

const milestone = (target: string, achieved: string) =>
  validate("milestones", ["指标编号", "年度", "统计日期", "完成数"], [target, "2021", "2021-12-31", achieved]);

describe("a share", () => {
  it("written as 95 is rejected with a reason that says to write a fraction", () => {
    const result = milestone("law.enforcement_certified", "95");
    expect(result).toMatchObject({ code: "out_of_range" });
    expect("reason" in result && result.reason).toMatch(
      /完成数的值 95 超出允许范围（0–1）：比例请写成小数（如 0\.95）或百分数（如 95%）/,
    );
  });

  it("written as 95% is read as 0.95", () => {
    expect(milestone("law.enforcement_certified", "95%")).toMatchObject({ values: { achieved: 0.95 } });
    expect(milestone("law.enforcement_certified", "0.95")).toMatchObject({ values: { achieved: 0.95 } });
  });

  it("is only a share where the target is a ratio: a count of projects stays a count", () => {
    expect(milestone("construction.new_starts", "5")).toMatchObject({ values: { achieved: 5 } });
    expect(milestone("construction.new_starts", "50%")).toMatchObject({ code: "bad_type" });
  });
});

describe("an annual pay below 10,000 yuan", () => {
  it("is rejected with a reason that says it looks like a monthly figure", () => {
    const result = validate(
      "teacher_pay",
      ["年度", "学校代码", "教师人数", "教师年平均工资(元)"],
      ["2021", "P1", "40", "9800"],
    );
    expect(result).toMatchObject({ code: "out_of_range", school_id: "P1", year: 2021 });
    expect("reason" in result && result.reason).toMatch(/9800 超出允许范围（10000–2000000）：.*月工资.*全年平均工资/);
  });
});

describe("the 全校 facilities row", () => {
  const header = [
    "年度",
    "学校代码",
    "学段",
    "在校生数",
    "班级数",
    "教学及辅助用房面积(平方米)",
    "体育运动场馆面积(平方米)",
    "教学仪器设备值(元)",
    "网络多媒体教室数(间)",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "小学在校生数",
    "初中在校生数",
    "高中在校生数",
  ];
  const row = (school: string, students: string, pupils: string[]) =>
    validate("facilities", header, [
      "2021",
      school,
      "全校",
      students,
      "25",
      "5200",
      "10400",
      "2600000",
      "26",
      "52",
      "13",
      "13",
      ...pupils,
    ]);

  it("of a nine-year school with the pupils of both sections is accepted", () => {
    expect(row("N9", "1000", ["600", "400", ""])).toMatchObject({
      values: { section: "whole", students: 1000, students_primary: 600, students_junior: 400, students_senior: null },
    });
  });

  it("needs the pupils of every section of the school", () => {
    const result = row("N9", "1000", ["1000", "", ""]);
    expect(result).toMatchObject({ code: "missing_required" });
    expect("reason" in result && result.reason).toMatch(/学段为"全校"时必须填写“初中在校生数”/);
  });

  it("needs them to add up to 在校生数", () => {
    const result = row("N9", "1000", ["600", "300", ""]);
    expect(result).toMatchObject({ code: "inconsistent" });
    expect("reason" in result && result.reason).toMatch(
      /在校生数\(1000\)不等于小学在校生数\+初中在校生数\+高中在校生数\(900\)/,
    );
  });

  it("gives no pupils to a section the school does not have", () => {
    expect(row("N9", "1000", ["600", "300", "100"])).toMatchObject({ code: "wrong_section" });
  });

  it("is refused to a school of one section", () => {
    const result = row("P1", "600", ["600", "", ""]);
    expect(result).toMatchObject({ code: "wrong_section" });
    expect("reason" in result && result.reason).toMatch(/只有一个学段/);
  });
});
