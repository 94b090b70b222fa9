// Reading one file, without touching the warehouse: decode, find the header, validate every row.
import { personalColumns, type Column, type Dataset } from "../lib/seeds.ts";
import { maskPersonal } from "../lib/personal.ts";
import { hashStudentId } from "../lib/salt.ts";
import { hashedName } from "../lib/schema.ts";
import { normaliseText } from "./cells.ts";
import { decode, workbookKind } from "./decode.ts";
import { describeColumn, findHeader, type HeaderMap } from "./header.ts";
import { isBlank, readRecordsFitting, type RawRecord } from "./table.ts";
import { RowValidator, recordJson, type GoodRow, type References, type Reject } from "./validate.ts";

export type ReadResult =
  | { ok: false; encoding: string | null; message: string }
  | {
      ok: true;
      encoding: string;
      rows: GoodRow[];
      rejects: Reject[];
      rowsRead: number;
      header?: HeaderMap;
      /** What was read but not kept (fields beyond the header), in Chinese, for the log. */
      note?: string;
    };

function parseText(text: string, ds: Dataset): RawRecord[] | string {
  try {
    return readRecordsFitting(text, (records) => findHeader(records, ds) !== undefined);
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return `无法解析 CSV${e.lines ? `（第 ${e.lines} 行附近）` : ""}：引号不成对或格式有误`;
  }
}

export function readDataFile(bytes: Uint8Array, ds: Dataset, references: References, salt: string): ReadResult {
  const workbook = workbookKind(bytes);
  if (workbook)
    return {
      ok: false,
      encoding: null,
      // Callers read workbooks with workbook.ts; this guard only keeps binary bytes out of the CSV parser.
      message: `这是 Excel 工作簿（.${workbook}），不是文本文件，应按工作簿读取`,
    };
  const decoded = decode(bytes);
  if (!decoded) return { ok: false, encoding: null, message: "无法识别文件编码（支持 UTF-8、GB18030/GBK、UTF-16）" };
  const records = parseText(decoded.text, ds);
  if (typeof records === "string") return { ok: false, encoding: decoded.encoding, message: records };
  return validateRecords(records, ds, references, salt, decoded.encoding);
}

/** Judges one record: the validator's verdict, or a reader's own (a workbook's formula without a value). */
export type Judge = (rec: RawRecord, validator: RowValidator, header: HeaderMap) => GoodRow | Reject;

/** Finds the header among the records and validates every non-blank record below it (CSV and workbook sheets alike). */
export function validateRecords(
  records: RawRecord[],
  ds: Dataset,
  references: References,
  salt: string,
  encoding: string,
  judge: Judge = (rec, validator) => validator.validate(rec),
): ReadResult {
  const decoded = { encoding };
  if (records.every((r) => isBlank(r.cells)))
    return { ok: false, encoding: decoded.encoding, message: "文件是空的，没有任何数据" };
  const header = findHeader(records, ds);
  if (!header)
    return {
      ok: false,
      encoding: decoded.encoding,
      message: `前 10 行中找不到“${ds.nameZh}”数据集的表头（如 ${ds.columns
        .slice(0, 3)
        .map((c) => c.zhHeader)
        .join("、")}）`,
    };
  if (header.missingRequired.length)
    return {
      ok: false,
      encoding: decoded.encoding,
      message: `第 ${records[header.index].line} 行的表头缺少必填列：${header.missingRequired.map(describeColumn).join("、")}`,
    };
  const validator = new RowValidator(ds, header, references);
  const personal = personalColumns(ds);
  const rows: GoodRow[] = [];
  const rejects: Reject[] = [];
  let rowsRead = 0;
  const width = header.cells.length;
  const beyond: number[] = [];
  for (const rec of records.slice(header.index + 1)) {
    if (isBlank(rec.cells)) continue;
    rowsRead++;
    if (rec.cells.length > width && !isBlank(rec.cells.slice(width))) beyond.push(rec.line);
    const result = judge(rec, validator, header);
    if ("code" in result) rejects.push(personal.length ? redact(result, rec, header, personal, salt) : result);
    else {
      for (const c of personal) {
        const v = result.values[c.column];
        delete result.values[c.column];
        // an id is matched, never shown: hashed in its normalised form, as the SQL reader does
        if (c.personal === "hash")
          result.values[hashedName] = v === null ? null : hashStudentId(salt, normaliseText(String(v)));
      }
      rows.push(result);
    }
  }
  const note = beyondNote(beyond, beyond.length, width);
  return { ok: true, encoding: decoded.encoding, rows, rejects, rowsRead, header, ...(note ? { note } : {}) };
}

/** What the log says of rows with cells beyond the header (the first 20 of `count` lines named), or undefined. */
export function beyondNote(lines: number[], count: number, width: number): string | undefined {
  if (!count) return undefined;
  const more = count > 20 ? ` 等 ${count} 行` : "";
  return `第 ${lines.slice(0, 20).join("、")} 行${more}比表头多出内容（表头共 ${width} 列），多出的内容未读取`;
}

/**
 * A rejected record of a dataset about pupils keeps no readable personal data: only the dictionary's columns
 * (an extra 身份证号 or 家长电话 column is not kept), ids as their salted hash, names removed.
 */
export function redact(reject: Reject, rec: RawRecord, header: HeaderMap, personal: Column[], salt: string): Reject {
  const cells = [...rec.cells];
  for (const c of personal) {
    const i = header.positions.get(c.column);
    if (i === undefined || i >= cells.length) continue;
    const hashed = c.personal === "hash" && cells[i].trim() !== "";
    cells[i] = hashed ? `哈希:${hashStudentId(salt, normaliseText(cells[i])).slice(0, 16)}` : "（已删除）";
  }
  const known = [...header.positions.values()].filter((i) => i < cells.length).sort((a, b) => a - b);
  return {
    ...reject,
    record: recordJson(
      known.map((i) => header.cells[i]),
      known.map((i) => maskPersonal(cells[i])),
    ),
  };
}
