// The limits a workbook meets before SheetJS sees it (pipelines/ingest/workbook/limits.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deflateSync } from "fflate";
import { maxUnpackedBytes, maxWorkbookBytes, unpackWorkbook } from "../../../pipelines/ingest/workbook/limits.ts";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/workbooks");

/**
 * A ZIP of one part (stored, or deflated `data` with `deflated`) whose headers declare `declared` bytes
 * unpacked; its central directory lists that one local part `entries` times, while the end record says
 * `onDisk` entries on this disk and `total` in all.
 */
function zipDeclaring(
  declared: number,
  options: { data?: Buffer; deflated?: boolean; entries?: number; onDisk?: number; total?: number } = {},
): Buffer {
  const { data = Buffer.from("<workbook/>"), deflated = false, entries = 1 } = options;
  const { onDisk = entries, total = entries } = options;
  const name = Buffer.from("xl/workbook.xml");
  const method = deflated ? 8 : 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(onDisk, 8);
  end.writeUInt16LE(total, 10);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  const directory = Array.from({ length: entries }, () => [central, name]).flat();
  return Buffer.concat([local, name, data, ...directory, end]);
}

const tooLarge = `工作簿解压后超过 ${maxUnpackedBytes / 1024 / 1024} MB（可能是恶意构造的压缩文件），拒绝读取`;
const ok = (parts: ReturnType<typeof unpackWorkbook>) => Array.isArray(parts) || parts === undefined;

describe("workbook limits", () => {
  it("let real workbooks through", () => {
    for (const f of ["title-merged.xlsx", "several-datasets.xlsx"])
      expect(ok(unpackWorkbook(fs.readFileSync(path.join(fixtures, f)), "xlsx"))).toBe(true);
    expect(unpackWorkbook(fs.readFileSync(path.join(fixtures, "legacy.xls")), "xls")).toBeUndefined();
  });

  it("count what a part unpacks to, never what its headers declare", () => {
    const parts = unpackWorkbook(zipDeclaring(0xfffffff0), "xlsx");
    expect(Array.isArray(parts) && parts.map((p) => [p.name, Buffer.from(p.data).toString()])).toEqual([
      ["xl/workbook.xml", "<workbook/>"],
    ]);
    // 8 MB of zeros deflate to about 8 KB; declared as 11 bytes.
    const zeros = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const one = unpackWorkbook(zipDeclaring(11, { data: Buffer.from(zeros), deflated: true }), "xlsx");
    expect(Array.isArray(one) && one[0].data.length).toBe(8 * 1024 * 1024);
  });

  it("refuse, streamed, a ZIP that lists one small part over and over until it unpacks past the cap", () => {
    const zeros = Buffer.from(deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 }));
    const entries = maxUnpackedBytes / (8 * 1024 * 1024) + 1;
    const bomb = zipDeclaring(11, { data: zeros, deflated: true, entries });
    expect(bomb.length).toBeLessThan(100_000);
    expect(unpackWorkbook(bomb, "xlsx")).toBe(tooLarge);
  });

  it("refuse a ZIP whose 'entries on this disk' and 'total entries' disagree (one reader's count bypassed the other's)", () => {
    const zeros = Buffer.from(deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 }));
    const bypass = zipDeclaring(11, { data: zeros, deflated: true, entries: 50, onDisk: 50, total: 1 });
    expect(unpackWorkbook(bypass, "xlsx")).toBe(
      "工作簿使用了不支持的 ZIP64 或分卷格式：请在 Excel 或 WPS 中另存为 .xlsx 后再发送",
    );
  });

  it("refuse a file larger than the size limit, of either kind", () => {
    const big = new Uint8Array(maxWorkbookBytes + 1);
    expect(unpackWorkbook(big, "xls")).toBe("工作簿有 50.0 MB，超过上限 50 MB：请删去无关的工作表或拆成几个文件");
  });
});
