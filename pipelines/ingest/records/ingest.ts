// Student-level records at DuckDB speed: which files DuckDB's own CSV reader may read (one record
// a line, UTF-8 or converted to it); load.ts reads, judges and stores them. A UTF-8 file is
// never held whole: its head finds the header, a scan a chunk at a time checks its lines.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset } from "../../lib/seeds.ts";
import { findHeader } from "../header.ts";
import { loadRecords, type SqlOutcome } from "./load.ts";
import type { LogEntry } from "../store.ts";
import { readRecords, sniffDelimiter } from "../table.ts";
import type { References } from "../validate.ts";

/** How much of a records file's head is read to find its encoding, header and delimiter. */
export const recordsHeadBytes = 64 * 1024;

interface Source {
  /** The converted UTF-8 text (other encodings), written to a temp file for DuckDB. */
  converted?: string;
  encoding: string;
  text: (n?: number) => string;
}

/**
 * UTF-8 (BOM or valid head) is read in place from its head; a file in another encoding is read whole,
 * once, to convert it to a UTF-8 temp file.
 */
function utf8Source(head: Buffer, absolute: string): Source | undefined {
  const size = fs.statSync(absolute).size;
  const whole = () => (head.length >= size ? head : fs.readFileSync(absolute));
  if (head[0] === 0xff && head[1] === 0xfe) {
    const text = new TextDecoder("utf-16le").decode(whole());
    return { converted: text, encoding: "utf-16le", text: () => text };
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    const cut = head.length < size ? head.subarray(0, head.lastIndexOf(0x0a) + 1) : head;
    utf8.decode(cut);
    return {
      encoding: "utf-8",
      text: (n = recordsHeadBytes) => new TextDecoder("utf-8").decode(head.subarray(0, Math.min(head.length, n))),
    };
  } catch {
    try {
      const text = new TextDecoder("gb18030", { fatal: true }).decode(whole());
      return { converted: text, encoding: "gb18030", text: () => text };
    } catch {
      return undefined;
    }
  }
}

/**
 * Physical line numbers are record numbers only when no cell is quoted, no blank line sits inside
 * and every carriage return ends a line (the exact reader breaks lines at a lone CR too). The body
 * (from byte `from` of the file, trailing whitespace aside) is scanned a chunk at a time; chunks
 * overlap by two bytes so that no pattern is missed at their seams.
 */
function linesAreRecords(file: string, from: number): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(8, Math.max(0, size - from)));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    const end = size - (tail.toString("latin1").match(/\s*$/)?.[0].length ?? 0);
    const chunk = Buffer.allocUnsafe(8 * 1024 * 1024);
    for (let at = from; at < end;) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at);
      // A CR at a chunk's end is judged with the next chunk, which holds the byte after it.
      const body = chunk.subarray(0, at + n < end && chunk[n - 1] === 0x0d ? n - 1 : n);
      if (body.indexOf(0x22) >= 0 || body.indexOf("\n\n") >= 0 || body.indexOf("\n\r\n") >= 0) return false;
      if (body.indexOf(0x0d) >= 0 && /\r(?!\n)/.test(body.toString("latin1"))) return false;
      if (at + n >= end) break;
      at += Math.max(1, body.length - 2);
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Loads a records file through DuckDB. Returns undefined when the file needs the exact reader
 * (quoted cells, blank lines inside, no header found), which then reads it instead.
 */
export async function ingestRecordsBySql(
  connection: DuckDBConnection,
  ds: Dataset,
  /** The file's first bytes (recordsHeadBytes, or more). */
  head: Buffer,
  base: Pick<LogEntry, "source_file" | "sha256" | "dataset">,
  absolute: string,
  salt: string,
  references: References,
): Promise<SqlOutcome | undefined> {
  const source = utf8Source(head, absolute);
  if (!source) return undefined;
  const records = readRecords(source.text());
  const header = findHeader(records, ds);
  if (!header || header.missingRequired.length) return undefined;
  const headerLine = records[header.index].line;
  let file = absolute;
  let cleanup = () => {};
  let utf8Head = head;
  if (source.converted !== undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "records-"));
    file = path.join(dir, "utf8.csv");
    utf8Head = Buffer.from(source.converted);
    fs.writeFileSync(file, utf8Head);
    cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    const headerEnd = nthLineEnd(utf8Head, headerLine);
    // A header beyond the head read: the exact reader finds it.
    if (headerEnd === undefined || !linesAreRecords(file, headerEnd)) return undefined;
    const delimiter = sniffDelimiter(source.text());
    return await loadRecords(
      connection,
      { ds, header, headerLine, file, delimiter, salt, references },
      {
        ...base,
        encoding: source.encoding,
      },
    );
  } finally {
    cleanup();
  }
}

/** The byte after the end of line `n` (its newline), or the end of `bytes` when it has no newline. */
function nthLineEnd(bytes: Buffer, n: number): number | undefined {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = bytes.indexOf(0x0a, at + 1);
    if (at < 0) return i === n - 1 ? bytes.length : undefined;
  }
  return at + 1;
}
