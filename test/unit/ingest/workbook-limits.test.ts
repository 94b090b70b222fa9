// The limits a workbook meets before SheetJS sees it (pipelines/ingest/workbookLimits.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { maxWorkbookBytes, workbookLimitProblem } from "../../../pipelines/ingest/workbookLimits.ts";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/workbooks");

/** A ZIP of one stored part whose central directory declares `declared` bytes unpacked. */
function zipDeclaring(declared: number): Buffer {
  const name = Buffer.from("xl/workbook.xml");
  const data = Buffer.from("<workbook/>");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe("workbook limits", () => {
  it("let real workbooks through", () => {
    for (const f of ["title-merged.xlsx", "several-datasets.xlsx"])
      expect(workbookLimitProblem(fs.readFileSync(path.join(fixtures, f)), "xlsx")).toBeUndefined();
    expect(workbookLimitProblem(fs.readFileSync(path.join(fixtures, "legacy.xls")), "xls")).toBeUndefined();
    expect(workbookLimitProblem(zipDeclaring(11), "xlsx")).toBeUndefined();
  });

  it("refuse a ZIP whose parts declare more than the allowance, before unpacking anything", () => {
    expect(workbookLimitProblem(zipDeclaring(0xfffffff0), "xlsx")).toBe(
      "工作簿解压后超过 200 MB（可能是恶意构造的压缩文件），拒绝读取",
    );
  });

  it("refuse a file larger than the size limit, of either kind", () => {
    const big = new Uint8Array(maxWorkbookBytes + 1);
    expect(workbookLimitProblem(big, "xls")).toBe("工作簿有 50.0 MB，超过上限 50 MB：请删去无关的工作表或拆成几个文件");
  });
});
