// What the build needs from the warehouse in one read-only pass (statuses, schools, missing reports, run facts),
// and the lookups the pages make over it: latest rows, rows by school and by target, status counts.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryCorrections, type Correction } from "./corrections.ts";
import { queryRunFacts, type RunFacts } from "./facts.ts";
import { queryBlankCells, queryGaps, type BlankCells, type TargetGap } from "./gaps.ts";
import { latestReportYear, queryCompleteness, queryMissing, type Completeness, type MissingReport } from "./reports.ts";
import type { Progress } from "../../src/shared/vocabulary.js";
import { personalDatasets, publicReject } from "./personal.ts";
import type { CardRow } from "../../src/shared/targetCard.js";
import { queryRows } from "./warehouse.ts";

/** A row of indicator_values: what a card reads of it (src/shared/targetCard.d.ts), and its target. */
export interface IndicatorRow extends CardRow {
  target_id: string;
}

export interface SchoolRow {
  school_id: string;
  name: string;
  stage: string;
  ownership: string | null;
  street: string | null;
  cluster: string | null;
}

export interface Snapshot extends RunFacts {
  rows: IndicatorRow[];
  schools: SchoolRow[];
  /** Reports of the latest year not received whole. */
  missing: MissingReport[];
  completeness: Completeness | null;
  /** Schools whose vision figures came from another kind of source than the year before. */
  sourceChanges: { school_id: string; year: number }[];
  /** Which way each level target is heading (table target_progress). */
  progress: Progress[];
  /** Submissions a later ingest run replaced (pipelines/lib/corrections.ts). */
  corrections: Correction[];
  /** Per target and year, the schools that owe its data and have not sent all of it. */
  gaps: TargetGap[];
  /** Optional cells left blank in the grade rows of the latest year, by school. */
  blanks: BlankCells[];
  /** Classes of the latest year over their grade's standard size or of 56 and more (table oversize_classes). */
  oversizeClasses: OversizeClass[];
  /** Rows of the latest year's reports rejected in the latest load of their file, as they may be published. */
  rejectedRows: RejectedRow[];
}

export interface RejectedRow {
  school_id: string;
  dataset: string;
  source_file: string;
  source_line: number;
  reason: string;
}

export interface OversizeClass {
  year: number;
  school_id: string;
  grade: string;
  class_name: string;
  students: number;
  standard_size: number | null;
  /** 大班额: 56 pupils or more. */
  large: boolean;
}

export const emptySnapshot: Snapshot = {
  rows: [],
  schools: [],
  missing: [],
  completeness: null,
  sourceChanges: [],
  progress: [],
  corrections: [],
  gaps: [],
  blanks: [],
  oversizeClasses: [],
  rejectedRows: [],
  isSample: false,
  loadedAt: null,
};

/** Every row of indicator_values in target, school, year order. */
export function queryIndicatorRows(connection: DuckDBConnection): Promise<IndicatorRow[]> {
  return queryRows<IndicatorRow>(
    connection,
    `select target_id, year::integer as year, school_id, value, threshold, status, numerator, denominator,
            schools_owed, schools_reported, lower_bound, upper_bound, schools_missing, suppressed
     from indicator_values order by target_id, school_id nulls first, year`,
  );
}

export function querySchools(connection: DuckDBConnection): Promise<SchoolRow[]> {
  return queryRows<SchoolRow>(
    connection,
    "select school_id, name, stage, ownership, street, cluster from schools order by school_id",
  );
}

export async function querySourceChanges(connection: DuckDBConnection): Promise<Snapshot["sourceChanges"]> {
  const [view] = await queryRows(connection, "select 1 from duckdb_views() where view_name = 'vision_source_changes'");
  if (!view) return [];
  return queryRows(connection, "select school_id, year::INTEGER as year from vision_source_changes");
}

/** Which way each level target is heading, as the indicators step judged it (empty before it has run). */
export async function queryProgress(connection: DuckDBConnection): Promise<Progress[]> {
  const [table] = await queryRows(connection, "select 1 from duckdb_tables() where table_name = 'target_progress'");
  if (!table) return [];
  return queryRows<Progress>(
    connection,
    `select target_id, category, observed_rate, required_rate, ratio, target_year::INTEGER as target_year,
            first_year::INTEGER as first_year, latest_year::INTEGER as latest_year, unit, share,
            direction::INTEGER as direction, observed_change, required_change
     from target_progress order by target_id`,
  );
}

