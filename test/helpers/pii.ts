// Looking for personal data (student ids, names) in published files and in the warehouse, in every
// spelling a file may carry it: UTF-8, UTF-16, GB18030, JSON/JS escapes, URL encoding, HTML entities,
// inside zip containers (xlsx) and compressed PDF streams.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { DuckDBConnection } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { queryRows } from "../../pipelines/lib/warehouse.ts";

export interface Finding {
  /** File (and entry inside a container), or `table.column` for the warehouse. */
  where: string;
  value: string;
  /** Which spelling matched. */
  form: string;
}

const hex4 = (c: number) => c.toString(16).padStart(4, "0");
const utf16Units = (s: string) => [...Array(s.length).keys()].map((i) => s.charCodeAt(i));

/** The byte sequences under which a value may be stored. */
export function spellings(value: string): { form: string; bytes: Buffer }[] {
  const forms: [string, string | Buffer][] = [
    ["utf-8", value],
    ["utf-16le", Buffer.from(value, "utf16le")],
    ["gb18030", iconv.encode(value, "gb18030")],
    [
      "json escape",
      utf16Units(value)
        .map((c) => (c < 0x80 ? String.fromCharCode(c) : `\\u${hex4(c)}`))
        .join(""),
    ],
    [
      "JSON ESCAPE",
      utf16Units(value)
        .map((c) => (c < 0x80 ? String.fromCharCode(c) : `\\u${hex4(c).toUpperCase()}`))
        .join(""),
    ],
    ["url encoding", encodeURIComponent(value)],
    ["url encoding (lower case)", encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ["html entity", [...value].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : `&#${ch.codePointAt(0)};`)).join("")],
    [
      "html hex entity",
      [...value].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : `&#x${ch.codePointAt(0)!.toString(16)};`)).join(""),
    ],
  ];
  if (/[a-z]/i.test(value)) forms.push(["lower case", value.toLowerCase()], ["upper case", value.toUpperCase()]);
  const seen = new Set<string>();
  return forms
    .map(([form, v]) => ({ form, bytes: Buffer.isBuffer(v) ? v : Buffer.from(v, "utf8") }))
    .filter(({ bytes }) => !seen.has(bytes.toString("hex")) && seen.add(bytes.toString("hex")));
}

/** Entries of a zip file (xlsx, docx, zip): name → uncompressed bytes. Stored and deflated entries only. */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return entries;
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0 && zip.readUInt32LE(at) === 0x02014b50; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? zlib.inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return entries;
}

/** The streams of a PDF, inflated where they are Flate-compressed. */
export function pdfStreams(pdf: Buffer): Buffer[] {
  const streams: Buffer[] = [];
  const text = pdf.toString("latin1");
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const stop = text.indexOf("endstream", start);
    if (stop < 0) break;
    const data = pdf.subarray(start, stop);
    try {
      streams.push(zlib.inflateSync(data));
    } catch {
      streams.push(data);
    }
  }
  return streams;
}

/** Every spelling of every value found in the bytes, looking inside zip entries, gzip and PDF streams. */
export function scanBytes(where: string, bytes: Buffer, values: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const value of values) {
    for (const { form, bytes: needle } of spellings(value)) {
      if (bytes.includes(needle)) findings.push({ where, value, form });
    }
  }
  const parts: [string, Buffer][] = [];
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    for (const [name, entry] of zipEntries(bytes)) parts.push([`${where}!${name}`, entry]);
  } else if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    parts.push([`${where}!gunzip`, zlib.gunzipSync(bytes)]);
  } else if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    pdfStreams(bytes).forEach((s, i) => parts.push([`${where}!stream${i}`, s]));
  }
  for (const [name, part] of parts) findings.push(...scanBytes(name, part, values));
  return findings;
}

/** Scans every file under `dir` (paths relative to it in the findings). */
export function scanFolder(dir: string, values: string[]): Finding[] {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return files.flatMap((e) => {
    const file = path.join(e.parentPath, e.name);
    return scanBytes(path.relative(dir, file), fs.readFileSync(file), values);
  });
}

/** Every table and view of the warehouse whose rows, read as text, hold a spelling of one of the values. */
export async function scanWarehouse(connection: DuckDBConnection, values: string[]): Promise<Finding[]> {
  const tables = await queryRows<{ name: string }>(
    connection,
    `select table_name as name from duckdb_tables() where database_name = current_database()
     union all
     select view_name from duckdb_views() where database_name = current_database() and not internal
     order by name`,
  );
  const needles = values.flatMap((value) =>
    spellings(value)
      .filter(({ form }) => !["utf-16le", "gb18030", "lower case", "upper case"].includes(form))
      .map(({ form, bytes }) => ({ value, form, text: bytes.toString("utf8").toLowerCase() })),
  );
  const findings: Finding[] = [];
  for (const { name } of tables) {
    const counts = needles.map((_, i) => `count(*) filter (where contains(row_text, $n${i}))::integer as n${i}`);
    const params = Object.fromEntries(needles.map((n, i) => [`n${i}`, n.text]));
    const [row] = await queryRows<Record<string, number>>(
      connection,
      `select ${counts.join(", ")} from (select lower(t::varchar) as row_text from "${name}" as t)`,
      params,
    );
    needles.forEach((n, i) => {
      if (row[`n${i}`] > 0) findings.push({ where: name, value: n.value, form: `${n.form}, ${row[`n${i}`]} rows` });
    });
  }
  return findings;
}
