// Telling a file's encoding without asking the user (rule: docs/data.md, 编码).
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode } from "../../../pipelines/ingest/decode.ts";
import { readRecords } from "../../../pipelines/ingest/table.ts";

const text =
  "沙坪坝区2021年学生视力筛查汇总表\r\n年度,学校代码,年级,在籍学生数,筛查人数,近视人数\r\n2021,S001,一年级,120,118,23\r\n";

describe("decode", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decode(Buffer.from(text, "utf8"))).toEqual({ encoding: "utf-8", text });
  });

  it("reads UTF-8 with a BOM and drops the BOM from the text", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(decode(bytes)).toEqual({ encoding: "utf-8", text });
  });

  it("reads GB18030 (Excel's CSV on Chinese Windows)", () => {
    const bytes = iconv.encode(text, "gb18030");
    expect(decode(bytes)).toEqual({ encoding: "gb18030", text });
  });

  it("reads GBK bytes, which GB18030 covers", () => {
    const bytes = iconv.encode("学校代码,学校名称,办学类型\n500106001,重庆市沙坪坝区树人小学校,小学\n", "gbk");
    expect(decode(bytes)?.encoding).toBe("gb18030");
    expect(decode(bytes)?.text).toBe("学校代码,学校名称,办学类型\n500106001,重庆市沙坪坝区树人小学校,小学\n");
  });

  it("reads GB18030 characters outside GBK (four-byte sequences)", () => {
    const rare = "学校名称\n𠀀小学\n";
    expect(decode(iconv.encode(rare, "gb18030"))).toEqual({ encoding: "gb18030", text: rare });
  });

  it("reads UTF-16LE with a BOM, tab-separated (Excel's Unicode text), into the same cells", () => {
    const tsv = text.replace(/,/g, "\t");
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]);
    const decoded = decode(bytes);
    expect(decoded).toEqual({ encoding: "utf-16le", text: tsv });
    const records = readRecords(decoded!.text);
    expect(records[1]).toEqual({ line: 2, cells: ["年度", "学校代码", "年级", "在籍学生数", "筛查人数", "近视人数"] });
    expect(records[2]).toEqual({ line: 3, cells: ["2021", "S001", "一年级", "120", "118", "23"] });
  });

  it("returns undefined for bytes that are no supported encoding", () => {
    expect(decode(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0xfe, 0x80, 0x0a]))).toBeUndefined();
  });

  it("returns undefined for binary bytes that only GB18030 could decode, into control characters", () => {
    const binary = Buffer.from([0x81, 0x40, 0x01, 0x02, 0x03, 0x81, 0x41, 0x1b, 0x0a]);
    expect(decode(binary)).toBeUndefined();
  });

  it("returns undefined for UTF-16LE with a BOM but an odd, broken tail", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("年度\t学校代码\n", "utf16le"),
      Buffer.from([0x00, 0xd8]),
    ]);
    expect(decode(bytes)).toBeUndefined();
  });
});
