import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeIndicatorWorkbook } from "../../../pipelines/export/xlsx.ts";
import { readTargets } from "../../../pipelines/lib/targets.ts";
import { tableCells, workbookBlob } from "../../../src/components/download.js";
import { sheetFormat, sheetValue } from "../../../src/shared/spreadsheet.js";
import { sampleRows } from "../../helpers/exportRows.ts";

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

const values = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe("indicators.xlsx", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-")), "indicators.xlsx");
  await writeIndicatorWorkbook(file, sampleRows);
  const workbook = await load(fs.readFileSync(file));

  it("has 汇总 and one sheet per area of the plan", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "汇总",
      "视力健康",
      "体育与军训",
      "卫生与心理",
      "办学条件与均衡",
      "班额与规模",
      "教师待遇",
      "学前教育",
      "重点任务",
      "指标说明",
    ]);
  });

  it("指标说明 explains every target of the registry in Chinese, with its sources and the formula for analysts", () => {
    const sheet = workbook.getWorksheet("指标说明")!;
    expect(values(sheet, 1)).toEqual([
      "指标编号",
      "指标名称",
      "领域",
      "工作要点条款",
      "计算方法",
      "目标值",
      "范围",
      "依据",
      "技术说明（公式）",
    ]);
    const targets = readTargets();
    expect(sheet.rowCount).toBe(1 + targets.length);
    const myopia = values(sheet, 2);
    expect(myopia.slice(0, 4)).toEqual(["vision.myopia_rate", "总体近视率", "视力健康", "第10条 加强健康管理工作"]);
    expect(myopia[4]).toContain("可判定的筛查学生数之和");
    expect(myopia[5]).toBe("监测指标，无目标值");
    expect(myopia[7]).toContain("教体艺〔2018〕3号");
    expect(myopia[8]).toBe(targets[0].formula);
    const ids = targets.map((_, i) => values(sheet, i + 2)[0]);
    expect(ids).toEqual(targets.map((t) => t.target_id));
    expect(sheet.getCell("E2").alignment?.wrapText).toBe(true);
  });

  it("汇总 holds the district rows, then the school rows, numbers as numbers", () => {
    const sheet = workbook.getWorksheet("汇总")!;
    expect(values(sheet, 1)).toEqual([
      "指标编号",
      "指标名称",
      "年度",
      "学校代码",
      "学校名称",
      "值",
      "目标值",
      "状态",
      "分子",
      "分母",
      "单位",
      "应报学校数",
      "已报齐学校数",
    ]);
    expect(sheet.rowCount).toBe(1 + sampleRows.length);
    expect(values(sheet, 2)).toEqual([
      "vision.myopia_rate",
      "总体近视率",
      2021,
      undefined,
      "全区",
      0.4523,
      undefined,
      "监测",
      4523,
      10000,
      "比率",
    ]);
    // district rows carry how many schools owed the target's data and sent it (none given in these rows)
    expect(values(sheet, 2).length).toBe(11);
    expect(values(sheet, 3).slice(4, 13)).toEqual(["全区", 0.5, 1, "未达标", 1, 2, "达标学校占比", 40, 37]);
    expect(values(sheet, 5).slice(3, 8)).toEqual(["S001", "'=1+1", 0.25, undefined, "监测"]);
    expect(values(sheet, 7).slice(3, 8)).toEqual(["'-S2", `'@家,"双引号"学校`, undefined, 1, "无数据"]);
  });

  it("formats rates as 0.0%, changes in points with a sign, freezes and bolds the header row", () => {
    const sheet = workbook.getWorksheet("汇总")!;
    expect(sheet.getCell("F2").numFmt).toBe("0.0%");
    expect(sheet.getCell("F3").numFmt).toBe("0.0%"); // share of schools met
    expect(sheet.getCell("F4").numFmt).toBe('+0.0"个百分点";-0.0"个百分点";0.0"个百分点"');
    expect(sheet.getCell("G4").value).toBe(-0.5);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });

  it("an area's sheet holds its own rows only", () => {
    const vision = workbook.getWorksheet("视力健康")!;
    const ids = [2, 3, 4].map((n) => String(vision.getCell(`A${n}`).value));
    expect(ids).toEqual(["vision.myopia_rate", "vision.myopia_rate_change", "vision.myopia_rate"]);
    expect(vision.rowCount).toBe(4);
    expect(workbook.getWorksheet("体育与军训")!.rowCount).toBe(4);
    expect(workbook.getWorksheet("教师待遇")!.rowCount).toBe(1);
  });

  it("chooses number formats by unit, and writes changes of a rate in 个百分点", () => {
    expect(sheetFormat("yuan")).toBe("#,##0");
    expect(sheetFormat("coefficient")).toBe("0.000");
    expect(sheetFormat("schools")).toBe("0");
    expect(sheetFormat("m2")).toBe("#,##0.00");
    expect(sheetFormat("m2", true)).toBe("0.0%");
    expect(sheetFormat("pp")).toBe('+0.0"个百分点";-0.0"个百分点";0.0"个百分点"');
    expect(sheetValue(-0.005, "pp")).toBe(-0.5);
    expect(sheetValue(0.4523, "ratio")).toBe(0.4523);
    expect(sheetValue(null, "m2")).toBeNull();
  });
});

