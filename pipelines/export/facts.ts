// What a report says about itself: the plan's title, when the data was loaded, whether it is the shipped
// sample (ingest_runs.is_sample), and the fingerprint of the data it shows.
import fs from "node:fs";
import { openWarehouse, queryRows } from "../lib/warehouse.ts";
import { readPlan } from "../site/plan.ts";
import { readSiteTargets } from "../site/targets.ts";
import { dataFingerprint } from "./fingerprint.ts";

export interface ReportFacts {
  planTitle: string;
  loadedAt: string | null; // "2021-12-31 18:00", end of the last ingest run
  isSample: boolean;
  fingerprint: string | null; // null without a warehouse
}

export async function readReportFacts(file: string): Promise<ReportFacts> {
  const planTitle = readPlan().title;
  if (!fs.existsSync(file)) return { planTitle, loadedAt: null, isSample: false, fingerprint: null };
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    const [run] = await queryRows<{ is_sample: boolean | null; loaded_at: string | null }>(
      warehouse.connection,
      `select bool_or(is_sample) as is_sample,
              strftime(max(coalesce(finished_at, started_at)), '%Y-%m-%d %H:%M') as loaded_at
       from ingest_runs`,
    );
    return {
      planTitle,
      loadedAt: run?.loaded_at ?? null,
      isSample: Boolean(run?.is_sample),
      fingerprint: await dataFingerprint(warehouse.connection, readSiteTargets()),
    };
  } finally {
    warehouse.close();
  }
}
