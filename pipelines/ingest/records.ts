// Student-level records at DuckDB speed: DuckDB's CSV reader, validation in one set-based pass,
// the same guarantees as the other datasets (rejects with lines and reasons, one transaction).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sectionLabels, sectionsOfGrade, sectionsOfStage } from "../lib/codes.ts";
import type { Dataset } from "../lib/registry.ts";
import { hashedName, storedColumns } from "../lib/schema.ts";
import { queryRows } from "../lib/warehouse.ts";
import { findHeader, type HeaderMap } from "./header.ts";
import { personalColumns } from "./read.ts";
import { lit, macros } from "./sqlCells.ts";
import { judgedSelect, recordJsonSql } from "./sqlRules.ts";
import { inTransaction, replaceFromStage, writeLog, type LogEntry } from "./store.ts";
import { readRecords, sniffDelimiter } from "./table.ts";

export interface SqlOutcome {
  entry: LogEntry;
  loadId: number;
  reasons: Record<string, number>;
}

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

/** Physical line numbers are record numbers only when no cell is quoted and no blank line sits inside. */
function linesAreRecords(body: Buffer): boolean {
  const trimmed = body.subarray(
    0,
    body.length - (body.toString("latin1", Math.max(0, body.length - 8)).match(/\s*$/)?.[0].length ?? 0),
  );
  return trimmed.indexOf(0x22) < 0 && trimmed.indexOf("\n\n") < 0 && trimmed.indexOf("\n\r\n") < 0;
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
    return await loadChecked(connection, ds, header, headerLine, file, sniffDelimiter(source.text()), salt, {
      ...base,
      encoding: source.encoding,
    });
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

async function allowedGrades(connection: DuckDBConnection): Promise<void> {
  const stageSections = Object.entries(sectionsOfStage).flatMap(([stage, secs]) =>
    secs.map((s) => `(${lit(stage)}, ${lit(s)})`),
  );
  const grades = ["K1", "K2", "K3", ...Array.from({ length: 12 }, (_, i) => String(i + 1))];
  const gradeSections = grades.flatMap((g) =>
    sectionsOfGrade(g).map((s) => `(${lit(g)}, ${lit(s)}, ${lit(sectionLabels[sectionsOfGrade(g)[0]])})`),
  );
  await connection.run(`create or replace temp table allowed_grades as
    select s.school_id, g.grade from schools s
    join (values ${stageSections.join(", ")}) ss(stage, section) on s.stage = ss.stage
    join (values ${gradeSections.join(", ")}) g(grade, section, label) on g.section = ss.section`);
  await connection.run(`create or replace temp table grade_label as
    select distinct grade, label from (values ${gradeSections.join(", ")}) g(grade, section, label)`);
}

async function loadChecked(
  connection: DuckDBConnection,
  ds: Dataset,
  header: HeaderMap,
  headerLine: number,
  file: string,
  delimiter: string,
  salt: string,
  base: Omit<LogEntry, "rows_read" | "rows_loaded" | "rows_rejected" | "status" | "message">,
): Promise<SqlOutcome> {
  for (const m of macros) await connection.run(m);
  await allowedGrades(connection);
  const width = header.cells.length;
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const reader = `read_csv(${lit(file)}, skip = ${headerLine}, header = false, all_varchar = true, null_padding = true,
    strict_mode = false, auto_detect = false, delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${columns}})`;
  await connection.run(
    `create or replace temp table checked as ${judgedSelect(ds, header, reader, personalColumns(ds))}`,
    { salt } as never,
  );
  const personal = personalColumns(ds);
  const keyCols = ds.key.map((k) => (personal.some((c) => c.column === k) ? hashedName : `t_${k}`)).join(", ");
  const keyNames = ds.key.map((k) => ds.columns.find((c) => c.column === k)!.zhHeader).join("、");
  await connection.run(`update checked set reason_code = 'duplicate_key',
      reason = ${lit(keyNames)} || '与第 ' || (${headerLine} + d.first_rn) || ' 行相同（重复）'
    from (select rn, first_value(rn) over w as first_rn, row_number() over w as k from checked
          where reason_code is null window w as (partition by ${keyCols} order by rn)) d
    where checked.rn = d.rn and d.k > 1`);
  const outcome = await inTransaction(connection, async (loadId) => {
    const stored = storedColumns(ds).map((c) => (c.name === hashedName ? hashedName : `t_${c.name} as "${c.name}"`));
    await connection.run(`create or replace temp table stage as
      select ${stored.join(", ")}, ${loadId} as load_id, ${lit(base.source_file)} as source_file,
        (${headerLine} + rn)::integer as source_line from checked where reason_code is null`);
    await replaceFromStage(connection, ds, loadId);
    await connection.run(`insert into rejects select ${loadId}, ${lit(ds.name)}, ${lit(base.source_file)}, ${headerLine} + rn,
      reason_code, reason, ${recordJsonSql(header, personalColumns(ds))} from checked where reason_code is not null order by rn`);
    const counts = await queryRows<{ code: string | null; n: number }>(
      connection,
      "select reason_code as code, count(*)::integer as n from checked group by all",
    );
    const reasons: Record<string, number> = {};
    for (const c of counts) if (c.code) reasons[c.code] = c.n;
    const rowsRead = counts.reduce((t, c) => t + c.n, 0);
    const rejected = Object.values(reasons).reduce((t, n) => t + n, 0);
    const entry: LogEntry = {
      ...base,
      rows_read: rowsRead,
      rows_loaded: rowsRead - rejected,
      rows_rejected: rejected,
      status: "loaded",
      message: null,
    };
    await writeLog(connection, loadId, entry);
    return { entry, loadId, reasons };
  });
  await connection.run("drop table if exists checked");
  return outcome;
}
