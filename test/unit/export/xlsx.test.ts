import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { numberFormat, writeIndicatorWorkbook } from "../../../pipelines/export/xlsx.ts";
import { readSiteTargets } from "../../../pipelines/lib/targets.ts";
import { numericCell, tableCells } from "../../../src/components/download.js";
import { columnName, xlsxBytes } from "../../../src/components/xlsx.js";
import { crc32 } from "../../../src/components/zip.js";
import { sampleRows } from "./rows.ts";

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
    const targets = readSiteTargets();
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
    expect(values(sheet, 3).slice(4, 11)).toEqual(["全区", 0.5, 1, "未达标", 1, 2, "达标学校占比"]);
    expect(values(sheet, 5).slice(3, 8)).toEqual(["S001", "'=1+1", 0.25, undefined, "监测"]);
    expect(values(sheet, 7).slice(3, 8)).toEqual(["'-S2", `'@家,"双引号"学校`, undefined, 1, "无数据"]);
  });

  it("formats rates as 0.0%, changes in points with a sign, freezes and bolds the header row", () => {
    const sheet = workbook.getWorksheet("汇总")!;
    expect(sheet.getCell("F2").numFmt).toBe("0.0%");
    expect(sheet.getCell("F3").numFmt).toBe("0.0%"); // share of schools met
    expect(sheet.getCell("F4").numFmt).toBe("+0.0%;-0.0%;0.0%");
    expect(sheet.getCell("G4").value).toBe(-0.005);
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

  it("chooses number formats by unit", () => {
    expect(numberFormat("yuan")).toBe("#,##0");
    expect(numberFormat("coefficient")).toBe("0.000");
    expect(numberFormat("schools")).toBe("0");
    expect(numberFormat("m2")).toBe("#,##0.00");
    expect(numberFormat("m2", true)).toBe("0.0%");
  });
});

describe("the pages' xlsx writer", () => {
  it("computes the standard CRC-32 check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("names columns A…Z, AA…", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("writes a workbook exceljs reads back: text, numbers, percent format, frozen bold header", async () => {
    const bytes = xlsxBytes([
      {
        name: "数据:2021/年",
        header: ["学校", "数值", "比例"],
        rows: [
          ["=1+1", 12, { value: 0.452, format: "0.0%" }],
          ["<示例&学校>", null, { value: 1, format: "0.0%" }],
          ["  前后空格  ", -3.5, "—"],
        ],
      },
    ]);
    const sheet = (await load(bytes)).worksheets[0];
    expect(sheet.name).toBe("数据 2021 年");
    expect(values(sheet, 1)).toEqual(["学校", "数值", "比例"]);
    expect(values(sheet, 2)).toEqual(["'=1+1", 12, 0.452]);
    expect(values(sheet, 3)).toEqual(["<示例&学校>", undefined, 1]);
    expect(values(sheet, 4)).toEqual(["  前后空格  ", -3.5, "—"]);
    expect(sheet.getCell("C2").numFmt).toBe("0.0%");
    expect(["A1", "B1", "C1"].map((ref) => sheet.getCell(ref).font?.bold)).toEqual([true, true, true]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});

describe("table cells for downloads", () => {
  it("turns shown numbers back into numbers and keeps words as text", () => {
    expect(numericCell("1,234.5")).toBe(1234.5);
    expect(numericCell("−3")).toBe(-3);
    expect(numericCell("45.2%")).toEqual({ value: 0.452, format: "0.0%", text: "45.2%" });
    expect(numericCell("100%")).toEqual({ value: 1, format: "0%", text: "100%" });
    expect(numericCell("40 分钟")).toBe("40 分钟");
    expect(numericCell("−7.6个百分点")).toBe("−7.6个百分点");
  });

  it("parses numeric columns only and leaves — empty", () => {
    const columns = [{ label: "代码" }, { label: "数值", numeric: true }];
    expect(
      tableCells(columns, [
        ["001", "12"],
        ["=1+1", "—"],
      ]),
    ).toEqual({
      header: ["代码", "数值"],
      rows: [
        ["001", 12],
        ["=1+1", null],
      ],
    });
  });
});
