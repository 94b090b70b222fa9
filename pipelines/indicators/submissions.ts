// A school's latest submission of each dataset and year: the temp table latest_submissions (dataset,
// school_id, year, run_id), the latest ingest run whose rows of that school and year are stored. Rows
// a school rejected in an earlier run are closed by a later submission (steps/reports.sql), as the
// earlier rows themselves are replaced by it (pipelines/ingest/store.ts, supersede). Both it and
// reports.ts read submitted_units, made here.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset } from "../lib/seeds.ts";

/** The datasets that say which school and year their rows are of: their column naming the school. */
function schoolColumn(ds: Dataset): string | undefined {
  const school = ds.columns.find((c) => c.ref === "school" || c.ref.startsWith("school:"));
  return school && ds.columns.some((c) => c.column === "year") ? school.column : undefined;
}

/**
 * What each dataset's rows are of, without the rows: the temp table submitted_units (source, year,
 * school_id, grade, section, load_id), one distinct pass over each dataset (student records are
 * millions of rows), read by latest_submissions here and by received_units and received_grades
 * (reports.ts) instead of a pass each. A dataset without a grade or section column has null there.
 */
export function submittedUnitsQuery(datasets: Map<string, Dataset>): string {
  const parts: string[] = [];
  for (const ds of datasets.values()) {
    const school = schoolColumn(ds);
    if (!school) continue;
    const other = (type: string) => {
      const column = ds.columns.find((c) => c.type === type)?.column;
      return column ? `d."${column}"` : "null::VARCHAR";
    };
    parts.push(`select distinct '${ds.name}' as source, d.year, d."${school}" as school_id,
      ${other("grade")} as grade, ${other("section")} as section, d.load_id from "${ds.name}" as d`);
  }
  return parts.length
    ? parts.join("\nunion all\n")
    : "select null as source, null::INTEGER as year, null as school_id, null as grade, null as section, null::INTEGER as load_id where false";
}

export function latestSubmissionsQuery(): string {
  return `select d.source as dataset, d.school_id, d.year, max(l.run_id) as run_id
    from submitted_units as d join ingest_log as l on l.load_id = d.load_id group by all`;
}

export async function createSubmittedUnits(
  connection: DuckDBConnection,
  datasets: Map<string, Dataset>,
): Promise<void> {
  await connection.run(`create or replace temp table submitted_units as ${submittedUnitsQuery(datasets)}`);
}

export async function createLatestSubmissions(connection: DuckDBConnection): Promise<void> {
  await connection.run(`create or replace temp table latest_submissions as ${latestSubmissionsQuery()}`);
}
