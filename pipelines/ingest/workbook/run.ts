// Ingesting one workbook: each sheet that holds a dataset is read like a CSV file and stored in its
// own transaction with its own ingest_log row, named `file.xlsx#工作表`; the sheets skipped (hidden,
// no dataset) and hidden rows are said in the log's message. A workbook that cannot be opened fails
// alone, with one row for the file.
import type { DuckDBConnection } from "@duckdb/node-api";
import { personalColumns, type Dataset } from "../../lib/seeds.ts";
import { queryRows } from "../../lib/warehouse.ts";
import type { InputFile } from "../files.ts";
import { nextLoadId, storeFile, writeLog, type LogEntry } from "../store.ts";
import type { References } from "../validate.ts";
import { classifyFault } from "../../lib/faults.ts";
import type { ReadResult } from "../read.ts";
import { openWorkbook, type OpenedWorkbook } from "./workbook.ts";
import { hiddenRowsNote, readSheet } from "./read.ts";
import { planSheets, sheetColumns, type SheetPlan } from "./sheets.ts";

export interface SheetOutcome extends LogEntry {
  load_id: number;
  reasons: Record<string, number>;
}

export interface WorkbookContext {
  connection: DuckDBConnection;
  datasets: Map<string, Dataset>;
  references: References;
  salt: string;
  saltRefused?: string;
  /** Called after a schools sheet loaded: the references to check the later sheets against. */
  reloadReferences: () => Promise<References>;
}

/** A workbook that fails in a way no rule foresaw fails alone, in one Chinese line; the other files still load. */
function unforeseen(error: unknown): string {
  if (classifyFault(error)) throw error;
  if (process.env.DEBUG) console.error(error);
  return "读取工作簿时出现意外错误，未导入任何内容，其他文件不受影响：请在 Excel 或 WPS 中打开后重新保存再发送（设置环境变量 DEBUG=1 可查看详情）";
}

/** `file.xlsx#工作表`: how a sheet is named in ingest_log, rejects and the dataset tables. */
export const sheetSource = (file: string, sheet: string) => `${file}#${sheet}`;

async function sheetLoaded(connection: DuckDBConnection, sha256: string, sheet: string): Promise<boolean> {
  const rows = await queryRows(
    connection,
    "select 1 from ingest_log where sha256 = $sha and status = 'loaded' and ends_with(source_file, $suffix) limit 1",
    { sha: sha256, suffix: `#${sheet}` },
  );
  return rows.length > 0;
}

export async function ingestWorkbook(
  ctx: WorkbookContext,
  file: InputFile,
  bytes: Uint8Array,
  sha256: string,
  kind: "xlsx" | "xls",
): Promise<SheetOutcome[]> {
  const { connection } = ctx;
  const log = async (entry: LogEntry): Promise<SheetOutcome> => {
    const load_id = await nextLoadId(connection);
    await writeLog(connection, load_id, entry);
    return { ...entry, load_id, reasons: {} };
  };
  const none = { rows_read: 0, rows_loaded: 0, rows_rejected: 0 };
  /** The workbook as a whole could not be read: one failed entry saying why. */
  const failed = async (message: string) => [
    await log({
      source_file: file.relative,
      sha256,
      dataset: file.dataset ?? null,
      encoding: kind,
      ...none,
      status: "failed",
      message,
    }),
  ];
  let opened: OpenedWorkbook;
  let plans: SheetPlan[];
  try {
    opened = openWorkbook(bytes, kind, sheetColumns(file.dataset, ctx.datasets));
    if (!opened.ok) return failed(opened.message);
    plans = planSheets(opened.sheets, file.dataset, ctx.datasets);
  } catch (error) {
    return failed(unforeseen(error));
  }
  const skipped = plans.flatMap((p) => (p.skipped ? [p.skipped] : []));
  const toRead = plans.filter((p) => p.dataset);
  if (!toRead.length) {
    const why = skipped.length ? `：${skipped.join("；")}` : "";
    return failed(`工作簿中没有可导入的工作表${why}`);
  }
  const outcomes: SheetOutcome[] = [];
  for (const [i, plan] of toRead.entries()) {
    const ds = ctx.datasets.get(plan.dataset!)!;
    const notes = [hiddenRowsNote(plan.sheet), ...(i === 0 ? skipped : [])].filter(Boolean).join("；") || null;
    const base = { source_file: sheetSource(file.relative, plan.sheet.name), sha256, dataset: ds.name, encoding: kind };
    if (await sheetLoaded(connection, sha256, plan.sheet.name)) {
      outcomes.push(await log({ ...base, ...none, status: "unchanged", message: notes }));
      continue;
    }
    const hashed = personalColumns(ds).some((c) => c.personal === "hash");
    if (hashed && ctx.saltRefused) {
      outcomes.push(await log({ ...base, ...none, status: "failed", message: ctx.saltRefused }));
      continue;
    }
    let read: ReadResult;
    try {
      read = readSheet(plan.sheet, ds, ctx.references, ctx.salt, kind);
    } catch (error) {
      read = { ok: false, encoding: kind, message: unforeseen(error) };
    }
    if (!read.ok) {
      outcomes.push(await log({ ...base, ...none, status: "failed", message: read.message }));
      continue;
    }
    const entry: LogEntry = {
      ...base,
      rows_read: read.rowsRead,
      rows_loaded: read.rows.length,
      rows_rejected: read.rejects.length,
      status: "loaded",
      message: [notes, read.note].filter(Boolean).join("；") || null,
    };
    try {
      const load_id = await storeFile(connection, ds, read.rows, read.rejects, entry);
      const reasons: Record<string, number> = {};
      for (const r of read.rejects) reasons[r.code] = (reasons[r.code] ?? 0) + 1;
      outcomes.push({ ...entry, load_id, reasons });
      if (ds.name === "schools") ctx.references = await ctx.reloadReferences();
    } catch (error) {
      const message = `写入数据仓库失败：${String((error as Error).message).split("\n")[0]}`;
      outcomes.push(await log({ ...base, ...none, status: "failed", message }));
    }
  }
  return outcomes;
}
