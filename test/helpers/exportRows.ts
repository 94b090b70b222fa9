// Export rows built by hand (no warehouse): a ratio target, a school-scope share, a change in points.
import type { ExportRow } from "../../pipelines/export/rows.ts";
import type { Target } from "../../pipelines/lib/targets.ts";

export function target(overrides: Partial<Target>): Target {
  return {
    target_id: "vision.myopia_rate",
    section: "三",
    clause: 10,
    clause_title: "加强健康管理工作",
    title_zh: "总体近视率",
    scope: "both",
    applies_to: ["primary"],
    comparator: "info",
    threshold: null,
    unit: "ratio",
    display_unit: "ratio",
    formula: "myopic / screened",
    source: "",
    area: "vision",
    chart: "schools",
    measure: "",
    tally: false,
    datasets: ["vision"],
    line: 2,
    target_year: null,
    explanation_zh: "",
    source_zh: "",
    ...overrides,
  };
}

export const myopia = target({});
export const pe = target({
  target_id: "pe.lessons_per_week",
  title_zh: "开足开好体育与健康课程",
  scope: "school",
  comparator: ">=",
  threshold: 1,
  area: "pe",
});
export const change = target({
  target_id: "vision.myopia_rate_change",
  title_zh: "总体近视率较上年下降0.5个百分点以上",
  comparator: "<=",
  threshold: -0.005,
  display_unit: "pp",
});

export function row(t: Target, overrides: Partial<ExportRow>): ExportRow {
  return {
    target: t,
    year: 2021,
    school_id: null,
    school_name: "全区",
    value: null,
    threshold: t.threshold,
    status: "no_data",
    numerator: null,
    denominator: null,
    schools_owed: null,
    schools_reported: null,
    ...overrides,
  };
}

/** District rows first, then school rows, as readExportRows orders them; one school is named `=1+1`. */
export const sampleRows: ExportRow[] = [
  row(myopia, { value: 0.4523, status: "info", numerator: 4523, denominator: 10000 }),
  row(pe, {
    value: 0.5,
    threshold: 1,
    status: "not_met",
    numerator: 1,
    denominator: 2,
    schools_owed: 40,
    schools_reported: 37,
  }),
  row(change, { value: -0.0061, status: "met" }),
  row(myopia, { school_id: "S001", school_name: "=1+1", value: 0.25, status: "info", numerator: 25, denominator: 100 }),
  row(pe, { school_id: "S001", school_name: "=1+1", value: 1, status: "met" }),
  row(pe, { school_id: "-S2", school_name: '@家,"双引号"学校', value: null, status: "no_data" }),
];
