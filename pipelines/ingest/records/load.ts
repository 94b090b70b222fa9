// Reading, judging and storing a records file in DuckDB: one pass of read_csv into a typed table
// (file order, so rowid gives the line) that judges every rule but duplicate keys, a pass over key hashes for
// those, then one transaction that stores the accepted rows (the student id as its salted hash, the
// name nowhere) with the rejects — their reasons written by validate.ts (reasons.ts) — and
// the log entry. DuckDB works within a fixed memory limit and spills beyond it, and no step holds
// the file or an index of its lines in memory: memory does not grow with the file. Each step is
// timed (steps.ts).
import type { DuckDBConnection } from "@duckdb/node-api";
import { gradeSectionPairs, stageSectionPairs } from "../../lib/codes.ts";
import { personalColumns, type Dataset } from "../../lib/seeds.ts";
import { hashedName, storedColumns } from "../../lib/schema.ts";
import { queryRows } from "../../lib/warehouse.ts";
import type { HeaderMap } from "../header.ts";
import { beyondNote } from "../read.ts";
import { explainRejects, linesOfFile } from "./reasons.ts";
import { createCellMacros, lit } from "../sql/cells.ts";
import { cellNames, registeredName, registryTypes as typesOf, rules, typedSelect } from "../sql/rules.ts";
import { stepTimer } from "../steps.ts";
import { inTransaction, supersede, writeLog, writeRejects, type LogEntry } from "../store.ts";
import type { References } from "../validate.ts";

/**
 * DuckDB's memory while it loads a records file (the warehouse's own limit comes back after): beyond
 * it the typed copy and the key hashes spill to the temp directory beside the warehouse (<db>.tmp).
 * At 10 million rows 256 MB loads as fast as 512 MB (CPU time within the runs' noise) with a peak
 * about 0.2 GB lower, so the peak at 10 million rows stays within 1.3 times the peak at 2 million.
 */
export const recordsMemoryLimit = "256MB";

export interface SqlOutcome {
  entry: LogEntry;
  loadId: number;
  reasons: Record<string, number>;
}

export interface RecordsSource {
  ds: Dataset;
  header: HeaderMap;
  /** Physical line of the header; data rows follow it, one a line. */
  headerLine: number;
  /** The UTF-8 file DuckDB reads. */
  file: string;
  delimiter: string;
  salt: string;
  references: References;
}

/** The registry as ENUM types (sql/rules.ts registryTypes): school codes, school × grade taught, names. */
async function registryTypes(connection: DuckDBConnection): Promise<boolean> {
  const pairs = (list: [string, string][]) => list.map(([a, b]) => `(${lit(a)}, ${lit(b)})`);
  const stageSections = pairs(stageSectionPairs());
  const gradeSections = pairs(gradeSectionPairs());
  const { scratch, schools, taught, names, named } = typesOf;
  const [{ n }] = await queryRows<{ n: number }>(connection, "select count(school_id)::integer as n from schools");
  await connection.run(`attach if not exists ':memory:' as ${scratch}`);
  await connection.run(`drop type if exists ${schools}`);
  await connection.run(`drop type if exists ${taught}`);
  await connection.run(`drop type if exists ${names}`);
  await connection.run(`drop type if exists ${named}`);
  if (!n) return false;
  await connection.run(
    `create type ${schools} as enum (select distinct school_id from schools where school_id is not null)`,
  );
  await connection.run(`create type ${taught} as enum (
    select distinct s.school_id || chr(31) || g.grade from schools s
    join (values ${stageSections.join(", ")}) ss(stage, section) on s.stage = ss.stage
    join (values ${gradeSections.join(", ")}) g(grade, section) on g.section = ss.section
    where s.school_id is not null)`);
  const name = registeredName("name");
  await connection.run(`create type ${names} as enum (
    select distinct ${name} from schools where school_id is not null and name is not null)`);
  await connection.run(`create type ${named} as enum (
    select distinct school_id || chr(31) || ${name} from schools where school_id is not null and name is not null)`);
  return true;
}

/**
 * Accepted rows whose key an earlier accepted row of the file has: rejected, with that row
 * (table `duplicated`: row → first_row, rowids). A 64-bit hash finds the few candidates: of the
 * student id alone when the key holds one (rows with the same key have the same id; one column
 * hashes and groups in half the time of the whole key), else of the key. Among the candidates the
 * whole key decides. The typed table is not updated (a pass over the whole spilled table): the few
 * rows are left out of the stored rows and added to the verdicts by their rowid.
 */
async function findDuplicates(connection: DuckDBConnection, ds: Dataset): Promise<void> {
  const keys = ds.key.map((k) => `t_${k}`).join(", ");
  const id = personalColumns(ds).find((c) => c.personal === "hash" && ds.key.includes(c.column));
  const sieve = id ? `t_${id.column}` : keys;
  await connection.run(`create or replace temp table duplicated as
    with clashing as (select hash(${sieve}) as h from typed where rule_no is null group by h having count(*) > 1),
    candidates as (select rowid as row, min(rowid) over (partition by ${keys}) as first_row from typed
      where rule_no is null and hash(${sieve}) in (select h from clashing))
    select row, first_row from candidates where row > first_row`);
}

/**
 * Inserts the accepted rows; the rows they supersede (store.ts) move to history.
 * `meanwhile` runs on this thread while DuckDB inserts; its result is returned.
 */
