// Numbers in Chinese conventions as the pages and reports show them: units, thresholds, changes, status words
// and a target's yearly movement (进度).
import { describe, expect, test } from "vitest";
import { formatChange, formatDelta, formatThreshold, formatValue, progressText } from "../../../src/shared/format.js";
import { statusWords } from "../../../src/shared/vocabulary.js";

describe("numbers in Chinese conventions", () => {
  test("units", () => {
    expect(formatValue(0.4523, "ratio")).toBe("45.2%");
    expect(formatValue(4.5, "m2")).toBe("4.5 平方米");
    expect(formatValue(2345, "yuan")).toBe("2,345元");
    expect(formatValue(123456, "yuan")).toBe("12.35万元");
    expect(formatValue(-0.006, "pp")).toBe("−0.6个百分点");
    expect(formatValue(0.85, "ratio", { share: true })).toBe("85%");
    expect(formatValue(null, "m2")).toBe("—");
  });
  test("thresholds and changes", () => {
    expect(formatThreshold(">=", 7.5, "m2")).toBe("≥ 7.5 平方米");
    expect(formatThreshold("<=", -0.005, "pp")).toBe("≤ −0.5个百分点");
    expect(formatThreshold("info", null, "ratio")).toBe("监测指标，无目标值");
    expect(formatChange(0.45, 0.43, "ratio")).toBe("+2个百分点");
    expect(formatChange(5, null, "m2")).toBe("—");
    expect(formatChange(0.99, 0.99002, "ratio")).toBe("0个百分点");
    expect(statusWords).toEqual({
      met: "达标",
      not_met: "未达标",
      incomplete: "数据不全",
      no_data: "无数据",
      info: "监测",
    });
  });
});

describe("a target's yearly movement in its own unit (进度)", () => {
  test("shares and rates in 个百分点, counts to one decimal, money in 元, a coefficient bare", () => {
    expect(formatDelta(-0.0526, "days", { share: true })).toBe("−5.3个百分点");
    expect(formatDelta(0.0003, "ratio")).toBe("+0.03个百分点");
    expect(formatDelta(0.00002, "ratio")).toBe("0个百分点");
    expect(formatDelta(-0.5, "projects")).toBe("−0.5 个");
    expect(formatDelta(-7, "classes")).toBe("−7 个");
    expect(formatDelta(150, "yuan")).toBe("+150元");
    expect(formatDelta(0.012, "coefficient")).toBe("+0.012");
    expect(formatDelta(0.0001, "coefficient")).toBe("0");
  });
  test("only a judged movement shows its numbers; an undecided latest year shows the reason alone", () => {
    const base = { target_id: "x", observed_rate: 0.1, required_rate: 0.2, target_year: 2025, first_year: 2019 };
    const movement = { latest_year: 2021, unit: "ratio", share: false, direction: 1, observed_change: 0.01 };
    expect(progressText({ ...base, ...movement, category: "incomplete", required_change: 0.02 })).toBe(
      "最新年度数据不全，暂不判断进度",
    );
    expect(progressText({ ...base, ...movement, category: "limited", required_change: 0.02 })).toBe(
      "进展有限（2019–2021年年均 +1个百分点；2025年达标需年均 +2个百分点）",
    );
  });
});
