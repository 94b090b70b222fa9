// One ingest run: every file of the input folder, each alone, then the indicators.
import crypto from "node:crypto";
import fs from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sectionsOfStage } from "../lib/codes.ts";
import { classifyFault, faultError, faultLine, megabytes, sizeOf } from "../lib/faults.ts";
import { datasetNames, personalColumns, readDictionary, type Dataset } from "../lib/seeds.ts";
import { readTargetRows } from "../lib/targets.ts";
import { studentIdSalt } from "../lib/salt.ts";
import { ensureSchema } from "../lib/schema.ts";
import { queryRows } from "../lib/warehouse.ts";
import { digestFile, isWorkbookName, listInputFiles, type InputFile } from "./files.ts";
import { workbookKind } from "./decode.ts";
import { LineWatch } from "./lineLimit.ts";
import { readDataFile } from "./read.ts";
import { saltProblem } from "./records/salt.ts";
import { ingestRecordsBySql, recordsHeadBytes } from "./records/ingest.ts";
import { stepTimer } from "./steps.ts";
import { nextLoadId, storeFile, writeLog, type LogEntry } from "./store.ts";
import type { References, Reject } from "./validate.ts";
import { ingestWorkbook } from "./workbook/run.ts";

export interface FileOutcome extends LogEntry {
  load_id: number;
  /** Rejected rows by reason code. */
  reasons: Record<string, number>;
}

/** Datasets read by DuckDB's own CSV reader (large student-level files). */
const readBySql = new Set(["vision_records"]);

function countReasons(rejects: Pick<Reject, "code">[]): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const r of rejects) reasons[r.code] = (reasons[r.code] ?? 0) + 1;
  return reasons;
}

export interface RunOptions {
  input: string;
  isSample: boolean;
  onFile?: (done: number, total: number, outcome: FileOutcome) => void;
}

export async function loadReferences(connection: DuckDBConnection): Promise<References> {
  const rows = await queryRows<{ school_id: string; name: string; stage: string }>(
    connection,
    "select school_id, name, stage from schools",
  );
  const schools = new Map(rows.map((r) => [r.school_id, { name: r.name, sections: sectionsOfStage[r.stage] ?? [] }]));
  return { schools, targets: new Map(readTargetRows().map((t) => [t.target_id, t.unit])) };
}

async function alreadyLoaded(connection: DuckDBConnection, sha256: string): Promise<boolean> {
  const rows = await queryRows(
    connection,
    "select 1 from ingest_log where sha256 = $sha and status = 'loaded' limit 1",
    {
      sha: sha256,
    },
  );
  return rows.length > 0;
}

