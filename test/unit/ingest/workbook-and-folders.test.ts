import { describe, expect, it } from "vitest";
import { decode } from "../../../pipelines/ingest/decode.ts";
import { datasetOf, datasetOfName as datasetOfSheet, isWorkbookName } from "../../../pipelines/ingest/files.ts";
import { openWorkbook } from "../../../pipelines/ingest/workbook/workbook.ts";
import { numberText, serialDate } from "../../../pipelines/ingest/workbook/cells.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";

const datasets = readDictionary();
const names = [...datasets.keys()];

describe("a workbook dropped where a CSV belongs", () => {
  // The first bytes of any .xlsx: a ZIP local file header followed by binary fields with many zeros.
  const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0x21, 0x00]);
  const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);

  it("is not taken for UTF-16 text", () => {
    expect(decode(xlsx)).toBeUndefined();
  });

  it("is read as a workbook: a damaged one fails with one plain sentence, not a hint to save as CSV", () => {
    expect(openWorkbook(xlsx, "xlsx")).toEqual({
      ok: false,
      message: "工作簿已损坏（ZIP 结构不完整），无法读取：请在 Excel 或 WPS 中打开后重新保存",
    });
    expect(openWorkbook(xls, "xls")).toEqual({
      ok: false,
      message: "无法读取 Excel 工作簿（.xls），文件可能已损坏：请在 Excel 或 WPS 中打开后重新保存",
    });
  });

  it("is listed with the data files", () => {
    expect(["a.xlsx", "b.XLS", "c.csv", "d.xlsm", "e.docx"].filter((f) => isWorkbookName(f))).toEqual([
      "a.xlsx",
      "b.XLS",
    ]);
  });
});

describe("the dataset of a sheet", () => {
  it("is told by the dataset's Chinese name or code, alone or followed by a year", () => {
    expect(datasetOfSheet("视力筛查", names)).toBe("vision");
    expect(datasetOfSheet(" Vision ", names)).toBe("vision");
    expect(datasetOfSheet("学生视力个案（2021）", names)).toBe("vision_records");
    expect(datasetOfSheet("vision_records_2021", names)).toBe("vision_records");
    expect(datasetOfSheet("班额2021", names)).toBe("class_sizes");
    expect(datasetOfSheet("Sheet1", names)).toBeUndefined();
    expect(datasetOfSheet("视力筛查说明", names)).toBeUndefined();
  });
});

describe("a workbook cell as text", () => {
  it("shows a number with at most 15 significant digits, as Excel does", () => {
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(5001060001)).toBe("5001060001");
    expect(numberText(0.95)).toBe("0.95");
  });

  it("turns a date serial into a date in either date system", () => {
    expect(serialDate(44469, false)).toBe("2021-09-30");
    expect(serialDate(44469 - 1462, true)).toBe("2021-09-30");
  });
});

describe("the dataset of a file", () => {
  it("is told by its folder in any case", () => {
    expect(datasetOf("PE/2021.csv", names)).toBe("pe");
    expect(datasetOf("2021/Vision_Records/a.csv", names)).toBe("vision_records");
  });

  it("is told by the longest name its file name starts with", () => {
    expect(datasetOf("vision_records_2021.csv", names)).toBe("vision_records");
    expect(datasetOf("Vision-2021.csv", names)).toBe("vision");
    expect(datasetOf("visionary.csv", names)).toBeUndefined();
  });

  it("is told by the dataset's Chinese name, as the templates are named: folder, file, or a file that starts with it", () => {
    expect(datasetOf("视力筛查.csv", names)).toBe("vision");
    expect(datasetOf("学生视力个案/一年级.csv", names)).toBe("vision_records");
    expect(datasetOf("班额更正.csv", names)).toBe("class_sizes");
    expect(datasetOf("高中军训2021.xlsx", names)).toBe("military_training");
    expect(datasetOf("报表/说明.csv", names)).toBeUndefined();
  });
});
