import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { indicatorCsv } from "../../../pipelines/export/csv.ts";
import { csvText, neutralise } from "../../../src/shared/cells.js";
import { sampleRows } from "../../helpers/exportRows.ts";

const records = (text: string) => parse(text, { bom: true }) as string[][];

describe("neutralise", () => {
  it("prefixes text a spreadsheet would run as a formula, and nothing else", () => {
    for (const text of ["=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ["示例小学", "1+1", " =1", "−7.6个百分点", ""]) expect(neutralise(text)).toBe(text);
    expect(neutralise(-0.005)).toBe(-0.005);
    expect(neutralise(null)).toBe(null);
  });
});

describe("indicator_values.csv", () => {
  const text = indicatorCsv(sampleRows);

  it("starts with a BOM and the contract's Chinese headers", () => {
    expect(text.startsWith("\uFEFF指标编号,指标名称,年度,学校代码,学校名称,值,目标值,状态\r\n")).toBe(true);
  });

  it("writes one record per row with values as stored and statuses in the site's words", () => {
    const [, ...body] = records(text);
    expect(body).toEqual([
      ["vision.myopia_rate", "总体近视率", "2021", "", "全区", "0.4523", "", "监测"],
      ["pe.lessons_per_week", "开足开好体育与健康课程", "2021", "", "全区", "0.5", "1", "未达标"],
      [
        "vision.myopia_rate_change",
        "总体近视率较上年下降0.5个百分点以上",
        "2021",
        "",
        "全区",
        "-0.0061",
        "-0.005",
        "达标",
      ],
      ["vision.myopia_rate", "总体近视率", "2021", "S001", "'=1+1", "0.25", "", "监测"],
      ["pe.lessons_per_week", "开足开好体育与健康课程", "2021", "S001", "'=1+1", "1", "1", "达标"],
      ["pe.lessons_per_week", "开足开好体育与健康课程", "2021", "'-S2", `'@家,"双引号"学校`, "", "1", "无数据"],
    ]);
  });
});

describe("csvText (the pages' CSV download)", () => {
  it("quotes commas, quotes and line breaks, keeps numbers, leaves null empty and neutralises formulas", () => {
    const text = csvText(
      ["学校", "数值"],
      [
        ['=HYPERLINK("x")', 12.5],
        ["甲,乙", null],
        ["第一行\n第二行", -3],
        ["\t隐藏", "+1"],
      ],
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(records(text)).toEqual([
      ["学校", "数值"],
      [`'=HYPERLINK("x")`, "12.5"],
      ["甲,乙", ""],
      ["第一行\n第二行", "-3"],
      ["'\t隐藏", "'+1"],
    ]);
  });
});
