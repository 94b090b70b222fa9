// Limits on a workbook before any parser sees it: the file's size and, for .xlsx (a ZIP), the size its
// parts unpack to (a "zip bomb" is a small file that unpacks to gigabytes). Each part is unpacked here,
// streamed, with a running count and a hard cap; the parser reads these parts, not the ZIP.
import { Inflate } from "fflate";
import { readDictionary, type Dataset } from "../../lib/seeds.ts";

/** Largest workbook file read (bytes). */
export const maxWorkbookBytes = 50 * 1024 * 1024;
/** Largest total size the parts of an .xlsx may unpack to (bytes). */
export const maxUnpackedBytes = 100 * 1024 * 1024;
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

/** The parts of an .xlsx as unpacked here, in the order of the ZIP's central directory. */
export type UnpackedParts = { name: string; data: Uint8Array }[];

/**
 * The workbook's parts, unpacked here under the limits, or a Chinese sentence saying why it is refused.
 * For an .xlsx the parser is then given these parts, never the ZIP itself: what is parsed is exactly
 * what was counted, whatever the ZIP's headers (entries on this disk, total entries, sizes) claim.
 */
export function unpackWorkbook(bytes: Uint8Array, kind: "xlsx" | "xls"): UnpackedParts | string | undefined {
  if (bytes.length > maxWorkbookBytes)
    return `工作簿有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${mb(maxWorkbookBytes)}：请删去无关的工作表或拆成几个文件`;
  return kind === "xlsx" ? unpackZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)) : undefined;
}

const damaged = "工作簿已损坏（ZIP 结构不完整），无法读取：请在 Excel 或 WPS 中打开后重新保存";
const zip64 = "工作簿使用了不支持的 ZIP64 或分卷格式：请在 Excel 或 WPS 中另存为 .xlsx 后再发送";

function endOfCentralDirectory(buf: Buffer): number {
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 65_535); at--)
    if (buf.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

/** Compressed bytes pushed to the inflater at a time: one push unpacks to at most about 1,032 times this. */
const pushBytes = 16 * 1024;

/** Inflates `packed`, streamed, stopping as soon as more than `allowance` bytes came out. */
function inflateCapped(packed: Uint8Array, allowance: number): Uint8Array | "too_large" | "damaged" {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= allowance) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < packed.length && size <= allowance && !ended; at += pushBytes)
      inflater.push(packed.subarray(at, at + pushBytes), at + pushBytes >= packed.length);
  } catch {
    return "damaged";
  }
  if (size > allowance) return "too_large";
  if (!ended) return "damaged";
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

function unpackZip(buf: Buffer): UnpackedParts | string {
  const end = endOfCentralDirectory(buf);
  if (end < 0) return damaged;
  const [disk, cdDisk, onDisk, total] = [4, 6, 8, 10].map((o) => buf.readUInt16LE(end + o));
  let at = buf.readUInt32LE(end + 16);
  // One disk, one count: a ZIP whose two entry counts disagree is read by no count at all.
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total || total === 0xffff || at === 0xffffffff) return zip64;
  if (total > maxParts) return `工作簿含 ${total} 个部件，超过上限 ${maxParts}，不像是报表`;
  const parts: UnpackedParts = [];
  let unpacked = 0;
  for (let i = 0; i < total; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return damaged;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const packedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (flags & 0x41) return "工作簿设有打开密码（已加密），无法读取：请取消密码后再发送";
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return damaged;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packedSize > buf.length) return damaged;
    const packed = buf.subarray(start, start + packedSize);
    let data: Uint8Array;
    if (method === 0) data = packed;
    else if (method === 8) {
      const inflated = inflateCapped(packed, maxUnpackedBytes - unpacked);
      if (inflated === "too_large") return tooLarge();
      if (inflated === "damaged") return damaged;
      data = inflated;
    } else return "工作簿使用了不支持的压缩方式：请在 Excel 或 WPS 中另存为 .xlsx 后再发送";
    unpacked += data.length;
    if (unpacked > maxUnpackedBytes) return tooLarge();
    if (!name.endsWith("/")) parts.push({ name, data });
  }
  return parts;
}

function tooLarge(): string {
  return `工作簿解压后超过 ${mb(maxUnpackedBytes)}（可能是恶意构造的压缩文件），拒绝读取`;
}
