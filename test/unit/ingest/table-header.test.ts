// Records with the line numbers an editor shows, and the header found below title rows
// (rule: docs/data.md, 表头).
import { describe, expect, it } from "vitest";
import { findHeader, guessDataset } from "../../../pipelines/ingest/header.ts";
import { isBlank, readRecords, sniffDelimiter } from "../../../pipelines/ingest/table.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";

const datasets = readDictionary();
const vision = datasets.get("vision")!;
const pe = datasets.get("pe")!;

describe("readRecords", () => {
  it("numbers records by the physical line where they start, counting title rows, blank lines and CRLF", () => {
    const text = [
      "沙坪坝区2021年学生视力筛查汇总表", // 1
      "", // 2
      "年度,学校代码,年级,备注", // 3
      "2021,S001,一年级,", // 4
      '2021,S001,二年级,"含逗号,和', // 5
      '换行"', // 6
      "", // 7
      "2021,S001,三年级,无", // 8
    ].join("\r\n");
    const records = readRecords(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(records[4].cells).toEqual(["2021", "S001", "二年级", "含逗号,和\n换行"]);
    expect(records[6].cells).toEqual(["2021", "S001", "三年级", "无"]);
    expect(isBlank(records[1].cells)).toBe(true);
    expect(isBlank(records[5].cells)).toBe(true);
  });

  it("counts a quoted cell spanning three lines once, and the next record after it", () => {
    const text = 'a,b\n"1\n2\n3",x\nnext,y\n';
    expect(readRecords(text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1\n2\n3", "x"] },
      { line: 5, cells: ["next", "y"] },
    ]);
  });

  it("keeps a doubled quote inside a quoted cell as one quote", () => {
    expect(readRecords('名称\n"树人""小学"""\n')[1].cells).toEqual(['树人"小学"']);
  });

  it("ignores a BOM left at the start of the text", () => {
    expect(readRecords("\uFEFF年度,学校代码\n2021,S1\n")[0].cells).toEqual(["年度", "学校代码"]);
  });

  it("reads a title row without delimiters above a comma header", () => {
    const records = readRecords("汇总表\n年度,学校代码\n2021,S1\n");
    expect(records[1].cells).toEqual(["年度", "学校代码"]);
    expect(records[2]).toEqual({ line: 3, cells: ["2021", "S1"] });
  });

  it("throws on an unbalanced quote", () => {
    expect(() => readRecords('年度,学校代码\n2021,"S1\n2021,S2\n')).toThrow();
  });
});

describe("sniffDelimiter", () => {
  it("tells tab, comma and semicolon apart", () => {
    expect(sniffDelimiter("年度\t学校代码\t年级\n2021\tS1\t1\n")).toBe("\t");
    expect(sniffDelimiter("年度,学校代码,年级\n2021,S1,1\n")).toBe(",");
    expect(sniffDelimiter("年度;学校代码;年级\n2021;S1;1\n")).toBe(";");
    expect(sniffDelimiter("只有一列\n")).toBe(",");
  });
});

describe("findHeader", () => {
  const columnsAt = (positions: Map<string, number>) => Object.fromEntries(positions);

  it("finds the header under title rows and blank lines, with the editor's line", () => {
    const records = readRecords(
      "沙坪坝区2021年学生视力筛查汇总表\n填报单位：沙坪坝区教委\n\n年度,学校代码,年级,在籍学生数,筛查人数,近视人数\n2021,S1,一年级,1,1,0\n",
    );
    const header = findHeader(records, vision)!;
    expect(header.index).toBe(3);
    expect(records[header.index].line).toBe(4);
    expect(header.missingRequired).toEqual([]);
    expect(columnsAt(header.positions)).toEqual({
      year: 0,
      school_id: 1,
      grade: 2,
      enrolled: 3,
      screened: 4,
      myopic: 5,
    });
  });

  it("matches header cells with stray spaces, ideographic spaces and full-width parentheses", () => {
    const records = readRecords(
      " 年 度 ,学校代码　,年级,体育课周课时,校内体育活动（分钟/天）, 校外体育活动 （分钟／天）\n2021,S1,一年级,4,60,60\n",
    );
    const header = findHeader(records, pe)!;
    expect(header.missingRequired).toEqual([]);
    expect(columnsAt(header.positions)).toEqual({
      year: 0,
      school_id: 1,
      grade: 2,
      pe_lessons_per_week: 3,
      in_school_minutes: 4,
      out_school_minutes: 5,
    });
    expect(header.cells[0]).toBe(" 年 度 ");
  });

  it("accepts English canonical names, in any case, mixed with Chinese headers", () => {
    const records = readRecords("year,school_id,Grade,enrolled,筛查人数,MYOPIC\n2021,S1,1,1,1,0\n");
    const header = findHeader(records, vision)!;
    expect(header.missingRequired).toEqual([]);
    expect(columnsAt(header.positions)).toEqual({
      year: 0,
      school_id: 1,
      grade: 2,
      enrolled: 3,
      screened: 4,
      myopic: 5,
    });
  });

  it("ignores an unknown extra column (备注) and columns in another order", () => {
    const records = readRecords("备注,近视人数,筛查人数,在籍学生数,年级,学校代码,年度\n说明,0,1,1,一年级,S1,2021\n");
    const header = findHeader(records, vision)!;
    expect(header.missingRequired).toEqual([]);
    expect(columnsAt(header.positions)).toEqual({
      myopic: 1,
      screened: 2,
      enrolled: 3,
      grade: 4,
      school_id: 5,
      year: 6,
    });
  });

  it("reports each missing required column", () => {
    const records = readRecords("年度,学校代码,年级,在籍学生数\n2021,S1,一年级,1\n");
    const header = findHeader(records, vision)!;
    expect(header.missingRequired.map((c) => c.column)).toEqual(["screened", "myopic"]);
  });

  it("does not report a missing optional column", () => {
    const records = readRecords("年度,学校代码,年级,在籍学生数,筛查人数,近视人数\n");
    expect(findHeader(records, vision)!.missingRequired).toEqual([]);
  });

  it("finds no header when no row names two of the dataset's columns", () => {
    expect(findHeader(readRecords("姓名,电话\n张三,123\n"), vision)).toBeUndefined();
  });
});

describe("guessDataset", () => {
  it("tells the dataset of a file from a complete header", () => {
    const records = readRecords("标题\n年度,学校代码,军训天数,军训学时\n2021,S1,7,83\n");
    expect(guessDataset(records, datasets)?.name).toBe("military_training");
  });
});
