// How a cell written by a school is read: every spelling of numbers, "no value", booleans,
// dates, grades, stages, sections and enums (rule: docs/data.md, 单元格的写法).
import { describe, expect, it } from "vitest";
import { isNoValue, parseCell } from "../../../pipelines/ingest/cells.ts";

const value = (type: string, text: string) => {
  const result = parseCell(type, text);
  return result.ok ? result.value : undefined;
};

describe("numbers", () => {
  it("reads full-width digits as the number they show", () => {
    expect(value("int", "１００")).toBe(100);
    expect(value("number", "３．５")).toBe(3.5);
  });

  it("reads thousands separators, ASCII and full-width", () => {
    expect(value("int", "1,234")).toBe(1234);
    expect(value("int", "1,234,567")).toBe(1234567);
    expect(value("number", "12,345.50")).toBe(12345.5);
    expect(value("int", "１，２３４")).toBe(1234);
  });

  it("rejects a comma that is not a thousands separator", () => {
    expect(parseCell("int", "1,23")).toEqual({ ok: false, expected: "整数" });
    expect(parseCell("number", "12,34.5")).toEqual({ ok: false, expected: "数字" });
  });

  it("ignores surrounding spaces, tabs and ideographic spaces", () => {
    expect(value("int", "  42 ")).toBe(42);
    expect(value("int", "\t42\t")).toBe(42);
    expect(value("int", "\u300042\u3000")).toBe(42);
  });

  it("keeps signs and decimals of numbers, and tells an int from a fraction", () => {
    expect(value("number", "-1.25")).toBe(-1.25);
    expect(value("number", "+0.5")).toBe(0.5);
    expect(value("int", "12.0")).toBe(12);
    expect(parseCell("int", "12.5")).toEqual({ ok: false, expected: "整数" });
  });

  it("says in Chinese what was expected when a cell is not a number", () => {
    expect(parseCell("int", "abc")).toEqual({ ok: false, expected: "整数" });
    expect(parseCell("number", "十二")).toEqual({ ok: false, expected: "数字" });
    expect(parseCell("number", "50%")).toEqual({ ok: false, expected: "数字" });
  });
});

describe("no value", () => {
  it.each(["", "  ", "—", "——", "-", "--", "－", "/", "无", " 无 ", "\u3000", "N/A"])("%j means no value", (text) => {
    expect(isNoValue(text)).toBe(true);
  });

  it.each(["0", "否", "N", "无锡", "2021"])("%j is a value", (text) => {
    expect(isNoValue(text)).toBe(false);
  });
});

describe("booleans", () => {
  it.each([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["N", false],
    ["y", true],
    ["n", false],
    ["1", true],
    ["0", false],
    ["true", true],
    ["false", false],
    ["TRUE", true],
    ["False", false],
    [" 是 ", true],
  ])("%j is %s", (text, expected) => {
    expect(value("bool", text)).toBe(expected);
  });

  it("rejects other words", () => {
    expect(parseCell("bool", "可能")).toEqual({ ok: false, expected: "是/否" });
    expect(parseCell("bool", "2")).toEqual({ ok: false, expected: "是/否" });
  });
});

describe("dates", () => {
  it.each([
    ["2021-06-30", "2021-06-30"],
    ["2021/6/30", "2021-06-30"],
    ["2021/06/30", "2021-06-30"],
    ["2021.6.30", "2021-06-30"],
    ["2021年6月30日", "2021-06-30"],
    ["2021年06月30日", "2021-06-30"],
    [" 2021-1-5 ", "2021-01-05"],
    ["２０２１－０６－３０", "2021-06-30"],
    ["2020-02-29", "2020-02-29"],
  ])("%j is %s", (text, expected) => {
    expect(value("date", text)).toBe(expected);
  });

  it.each(["2021-02-30", "2021-13-01", "2021-04-31", "2021-02-29", "2021-06", "30/06/2021", "昨天"])(
    "%j is not a date",
    (text) => {
      expect(parseCell("date", text)).toEqual({ ok: false, expected: "日期（如 2021-06-30）" });
    },
  );
});

