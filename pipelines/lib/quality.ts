// What the data-quality page shows, read from the warehouse: the ingest log, rejected rows by reason,
// reports owed and not received (with the grades), optional cells left blank, schools whose vision figures
// changed kind, pupils the myopia criterion could not judge, and the corrections (submissions a later run replaced).
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryCorrections } from "./corrections.ts";
import { queryBlankCells } from "./gaps.ts";
import { maskPersonal, personalDatasets, publicFileName } from "./personal.ts";
import { datasetNames } from "./seeds.ts";
import { latestReportYear, queryCompleteness, queryMissing } from "./reports.ts";
import { queryRows } from "./warehouse.ts";

async function has(connection: DuckDBConnection, name: string): Promise<boolean> {
  const rows = await queryRows(
    connection,
    "select 1 from duckdb_tables() where table_name = $name union all select 1 from duckdb_views() where view_name = $name",
    { name },
  );
  return rows.length > 0;
}

/** What the quality page shows before any ingest. */
export function emptyQuality() {
  return {
    year: null,
    log: [],
    reasons: [],
    missing: [],
    blanks: [],
    completeness: null,
    sourceChanges: [],
    indeterminate: [],
    corrections: [],
    datasetNames: datasetNames(),
  };
}

export async function readQuality(connection: DuckDBConnection) {
  const year = await latestReportYear(connection);
  // file names and messages are published: a student file's name is replaced, ids and phones masked
  const personal = personalDatasets();
  const log = (
    await queryRows<{ load_id: number; source_file: string; dataset: string | null; message: string | null }>(
      connection,
      `select load_id, source_file, dataset, encoding, rows_read, rows_loaded, rows_rejected, status, message,
              strftime(loaded_at, '%Y-%m-%d %H:%M') as loaded_at
       from ingest_log order by load_id`,
    )
  ).map((r) => ({
    ...r,
    source_file: publicFileName(r.source_file, r.load_id, personal.has(r.dataset ?? "")),
    message: r.message === null ? null : maskPersonal(r.message),
  }));
  const reasons = await queryRows(
    connection,
    `select reason_code, count(*)::integer as rows, count(distinct source_file)::integer as files
     from rejects group by reason_code order by rows desc, reason_code`,
  );
  // a school whose figures came from summary rows one year and student records the next: no change computed
  const sourceChanges = (await has(connection, "vision_source_changes"))
    ? await queryRows(
        connection,
        "select year::INTEGER as year, school_id, source, previous_source from vision_source_changes order by year desc, school_id",
      )
    : [];
  // pupils with poor acuity and no refraction: left out of the myopia rate, counted here
  const indeterminate = (await has(connection, "vision_by_grade"))
    ? await queryRows(
        connection,
        `select year::INTEGER as year, school_id, sum(indeterminate)::INTEGER as pupils, sum(screened)::INTEGER as screened
         from vision_by_grade group by all having sum(indeterminate) > 0 order by year desc, school_id`,
      )
    : [];
  return {
    year,
    log,
    reasons,
    missing: await queryMissing(connection, year),
    blanks: await queryBlankCells(connection, year),
    completeness: await queryCompleteness(connection),
    sourceChanges,
    indeterminate,
    corrections: await queryCorrections(connection),
    datasetNames: datasetNames(),
  };
}
