// Student-level records at DuckDB speed: which files DuckDB's own CSV reader may read (one record
// a line, UTF-8 or converted to it); recordsLoad.ts reads, judges and stores them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset } from "../lib/registry.ts";
import { findHeader } from "./header.ts";
import { loadRecords, type SqlOutcome } from "./recordsLoad.ts";
import type { LogEntry } from "./store.ts";
import { readRecords, sniffDelimiter } from "./table.ts";
import type { Registry } from "./validate.ts";

const headBytes = 64 * 1024;

/** UTF-8 (BOM or valid head) is read in place; other encodings are copied to a UTF-8 temp file. */
function utf8Source(bytes: Buffer): { file?: string; encoding: string; text: (n?: number) => string } | undefined {
  const head = (n = headBytes) => bytes.subarray(0, Math.min(bytes.length, n));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder("utf-16le").decode(bytes);
    return { encoding: "utf-16le", text: () => text };
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    const h = head();
    const cut = h.length < bytes.length ? h.subarray(0, h.lastIndexOf(0x0a) + 1) : h;
    utf8.decode(cut);
    return { encoding: "utf-8", text: (n) => new TextDecoder("utf-8").decode(head(n)) };
  } catch {
    try {
      const text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      return { encoding: "gb18030", text: () => text };
    } catch {
      return undefined;
    }
  }
}

/**
 * Physical line numbers are record numbers only when no cell is quoted, no blank line sits inside
 * and every carriage return ends a line (the exact reader breaks lines at a lone CR too).
 */
function linesAreRecords(body: Buffer): boolean {
  const trimmed = body.subarray(
    0,
    body.length - (body.toString("latin1", Math.max(0, body.length - 8)).match(/\s*$/)?.[0].length ?? 0),
  );
  if (trimmed.indexOf(0x22) >= 0 || trimmed.indexOf("\n\n") >= 0 || trimmed.indexOf("\n\r\n") >= 0) return false;
  for (let at = trimmed.indexOf(0x0d); at >= 0; at = trimmed.indexOf(0x0d, at + 1))
    if (trimmed[at + 1] !== 0x0a) return false;
  return true;
}

/**
 * Loads a records file through DuckDB. Returns undefined when the file needs the exact reader
 * (quoted cells, blank lines inside, no header found), which then reads it instead.
 */
export async function ingestRecordsBySql(
  connection: DuckDBConnection,
  ds: Dataset,
  bytes: Buffer,
  base: Pick<LogEntry, "source_file" | "sha256" | "dataset">,
  absolute: string,
  salt: string,
  registry: Registry,
): Promise<SqlOutcome | undefined> {
  const source = utf8Source(bytes);
  if (!source) return undefined;
  const records = readRecords(source.text());
  const header = findHeader(records, ds);
  if (!header || header.missingRequired.length) return undefined;
  const headerLine = records[header.index].line;
  let file = absolute;
  let cleanup = () => {};
  if (source.encoding !== "utf-8") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "records-"));
    file = path.join(dir, "utf8.csv");
    fs.writeFileSync(file, source.text());
    cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    const utf8 = source.encoding === "utf-8" ? bytes : fs.readFileSync(file);
    const headerEnd = nthLineEnd(utf8, headerLine);
    if (!linesAreRecords(utf8.subarray(headerEnd))) return undefined;
    const delimiter = sniffDelimiter(source.text());
    return await loadRecords(
      connection,
      { ds, header, headerLine, file, utf8, delimiter, salt, registry },
      {
        ...base,
        encoding: source.encoding,
      },
    );
  } finally {
    cleanup();
  }
}

function nthLineEnd(bytes: Buffer, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = bytes.indexOf(0x0a, at + 1);
    if (at < 0) return bytes.length;
  }
  return at + 1;
}
