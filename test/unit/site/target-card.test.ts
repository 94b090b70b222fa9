// What a target's card says (src/shared/targetCard.js) and how it is drawn (targetCardHtml.js, sparkline.js):
// given a row of indicator_values, the words a reader sees, worked out by hand.
import { describe, expect, it } from "vitest";
import { localTime } from "../../../src/shared/format.js";
import { sparklineSvg } from "../../../src/shared/sparkline.js";
import {
  cardFacts,
  comparablePrevious,
  isChange,
  isShare,
  type CardRow,
  type CardTarget,
} from "../../../src/shared/targetCard.js";
import { targetCardHtml } from "../../../src/shared/targetCardHtml.js";

const target = (t: Partial<CardTarget>): CardTarget => ({
  target_id: "facilities.area",
  title_zh: "生均校舍面积",
  display_unit: "m2",
  comparator: ">=",
  threshold: 4.5,
  scope: "school",
  clause: 12,
  clause_title: "改善办学条件",
  ...t,
});

const row = (r: Partial<CardRow>): CardRow => ({
  year: 2021,
  school_id: null,
  value: null,
  threshold: null,
  status: "met",
  numerator: null,
  denominator: null,
  schools_owed: null,
  schools_reported: null,
  ...r,
});

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("what a target's card says", () => {
  it("shows the district's share of schools met, how many schools sent their data and the change in 百分点", () => {
    const card = cardFacts(target({}), {
      row: row({
        value: 0.925,
        status: "not_met",
        numerator: 37,
        denominator: 40,
        schools_owed: 40,
        schools_reported: 38,
        schools_missing: 2,
      }),
      previous: row({ year: 2020, value: 0.9, status: "met" }),
    });
    expect(card).toMatchObject({
      status: "not_met",
      share: true,
      value: "92.5%",
      schoolsMet: { met: 37, of: 40 },
      goal: "全部学校达标（100%）",
      reported: "已报 38/40 校",
      reportedShort: true,
      bounds: "缺报 2 校，不影响结论",
      year: "2021年",
      change: "+2.5个百分点",
      district: undefined,
      clause: { anchor: "clause-12", words: "第12条 改善办学条件" },
    });
  });

  it("shows a school's own figure in its unit with the district's share of schools beside it", () => {
    const card = cardFacts(target({}), {
      schoolId: "5001060001",
      row: row({ school_id: "5001060001", value: 4.66, status: "met" }),
      previous: row({ year: 2020, school_id: "5001060001", value: 5.06, status: "met" }),
      districtRow: row({ value: 0.925, status: "not_met" }),
    });
    expect(card).toMatchObject({
      share: false,
      value: "4.66 平方米",
      schoolsMet: null,
      goal: "≥ 4.5 平方米",
      reported: "",
      change: "−0.4 平方米",
      district: "达标学校占比 92.5%",
    });
  });

  it("says 同口径 for a change judged on a matched panel, and no 较上年 after a year judged on incomplete data", () => {
    const change = target({ display_unit: "pp", comparator: "<=", threshold: 0, scope: "district" });
    const latest = row({
      value: -0.005,
      status: "incomplete",
      schools_owed: 40,
      schools_reported: 36,
      schools_missing: 4,
    });
    const card = cardFacts(change, {
      row: latest,
      previous: comparablePrevious(latest, row({ year: 2020, value: 0.01, status: "met" })),
    });
    expect(card).toMatchObject({
      value: "−0.5个百分点",
      goal: "≤ 0个百分点",
      reported: "同口径 36/40 校",
      change: "—",
      bounds: "缺报 4 校，结论待定（缺报学校的规模不明，或这类指标无法估计范围）",
    });
  });

  it("says 无数据 and dashes without a row, and hides a figure that stands on too few pupils", () => {
    expect(cardFacts(target({}))).toMatchObject({
      status: "no_data",
      value: "—",
      year: "—",
      change: "—",
      reported: "",
    });
    const hidden = cardFacts(target({ scope: "both", display_unit: "ratio" }), {
      schoolId: "5001060002",
      row: row({ school_id: "5001060002", status: "info", suppressed: true }),
    });
    expect(hidden).toMatchObject({ value: "—", suppressed: "人数过少，不公布", district: "—" });
  });

  it("has one rule for a share of schools, a change, and a year that can be compared", () => {
    expect(isShare(target({}))).toBe(true);
    expect(isShare(target({}), "5001060001")).toBe(false);
    expect(isShare(target({ scope: "both" }))).toBe(false);
    expect(isChange(target({ display_unit: "pp" }))).toBe(true);
    expect(isChange(target({ display_unit: "ratio" }))).toBe(false);
    const [now, before] = [row({ status: "met" }), row({ year: 2020, status: "not_met" })];
    expect(comparablePrevious(now, before)).toBe(before);
    expect(comparablePrevious(now, before, true)).toBeUndefined();
    expect(comparablePrevious(now, row({ year: 2020, status: "no_data" }))).toBeUndefined();
  });

  it("prints a report's time as year-month-day hours:minutes", () => {
    expect(localTime(new Date(2026, 11, 4, 9, 5))).toBe("2026-12-04 09:05");
  });
});

describe("the drawing of a card", () => {
  it("carries the target's id and status, and its 数据不全 badge leads to the list of what is missing", () => {
    const card = cardFacts(target({}), {
      row: row({
        value: 0.5,
        status: "incomplete",
        numerator: 20,
        denominator: 40,
        schools_owed: 40,
        schools_reported: 39,
      }),
    });
    const html = targetCardHtml(card, {
      href: "/facilities#target-facilities.area",
      gaps: '<ul class="gap-list" id="gaps-facilities-area"><li>示例小学：未报送</li></ul>',
      gapsId: "gaps-facilities-area",
    });
    expect(html).toContain('data-target-id="facilities.area" data-status="incomplete"');
    expect(html).toContain('<a class="status-badge status-incomplete" href="#gaps-facilities-area">数据不全</a>');
    expect(text(html)).toContain("达标学校占比50%20 / 40 所达标已报 39/40 校示例小学：未报送");
    expect(text(html)).toContain("目标全部学校达标（100%）年度2021年较上年—");
    expect(text(html)).toContain("第12条 改善办学条件");
  });

  it("draws the trend as a line through the years with a value and the goal as a dashed rule", () => {
    const svg = sparklineSvg(
      [
        { year: 2019, value: 0.5, threshold: 0.9 },
        { year: 2020, value: null, threshold: 0.9 },
        { year: 2021, value: 0.7, threshold: 0.9 },
      ],
      { unit: "ratio", share: false },
    );
    // values 0.5 … 0.9 span the 28 pixels between the margins; the two years the 212 between the sides
    expect(svg).toContain('points="14.0,34.0 226.0,20.0"');
    expect(svg).toContain('y1="6.0" y2="6.0"');
    expect(svg.match(/<title>[^<]*<\/title>/g)).toEqual(["<title>2019年：50%</title>", "<title>2021年：70%</title>"]);
    expect(sparklineSvg([{ year: 2021, value: null, threshold: 1 }], { unit: "ratio", share: false })).toBe("");
  });
});