/** The classes of the latest class-size year over the standard size or of 56 and more, largest first. */
export async function queryOversizeClasses(connection: DuckDBConnection): Promise<OversizeClass[]> {
  const [table] = await queryRows(connection, "select 1 from duckdb_tables() where table_name = 'oversize_classes'");
  if (!table) return [];
  return queryRows<OversizeClass>(
    connection,
    `select year::INTEGER as year, school_id, grade, class_name, students::INTEGER as students,
            standard_size::INTEGER as standard_size, large
     from oversize_classes where year = (select max(year) from class_sizes)
     order by students desc, school_id, grade, class_name`,
  );
}

/**
 * The rejected rows behind a school's 有数据行被拒收 of `year`: file (as it may be published), line and reason
 * (reasons quote no cell of a student file, and ids and phones are masked).
 */
export async function queryRejectedRows(connection: DuckDBConnection, year: number | null): Promise<RejectedRow[]> {
  if (year === null) return [];
  const rows = await queryRows<RejectedRow & { load_id: number }>(
    connection,
    `select r.school_id, r.dataset, r.source_file, r.source_line::INTEGER as source_line, r.reason, r.load_id::INTEGER as load_id
     from rejects r
     where r.year = $year and r.school_id is not null
       and r.load_id = (select max(l.load_id) from ingest_log l where l.source_file = r.source_file and l.status = 'loaded')
     order by r.school_id, r.dataset, r.source_file, r.source_line`,
    { year },
  );
  const personal = personalDatasets();
  return rows.map((r) => ({ school_id: r.school_id, source_line: r.source_line, ...publicReject(r, personal) }));
}

/** Everything the pages say about the warehouse, from an open connection (read once per build: siteData.ts). */
export async function querySnapshot(c: DuckDBConnection): Promise<Snapshot> {
  const year = await latestReportYear(c);
  return {
    rows: await queryIndicatorRows(c),
    schools: await querySchools(c),
    missing: await queryMissing(c),
    completeness: await queryCompleteness(c),
    sourceChanges: await querySourceChanges(c),
    progress: await queryProgress(c),
    corrections: await queryCorrections(c),
    gaps: await queryGaps(c),
    blanks: await queryBlankCells(c, year),
    oversizeClasses: await queryOversizeClasses(c),
    rejectedRows: await queryRejectedRows(c, year),
    ...(await queryRunFacts(c)),
  };
}

/** The row of a target for one school (or the district: null) in its latest year, and the year before. */
export function latestRows(rows: IndicatorRow[]): Map<string, { latest: IndicatorRow; previous?: IndicatorRow }> {
  const byKey = new Map<string, { latest: IndicatorRow; previous?: IndicatorRow }>();
  for (const row of rows) {
    const key = `${row.target_id}\u0000${row.school_id ?? ""}`;
    const seen = byKey.get(key);
    if (!seen || row.year > seen.latest.year) {
      byKey.set(key, { latest: row, previous: seen && seen.latest.year === row.year - 1 ? seen.latest : undefined });
    }
  }
  return byKey;
}

export const rowKey = (targetId: string, schoolId: string | null) => `${targetId}\u0000${schoolId ?? ""}`;

export interface SnapshotIndex {
  /** Rows of one school ("" for the district), in the snapshot's order. */
  bySchool: Map<string, IndicatorRow[]>;
  /** Rows of one target and school (rowKey), year by year: a card's trend. */
  series: Map<string, IndicatorRow[]>;
}

const indexes = new WeakMap<Snapshot, SnapshotIndex>();

/** The snapshot's rows by school and by (target, school), built once: each of the many school pages looks up its own. */
export function snapshotIndex(snapshot: Snapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = { bySchool: new Map(), series: new Map() };
    for (const row of snapshot.rows) {
      const school = row.school_id ?? "";
      const key = rowKey(row.target_id, row.school_id);
      if (!index.bySchool.has(school)) index.bySchool.set(school, []);
      index.bySchool.get(school)!.push(row);
      if (!index.series.has(key)) index.series.set(key, []);
      index.series.get(key)!.push(row);
    }
    indexes.set(snapshot, index);
  }
  return index;
}

export type StatusCounts = Record<"met" | "not_met" | "incomplete" | "no_data" | "info", number>;

/** Per school of the registry, how many of its targets have each status in their latest year (the school list's columns). */
export function schoolStatusCounts(snapshot: Snapshot): Map<string, StatusCounts> {
  const { bySchool } = snapshotIndex(snapshot);
  return new Map(
    snapshot.schools.map((s) => {
      const c: StatusCounts = { met: 0, not_met: 0, incomplete: 0, no_data: 0, info: 0 };
      for (const { latest } of latestRows(bySchool.get(s.school_id) ?? []).values())
        if (latest.status in c) c[latest.status as keyof StatusCounts]++;
      return [s.school_id, c];
    }),
  );
}