describe("grades", () => {
  it.each([
    ["小班", "K1"],
    ["中班", "K2"],
    ["大班", "K3"],
    ["K1", "K1"],
    ["k2", "K2"],
    ["一年级", "1"],
    ["二年级", "2"],
    ["三年级", "3"],
    ["四年级", "4"],
    ["五年级", "5"],
    ["六年级", "6"],
    ["七年级", "7"],
    ["八年级", "8"],
    ["九年级", "9"],
    ["初一", "7"],
    ["初二", "8"],
    ["初三", "9"],
    ["高一", "10"],
    ["高二", "11"],
    ["高三", "12"],
    ["十年级", "10"],
    ["十一年级", "11"],
    ["十二年级", "12"],
    ["1", "1"],
    ["6", "6"],
    ["7", "7"],
    ["10", "10"],
    ["12", "12"],
    ["01", "1"],
    ["3年级", "3"],
    ["１２", "12"],
    [" 初 一 ", "7"],
  ])("%j is grade %s", (text, expected) => {
    expect(value("grade", text)).toBe(expected);
  });

  it.each(["0", "13", "K4", "大学", "研一"])("%j is not a grade", (text) => {
    expect(parseCell("grade", text)).toEqual({ ok: false, expected: "年级（如 一年级、初一、高二、小班）" });
  });
});

describe("stages", () => {
  it.each([
    ["幼儿园", "kindergarten"],
    ["小学", "primary"],
    ["初中", "junior"],
    ["初级中学", "junior"],
    ["九年一贯制学校", "nine_year"],
    ["九年一贯制", "nine_year"],
    ["完全中学", "complete_secondary"],
    ["高中", "senior"],
    ["高级中学", "senior"],
    ["十二年一贯制学校", "twelve_year"],
    ["十二年一贯制", "twelve_year"],
    ["中职", "vocational"],
    ["中等职业学校", "vocational"],
    ["特殊教育学校", "special"],
    ["nine_year", "nine_year"],
    [" 小学 ", "primary"],
  ])("%j is stage %s", (text, expected) => {
    expect(value("stage", text)).toBe(expected);
  });

  it("rejects a stage that is not in the codes, naming what was expected", () => {
    expect(parseCell("stage", "大学")).toEqual({ ok: false, expected: "办学类型（如 小学、九年一贯制学校）" });
  });
});

describe("sections", () => {
  it.each([
    ["幼儿园", "kindergarten"],
    ["学前", "kindergarten"],
    ["小学", "primary"],
    ["初中", "junior"],
    ["高中", "senior"],
    ["中职", "vocational"],
    ["特殊教育", "special"],
    ["特教", "special"],
    ["junior", "junior"],
  ])("%j is section %s", (text, expected) => {
    expect(value("section", text)).toBe(expected);
  });

  it("rejects a section that is not one", () => {
    expect(parseCell("section", "大学")).toEqual({
      ok: false,
      expected: "学段（幼儿园、小学、初中、高中、中职、特殊教育）",
    });
  });
});

describe("enums", () => {
  const ownership = "enum:public=公办|private=民办";

  it.each([
    ["公办", "public"],
    ["民办", "private"],
    ["public", "public"],
    ["private", "private"],
    ["PUBLIC", "public"],
    [" 民办 ", "private"],
  ])("%j is %s", (text, expected) => {
    expect(value(ownership, text)).toBe(expected);
  });

  it("rejects another word, listing the allowed labels", () => {
    expect(parseCell(ownership, "公立")).toEqual({ ok: false, expected: "公办、民办" });
  });

  it("reads the sex of a student record as M or F", () => {
    expect(value("enum:M=男|F=女", "男")).toBe("M");
    expect(value("enum:M=男|F=女", "f")).toBe("F");
  });
});

describe("text", () => {
  it("is kept as written, only trimmed: a name keeps its full-width brackets and commas", () => {
    expect(value("text", "  S001 ")).toBe("S001");
    expect(value("text", "Ｓ００１")).toBe("Ｓ００１");
    expect(value("text", "第一 小学")).toBe("第一 小学");
    expect(value("text", '\u3000重庆市凤鸣山中学（含"高中部"，初中部） ')).toBe(
      '重庆市凤鸣山中学（含"高中部"，初中部）',
    );
  });

  it("is normalised where it is matched: a code with full-width digits is the code", () => {
    expect(value("code", "Ｓ００１")).toBe("S001");
  });
});
