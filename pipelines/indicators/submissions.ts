// A school's latest submission of each dataset and year: the temp table latest_submissions (dataset,
// school_id, year, run_id), the latest ingest run whose rows of that school and year are stored. Rows
// a school rejected in an earlier run are closed by a later submission (steps/reports.sql), as the
// earlier rows themselves are replaced by it (pipelines/ingest/store.ts, supersede).
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset } from "../lib/seeds.ts";

export function latestSubmissionsQuery(datasets: Map<string, Dataset>): string {
  const parts: string[] = [];
  for (const ds of datasets.values()) {
    const school = ds.columns.find((c) => c.ref === "school" || c.ref.startsWith("school:"));
    if (!school || !ds.columns.some((c) => c.column === "year")) continue;
    parts.push(`select '${ds.name}' as dataset, d."${school.column}" as school_id, d.year, max(l.run_id) as run_id
      from "${ds.name}" as d join ingest_log as l on l.load_id = d.load_id group by all`);
  }
  return parts.length
    ? parts.join("\nunion all\n")
    : "select null as dataset, null as school_id, null::INTEGER as year, null::INTEGER as run_id where false";
}

export async function createLatestSubmissions(
  connection: DuckDBConnection,
  datasets: Map<string, Dataset>,
): Promise<void> {
  await connection.run(`create or replace temp table latest_submissions as ${latestSubmissionsQuery(datasets)}`);
}
