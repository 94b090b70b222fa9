// The schools and cells behind a 数据不全 or an "已报 x/y 校": per target, the schools that owe its data
// and have not sent all of it (table target_gaps, made by the indicators step), and per school the
// optional cells left blank in grade rows (a grade is then left out of the targets that need the cell).
import type { DuckDBConnection } from "@duckdb/node-api";
import { gradeLabels } from "./codes.ts";
import { readDictionary } from "./seeds.ts";
import { queryRows } from "./warehouse.ts";

/** A school that owes a target's data for a year and has not sent all of it. */
export interface TargetGap {
  target_id: string;
  year: number;
  school_id: string;
  /** Owed units (report × section) that did not arrive whole: a missing section or grade, rejected rows. */
  units_short: number;
  /** Units that arrived but lack a count the formula needs (a blank cell). */
  units_left_out: number;
  /** No value could be computed for the school. */
  no_value: boolean;
}

/** Grades of a school's rows of a year that left an optional column blank. */
export interface BlankCells {
  year: number;
  school_id: string;
  dataset: string;
  /** The column's Chinese header (dictionary zh_header), as on the template. */
  label: string;
  grades: string[];
  /** The same grades in words. */
  grade_labels: string[];
}

async function hasTable(connection: DuckDBConnection, name: string): Promise<boolean> {
  const rows = await queryRows(connection, "select 1 from duckdb_tables() where table_name = $name", { name });
  return rows.length > 0;
}

/** The gaps of the given year (default: every year), by target and school. */
export async function queryGaps(connection: DuckDBConnection, year?: number | null): Promise<TargetGap[]> {
  if (!(await hasTable(connection, "target_gaps"))) return [];
  return queryRows<TargetGap>(
    connection,
    `select target_id, year::INTEGER as year, school_id, units_short, units_left_out, no_value
     from target_gaps where $year is null or year = $year order by target_id, year, school_id`,
    { year: year ?? null },
  );
}

/**
 * Blank optional cells of the grade rows of the reports a school owes (vision, pe), in a year: one
 * row per school, dataset and column. The optional columns come from the dictionary (required = no).
 */
export async function queryBlankCells(connection: DuckDBConnection, year: number | null): Promise<BlankCells[]> {
  if (year === null) return [];
  const parts: string[] = [];
  for (const ds of readDictionary().values()) {
    if (!ds.owedBy.length || !ds.columns.some((c) => c.type === "grade")) continue;
    for (const c of ds.columns.filter((c) => !c.required && c.type !== "grade")) {
      // identifiers from the dictionary, never user data
      parts.push(`select year, school_id, '${ds.name}' as dataset, '${c.zhHeader.replaceAll("'", "''")}' as label,
        '${c.column}' as col, grade from "${ds.name}" where "${c.column}" is null and year = $year`);
    }
  }
  if (parts.length === 0) return [];
  const rows = await queryRows<Omit<BlankCells, "grade_labels">>(
    connection,
    `select year::INTEGER as year, school_id, dataset, label, list(grade order by try_cast(grade as INTEGER), grade) as grades
     from (${parts.join(" union all ")}) group by year, school_id, dataset, label, col order by school_id, dataset, col`,
    { year },
  );
  return rows.map((r) => ({ ...r, grade_labels: r.grades.map((g) => gradeLabels[g] ?? g) }));
}
