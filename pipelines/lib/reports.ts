// Reports owed and received, read from the warehouse table `reports` (made by the indicators step from
// the dictionary's owed_by): per school and dataset of a year, whether all of it arrived.
import type { DuckDBConnection } from "@duckdb/node-api";
import { gradeLabels } from "./codes.ts";
import { datasetNames } from "./seeds.ts";
import { queryRows } from "./warehouse.ts";

/** A report a school owes for a year and has not sent whole. */
export interface MissingReport {
  school_id: string;
  dataset: string;
  /** The dataset's Chinese name (dictionary column dataset_zh). */
  label: string;
  year: number;
  /** `missing`: nothing arrived; `partial`: some sections or grades did not arrive, or rows were rejected. */
  state: "missing" | "partial";
  /** Section codes owed that did not arrive (empty when all arrived but rows were rejected). */
  sections_missing: string[];
  /** Grade codes with pupils whose rows did not arrive, in sections that did (vision, pe). */
  grades_missing: string[];
  /** The same grades in words (一年级, 小班). */
  grade_labels: string[];
  /** Rows of the school's report were rejected in the latest load of their file. */
  rejected: boolean;
}

/** How complete a year's reports are: school × dataset pairs owed, and those that arrived whole. */
export interface Completeness {
  year: number;
  owed: number;
  complete: number;
  /** Per dataset: its Chinese name, reports owed and arrived whole. */
  datasets: { dataset: string; label: string; owed: number; complete: number }[];
}

async function hasReports(connection: DuckDBConnection): Promise<boolean> {
  const rows = await queryRows(connection, "select 1 from duckdb_tables() where table_name = 'reports'");
  return rows.length > 0;
}

/** The latest year anything is owed, or null before any report is owed. */
export async function latestReportYear(connection: DuckDBConnection): Promise<number | null> {
  if (!(await hasReports(connection))) return null;
  const [row] = await queryRows<{ year: number | null }>(connection, "select max(year)::INTEGER as year from reports");
  return row?.year ?? null;
}

const perSchool = `select year::INTEGER as year, school_id, dataset,
    list(section order by section) filter (where not received) as sections_missing,
    flatten(list(grades_missing order by section) filter (where received and grades_missing is not null)) as grades_missing,
    bool_or(received) as any_received, bool_or(rejected) as rejected
  from reports where year = $year group by all`;

/** The reports of the latest year (or `year`) that have not arrived whole, by school then dataset. */
export async function queryMissing(connection: DuckDBConnection, year?: number | null): Promise<MissingReport[]> {
  const chosen = year ?? (await latestReportYear(connection));
  if (chosen === null) return [];
  const labels = datasetNames();
  const rows = await queryRows<{
    year: number;
    school_id: string;
    dataset: string;
    sections_missing: string[] | null;
    grades_missing: string[] | null;
    any_received: boolean;
    rejected: boolean;
  }>(
    connection,
    `select * from (${perSchool})
     where sections_missing is not null or len(grades_missing) > 0 or rejected order by school_id, dataset`,
    { year: chosen },
  );
  return rows.map((r) => ({
    school_id: r.school_id,
    dataset: r.dataset,
    label: labels[r.dataset] ?? r.dataset,
    year: r.year,
    state: r.any_received ? "partial" : "missing",
    sections_missing: r.sections_missing ?? [],
    grades_missing: r.grades_missing ?? [],
    grade_labels: (r.grades_missing ?? []).map((g) => gradeLabels[g] ?? g),
    rejected: r.rejected,
  }));
}

/** How complete the latest year's reports are (null before any report is owed). */
export async function queryCompleteness(connection: DuckDBConnection): Promise<Completeness | null> {
  const year = await latestReportYear(connection);
  if (year === null) return null;
  const labels = datasetNames();
  const rows = await queryRows<{ dataset: string; owed: number; complete: number }>(
    connection,
    `select dataset, count(*)::INTEGER as owed,
            count(*) filter (where sections_missing is null and coalesce(len(grades_missing), 0) = 0 and not rejected)::INTEGER as complete
     from (${perSchool}) group by dataset order by dataset`,
    { year },
  );
  return {
    year,
    owed: rows.reduce((n, r) => n + r.owed, 0),
    complete: rows.reduce((n, r) => n + r.complete, 0),
    datasets: rows.map((r) => ({ ...r, label: labels[r.dataset] ?? r.dataset })),
  };
}