async function storeAccepted<T>(
  connection: DuckDBConnection,
  src: RecordsSource,
  loadId: number,
  sourceFile: string,
  meanwhile: () => T,
): Promise<T> {
  const { ds, headerLine, salt } = src;
  const hashed = personalColumns(ds).find((c) => c.personal === "hash");
  const cols = storedColumns(ds);
  const values = cols.map((c) => (c.name === hashedName ? `sha256($salted || t_${hashed!.column})` : `t_${c.name}`));
  const [{ earlier }] = await queryRows<{ earlier: boolean }>(
    connection,
    `select exists (select 1 from "${ds.name}") as earlier`,
  );
  // The rows carry their line: the table may take them in any order, on every thread.
  await connection.run("set preserve_insertion_order = false");
  let result: T;
  try {
    const inserted = connection.run(
      `insert into "${ds.name}" (${cols.map((c) => `"${c.name}"`).join(", ")}, load_id, source_file, source_line)
      select ${values.join(", ")}, ${loadId}, ${lit(sourceFile)}, ${headerLine + 1} + rowid from typed
      where rule_no is null and rowid not in (select row from duplicated)`,
      // hashStudentId's sha256(salt:id), the salt and its colon bound once rather than joined on every row.
      { salted: `${salt}:` } as never,
    );
    try {
      result = meanwhile();
    } finally {
      await inserted;
    }
  } finally {
    // Fails too in a transaction aborted by a failed insert (a full disk): the insert's error is the one to tell.
    await connection.run("reset preserve_insertion_order").catch(() => {});
  }
  if (!earlier) return result;
  await supersede(connection, ds, loadId, `(select * from "${ds.name}" where load_id = ${loadId})`);
  return result;
}

export async function loadRecords(
  connection: DuckDBConnection,
  src: RecordsSource,
  base: Omit<LogEntry, "rows_read" | "rows_loaded" | "rows_rejected" | "status" | "message">,
): Promise<SqlOutcome> {
  const step = stepTimer();
  const { ds, header, headerLine } = src;
  await createCellMacros(connection);
  const list = rules(ds, header, personalColumns(ds), await registryTypes(connection));
  const columns = cellNames(header).map((c) => `${lit(c)}: 'VARCHAR'`);
  // No null string: an empty cell is '', a cell beyond the end of a short row is NULL.
  const reader = `read_csv(${lit(src.file)}, skip = ${headerLine}, header = false, all_varchar = true,
    null_padding = true, strict_mode = false, auto_detect = false, nullstr = chr(1),
    delim = ${lit(src.delimiter)}, quote = '"', escape = '"', columns = {${columns.join(", ")}})`;
  try {
    // The typed table keeps the file's order: a row's rowid + 1 is its number below the header.
    await connection.run("set preserve_insertion_order = true");
    // A city's file outgrows memory: spilled beyond this, memory stays flat however many rows it has.
    await connection.run(`set memory_limit = ${lit(recordsMemoryLimit)}`);
    await connection.run(
      `create or replace temp table typed as ${typedSelect(ds, header, personalColumns(ds), list, reader)}`,
    );
    step("records_typed");
    await findDuplicates(connection, ds);
    step("records_duplicates");
    const verdicts = await queryRows<{ line: number; rule: number; first: number | null }>(
      connection,
      `select ${headerLine + 1} + rowid::integer as line, rule_no as rule, null::integer as first from typed where rule_no >= 0
       union all
       select ${headerLine + 1} + row::integer, ${list.length - 1}, ${headerLine + 1} + first_row::integer from duplicated
       order by line`,
    );
    const [{ read, beyond }] = await queryRows<{ read: number; beyond: number }>(
      connection,
      `select count(*) filter (where rule_no is distinct from -1)::integer as read,
         count(*) filter (where beyond_header and rule_no is distinct from -1)::integer as beyond from typed`,
    );
    const beyondLines = beyond
      ? await queryRows<{ line: number }>(
          connection,
          `select ${headerLine + 1} + rowid::integer as line from typed
           where beyond_header and rule_no is distinct from -1 order by rowid limit 20`,
        )
      : [];
    const note = beyondNote(
      beyondLines.map((r) => r.line),
      beyond,
      header.cells.length,
    );
    const { loadId, entry, rejects } = await inTransaction(connection, async (loadId) => {
      // While DuckDB stores the accepted rows, this thread writes the reasons of the rejected ones.
      const rejects = await storeAccepted(connection, src, loadId, base.source_file, () =>
        explainRejects(
          verdicts.map((v) => ({ line: v.line, code: list[v.rule].code, firstLine: v.first })),
          src,
          linesOfFile(
            src.file,
            verdicts.map((v) => v.line),
          ),
        ),
      );
      step("records_stored");
      const entry: LogEntry = {
        ...base,
        rows_read: read,
        rows_loaded: read - rejects.length,
        rows_rejected: rejects.length,
        status: "loaded",
        message: note ?? null,
      };
      await writeRejects(connection, loadId, ds.name, base.source_file, rejects);
      await writeLog(connection, loadId, entry);
      return { loadId, entry, rejects };
    });
    step("records_committed");
    const reasons: Record<string, number> = {};
    for (const r of rejects) reasons[r.code] = (reasons[r.code] ?? 0) + 1;
    return { entry, loadId, reasons };
  } finally {
    // Temp tables, gone with the connection anyway: a failure here must not hide the error that got us here.
    await connection.run("drop table if exists typed").catch(() => {});
    await connection.run("drop table if exists duplicated").catch(() => {});
    await connection.run("reset memory_limit").catch(() => {});
  }
}
