// What a page or report says about its data: the plan's title, when the data was loaded, whether it is
// the shipped sample (ingest_runs.is_sample), and the fingerprint of the data it shows.
import type { DuckDBConnection } from "@duckdb/node-api";
import { dataFingerprint } from "./current.ts";
import { readPlan } from "./plan.ts";
import { readTargets } from "./targets.ts";
import { queryRows, readWarehouse } from "./warehouse.ts";

export interface RunFacts {
  loadedAt: string | null; // "2021-12-31 18:00", end of the last ingest run
  isSample: boolean;
}

export interface ReportFacts extends RunFacts {
  planTitle: string;
  fingerprint: string | null; // null without a warehouse
}

export async function queryRunFacts(connection: DuckDBConnection): Promise<RunFacts> {
  const [run] = await queryRows<{ is_sample: boolean | null; loaded_at: string | null }>(
    connection,
    `select bool_or(is_sample) as is_sample,
            strftime(max(coalesce(finished_at, started_at)), '%Y-%m-%d %H:%M') as loaded_at
     from ingest_runs`,
  );
  return { loadedAt: run?.loaded_at ?? null, isSample: Boolean(run?.is_sample) };
}

/** The facts of an open warehouse, or of none (null). */
export async function queryReportFacts(connection: DuckDBConnection | null): Promise<ReportFacts> {
  const planTitle = readPlan().title;
  if (!connection) return { planTitle, loadedAt: null, isSample: false, fingerprint: null };
  return {
    planTitle,
    ...(await queryRunFacts(connection)),
    fingerprint: await dataFingerprint(connection, readTargets()),
  };
}

export async function readReportFacts(file: string): Promise<ReportFacts> {
  return readWarehouse<ReportFacts>(file, queryReportFacts, await queryReportFacts(null));
}