async function ingestFile(
  connection: DuckDBConnection,
  file: InputFile,
  datasets: Map<string, Dataset>,
  references: References,
  salt: string,
  saltRefused?: string,
): Promise<FileOutcome | FileOutcome[]> {
  const step = stepTimer();
  /** A file not read at all: one failed row saying why. */
  const unread = async (message: string): Promise<FileOutcome> => {
    const entry: LogEntry = {
      source_file: file.relative,
      sha256: "",
      dataset: file.dataset ?? null,
      encoding: null,
      rows_read: 0,
      rows_loaded: 0,
      rows_rejected: 0,
      status: "failed",
      message,
    };
    const load_id = await nextLoadId(connection);
    await writeLog(connection, load_id, entry);
    return { ...entry, load_id, reasons: {} };
  };
  if (file.refused) return unread(file.refused);
  // A records file is hashed a chunk at a time and read whole only if the exact reader must read it.
  const large = file.dataset !== undefined && readBySql.has(file.dataset);
  const lines = new LineWatch();
  let whole: Buffer | undefined;
  let head: Buffer;
  let sha256: string;
  try {
    if (large) ({ sha256, head } = digestFile(file.absolute, recordsHeadBytes, (chunk) => lines.feed(chunk)));
    else {
      head = whole = fs.readFileSync(file.absolute);
      sha256 = crypto.createHash("sha256").update(whole).digest("hex");
    }
  } catch (error) {
    // A file this user may not read fails alone, like any file that cannot be read.
    const fault = classifyFault(error);
    if (fault?.kind !== "permission") throw error;
    return unread(faultLine(fault, { retry: "npm run ingest" }));
  }
  const bytes = () => (whole ??= fs.readFileSync(file.absolute));
  step("files_read");
  const workbook = workbookKind(head);
  if (workbook) {
    const reloadReferences = () => loadReferences(connection);
    const context = { connection, datasets, references, salt, saltRefused, reloadReferences };
    return ingestWorkbook(context, file, bytes(), sha256, workbook);
  }
  const base = { source_file: file.relative, sha256, dataset: file.dataset ?? null, encoding: null, rows_read: 0 };
  const fail = async (message: string, encoding: string | null = null): Promise<FileOutcome> => {
    const entry: LogEntry = { ...base, encoding, rows_loaded: 0, rows_rejected: 0, status: "failed", message };
    const load_id = await nextLoadId(connection);
    await writeLog(connection, load_id, entry);
    return { ...entry, load_id, reasons: {} };
  };
  if (!large) lines.feed(head);
  const tooLong = lines.result();
  if (tooLong) return fail(tooLong);
  const ds = file.dataset ? datasets.get(file.dataset) : undefined;
  if (!ds) {
    const vision = datasetNames(datasets).vision;
    return fail(
      `无法判断数据集：文件应放在以数据集中文名称命名的文件夹中（如 ${vision}/2021.csv），或文件名以数据集中文名称开头（如 ${vision}_2021.csv）`,
    );
  }
  if (await alreadyLoaded(connection, sha256)) {
    const entry: LogEntry = { ...base, rows_loaded: 0, rows_rejected: 0, status: "unchanged", message: null };
    const load_id = await nextLoadId(connection);
    await writeLog(connection, load_id, entry);
    return { ...entry, load_id, reasons: {} };
  }
  if (saltRefused && personalColumns(ds).some((c) => c.personal === "hash")) return fail(saltRefused);
  if (readBySql.has(ds.name)) {
    const bySql = await ingestRecordsBySql(connection, ds, head, base, file.absolute, salt, references).catch(
      (error) => {
        // A fault of the machine would meet the exact reader too: it ends the run (see runIngest).
        if (classifyFault(error)) throw error;
        if (process.env.DEBUG) console.error(error);
        return undefined;
      },
    );
    if (bySql) return { ...bySql.entry, load_id: bySql.loadId, reasons: bySql.reasons };
  }
  const read = readDataFile(bytes(), ds, references, salt);
  if (!read.ok) return fail(read.message, read.encoding);
  const entry: LogEntry = {
    ...base,
    encoding: read.encoding,
    rows_read: read.rowsRead,
    rows_loaded: read.rows.length,
    rows_rejected: read.rejects.length,
    status: "loaded",
    message: read.note ?? null,
  };
  try {
    const load_id = await storeFile(connection, ds, read.rows, read.rejects, entry);
    return { ...entry, load_id, reasons: countReasons(read.rejects) };
  } catch (error) {
    if (classifyFault(error)) throw error;
    return fail(`写入数据仓库失败：${String((error as Error).message).split("\n")[0]}`, read.encoding);
  }
}

/** Reads every file under the input folder into the warehouse; a file that fails does not stop the others. */
export async function runIngest(connection: DuckDBConnection, options: RunOptions): Promise<FileOutcome[]> {
  const datasets = readDictionary();
  await ensureSchema(connection, datasets);
  const [{ id: runId }] = await queryRows<{ id: number }>(
    connection,
    "select coalesce(max(run_id), 0) + 1 as id from ingest_runs",
  );
  await connection.run("insert into ingest_runs values ($run, $input, $sample, current_timestamp::timestamp, null)", {
    run: runId,
    input: options.input,
    sample: options.isSample,
  } as never);
  const files = listInputFiles(options.input, [...datasets.keys()]);
  let references = await loadReferences(connection);
  // A workbook may hold a sheet of student records whatever its name says.
  const needsSalt = files.some((f) => f.dataset === "vision_records" || isWorkbookName(f.relative));
  const { salt, problem } = needsSalt ? studentIdSalt() : { salt: "", problem: undefined };
  // a weak salt is never recorded as the warehouse's: the files wait for a proper one
  const saltRefused = problem ?? (needsSalt ? await saltProblem(connection, salt) : undefined);
  const outcomes: FileOutcome[] = [];
  for (const [done, file] of files.entries()) {
    // A fault of the machine (a full disk) stops the run: the file's transaction has rolled back, earlier files stay.
    const read = await ingestFile(connection, file, datasets, references, salt, saltRefused).catch((error) => {
      throw (
        faultError(error, {
          doing: `导入 ${file.relative}`,
          needs: `导入该文件约需 ${megabytes(sizeOf(file.absolute))}，与文件大小相当`,
          kept: `${file.relative} 没有导入任何内容，此前导入的数据都还在。`,
          retry: "npm run ingest（已导入的文件会按“未变化”跳过）",
        }) ?? error
      );
    });
    for (const outcome of [read].flat()) {
      if (outcome.dataset === "schools" && outcome.status === "loaded") references = await loadReferences(connection);
      outcomes.push(outcome);
      options.onFile?.(done + 1, files.length, outcome);
    }
  }
  await connection.run("update ingest_runs set finished_at = current_timestamp::timestamp where run_id = $run", {
    run: runId,
  } as never);
  return outcomes;
}
