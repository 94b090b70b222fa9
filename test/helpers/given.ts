import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readDictionary } from "../../pipelines/lib/seeds.ts";
import { ensureSchema } from "../../pipelines/lib/schema.ts";
import { queryRows } from "../../pipelines/lib/warehouse.ts";
import { computeIndicators } from "../../pipelines/indicators/compute.ts";
import { readTargetsWithFamilies } from "../../pipelines/indicators/families.ts";
import type { IndicatorRow } from "../../pipelines/lib/snapshot.ts";

export type Row = Record<string, string | number | boolean | null>;

export type { IndicatorRow } from "../../pipelines/lib/snapshot.ts";

/** An empty in-memory warehouse with every table of the dictionary. */
export async function emptyWarehouse(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await ensureSchema(connection, readDictionary());
  return connection;
}

/** Inserts hand-written rows into a dataset table (columns named as stored). */
export async function given(connection: DuckDBConnection, table: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
      values (${columns.map((_, i) => `$p${i}`).join(", ")})`;
    const params = Object.fromEntries(columns.map((c, i) => [`p${i}`, row[c]]));
    await connection.run(sql, params as never);
  }
}

/** Schools of the registry: id → stage (ownership public unless given). */
export async function givenSchools(connection: DuckDBConnection, stages: Record<string, string>): Promise<void> {
  const rows = Object.entries(stages).map(([school_id, stage]) => ({
    school_id,
    name: `学校${school_id}`,
    stage,
    ownership: "public",
  }));
  await given(connection, "schools", rows);
}

/**
 * One class of 40 pupils in each grade named, per school, for each year: the grades with pupils, which
 * the school owes a vision and a pe row for (a school without classes owes every grade of its sections).
 */
export async function givenClasses(
  connection: DuckDBConnection,
  grades: Record<string, string[]>,
  years: number[] = [2021],
): Promise<void> {
  const rows = years.flatMap((year) =>
    Object.entries(grades).flatMap(([school_id, list]) =>
      list.map((grade) => ({ year, school_id, grade, class_name: "1班", students: 40 })),
    ),
  );
  await given(connection, "class_sizes", rows);
}

/**
 * Runs the engine with only the SQL families of the targets whose id starts with the prefix (a family is
 * tested alone; "" runs them all) and returns those targets' rows.
 */
export async function computed(connection: DuckDBConnection, prefix: string): Promise<IndicatorRow[]> {
  const families = [
    ...new Set(
      readTargetsWithFamilies()
        .filter((t) => t.target_id.startsWith(prefix))
        .map((t) => t.family),
    ),
  ];
  await computeIndicators(connection, { families });
  return queryRows<IndicatorRow>(
    connection,
    `select target_id, year, school_id, value, threshold, status, numerator, denominator, schools_owed, schools_reported,
            lower_bound, upper_bound, schools_missing, suppressed
     from indicator_values where starts_with(target_id, $prefix)
     order by target_id, year, school_id nulls first`,
    { prefix },
  );
}

/** The one row of a target, year and school (null: the district row). */
export function row(rows: IndicatorRow[], targetId: string, year: number, schoolId: string | null): IndicatorRow {
  const found = rows.filter((r) => r.target_id === targetId && r.year === year && r.school_id === schoolId);
  if (found.length !== 1) throw new Error(`${found.length} rows for ${targetId} ${year} ${schoolId}`);
  return found[0];
}

/** A facilities row; amounts are totals of the section, chosen so the per-student values are round. */
export const section = (school_id: string, name: string, students: number, classes: number, amounts: number[]) => {
  const [teaching, sports, equipment, multimedia, aboveDegree, backbone, peArt] = amounts;
  return {
    year: 2021,
    school_id,
    section: name,
    students,
    classes,
    teaching_aux_area_m2: teaching,
    sports_area_m2: sports,
    equipment_value_yuan: equipment,
    multimedia_classrooms: multimedia,
    teachers_above_degree: aboveDegree,
    backbone_teachers: backbone,
    pe_art_teachers: peArt,
  };
};