describe("the pages' download buttons", () => {
  const columns = [
    { key: "name", label: "学校" },
    { key: "value", label: "数值", numeric: true, unit: "m2" },
    { key: "change", label: "较上年", numeric: true, unit: "pp" },
    { key: "rate", label: "全区值", numeric: true, unit: (r: Row) => r.unit, share: (r: Row) => r.share },
  ];
  type Row = { name: string; value: number | null; change: number; rate: number; unit: string; share: boolean };
  const rows: Row[] = [
    { name: "=1+1", value: 4.18, change: -0.005, rate: 0.5, unit: "ratio", share: true },
    { name: "第二小学", value: null, change: 0.012, rate: 7.5, unit: "m2", share: false },
  ];
  const shown = (row: Row, c: { key: string }) => String(row[c.key as keyof Row] ?? "—");

  it("downloads values as numbers in their unit, the unit in the header", () => {
    const { header, rows: cells } = tableCells(columns, rows, shown);
    expect(header).toEqual(["学校", "数值（平方米）", "较上年（个百分点（变化））", "全区值", "全区值的单位"]);
    expect(cells[0]).toEqual([
      "=1+1",
      { value: 4.18, format: "#,##0.00", decimals: 2 },
      { value: -0.5, format: '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"', decimals: 1 },
      { value: 0.5, format: "0.0%", decimals: 3 },
      "达标学校占比",
    ]);
    expect(cells[1][1]).toBeNull();
    expect(cells[1][4]).toBe("平方米");
  });

  it("names each row's school by code and its year when the table shows only a name", () => {
    const named = [{ school_id: "S01", year: 2021, name: "第一小学", value: 0.4523412 }];
    const { header, rows: cells } = tableCells(
      [
        { key: "name", label: "学校" },
        { key: "value", label: "近视率", numeric: true, unit: "ratio" },
      ],
      named,
      (row: Record<string, unknown>, c: { key: string }) => String(row[c.key]),
    );
    expect(header).toEqual(["学校代码", "年度", "学校", "近视率（比率）"]);
    expect(cells[0]).toEqual(["S01", "2021", "第一小学", { value: 0.4523412, format: "0.0%", decimals: 3 }]);
  });

  it("writes a workbook exceljs reads back: numbers as numbers with their formats, text neutralised, bold frozen header", async () => {
    const blob = await workbookBlob(tableCells(columns, rows, shown));
    const sheet = (await load(Buffer.from(await blob.arrayBuffer()))).worksheets[0];
    expect(values(sheet, 1)).toEqual([
      "学校",
      "数值（平方米）",
      "较上年（个百分点（变化））",
      "全区值",
      "全区值的单位",
    ]);
    expect(values(sheet, 2)).toEqual(["'=1+1", 4.18, -0.5, 0.5, "达标学校占比"]);
    expect(typeof sheet.getCell("B2").value).toBe("number");
    expect(sheet.getCell("B2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("C3").value).toBe(1.2);
    expect(sheet.getCell("D2").numFmt).toBe("0.0%");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});
