// Limits on a workbook before any parser sees it: the file's size and, for .xlsx (a ZIP), the size its
// parts unpack to (a "zip bomb" is a small file that unpacks to gigabytes). Sizes are measured by
// unpacking each part with a cap, never taken from the ZIP's own (forgeable) headers alone.
import zlib from "node:zlib";
import { readDictionary, type Dataset } from "../lib/registry.ts";

/** Largest workbook file read (bytes). */
export const maxWorkbookBytes = 50 * 1024 * 1024;
/** Largest total size the parts of an .xlsx may unpack to (bytes). */
export const maxUnpackedBytes = 200 * 1024 * 1024;
const maxParts = 10_000;

/**
 * Columns read beyond a dataset's dictionary columns (a school's own 序号 or 备注 columns, a table that
 * starts in column C). Cells further right are not read, and the log names their rows.
 */
export const columnMargin = 26;

/** How many columns of a sheet holding `ds` are read, from column A. */
export const columnsRead = (ds: Dataset) => ds.columns.length + columnMargin;

let widest: number | undefined;
/** Columns read of a sheet whose dataset is not yet known: the widest dataset's. */
export function widestColumns(datasets?: Map<string, Dataset>): number {
  if (datasets) return Math.max(...[...datasets.values()].map(columnsRead));
  return (widest ??= widestColumns(readDictionary()));
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** A Chinese sentence saying why the workbook is refused, or undefined when it is within the limits. */
export function workbookLimitProblem(bytes: Uint8Array, kind: "xlsx" | "xls"): string | undefined {
  if (bytes.length > maxWorkbookBytes)
    return `工作簿有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${mb(maxWorkbookBytes)}：请删去无关的工作表或拆成几个文件`;
  return kind === "xlsx" ? zipProblem(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)) : undefined;
}

const damaged = "工作簿已损坏（ZIP 结构不完整），无法读取：请在 Excel 或 WPS 中打开后重新保存";

function endOfCentralDirectory(buf: Buffer): number {
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 65_535); at--)
    if (buf.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

function zipProblem(buf: Buffer): string | undefined {
  const end = endOfCentralDirectory(buf);
  if (end < 0) return damaged;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff)
    return "工作簿使用了不支持的 ZIP64 格式：请在 Excel 或 WPS 中另存为 .xlsx 后再发送";
  if (count > maxParts) return `工作簿含 ${count} 个部件，超过上限 ${maxParts}，不像是报表`;
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return damaged;
    const method = buf.readUInt16LE(at + 10);
    const packedSize = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    unpacked += declared;
    if (unpacked > maxUnpackedBytes) return tooLarge();
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return damaged;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packedSize > buf.length) return damaged;
    if (method === 0) continue;
    if (method !== 8) return "工作簿使用了不支持的压缩方式：请在 Excel 或 WPS 中另存为 .xlsx 后再发送";
    // The declared size may lie: unpack, stopping at what is left of the allowance.
    let actual: number;
    try {
      actual = zlib.inflateRawSync(buf.subarray(start, start + packedSize), {
        maxOutputLength: maxUnpackedBytes - (unpacked - declared) + 1,
      }).length;
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooLarge();
      return damaged;
    }
    unpacked += actual - declared;
    if (unpacked > maxUnpackedBytes) return tooLarge();
  }
  return undefined;
}

function tooLarge(): string {
  return `工作簿解压后超过 ${mb(maxUnpackedBytes)}（可能是恶意构造的压缩文件），拒绝读取`;
}
