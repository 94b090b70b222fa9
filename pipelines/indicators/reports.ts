// Which units of a report arrived: the temp table received_units (year, school_id, dataset, section),
// made from the dictionary and submitted_units (submissions.ts), read by steps/reports.sql. A dataset
// with a grade column covers the section of each grade within its school, one with a section column
// that section (全校: every section of the school), any other dataset the whole school. For the reports
// owed grade by grade (a duty whose rows carry a grade, other than the class sizes the owed grades are
// read from), received_grades (year, school_id, dataset, grade) says which grades arrived and
// grade_duties (dataset) names them.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset } from "../lib/seeds.ts";

/** The dataset whose classes say which grades have pupils in a year (steps/reports.sql reads it). */
export const classesDataset = "class_sizes";

interface Source {
  dataset: Dataset;
  duty: Dataset;
  grade?: string;
  section?: string;
}

function sources(datasets: Map<string, Dataset>): Source[] {
  const found: Source[] = [];
  for (const ds of datasets.values()) {
    const duty = datasets.get(ds.fulfils);
    const school = ds.columns.find((c) => c.ref === "school" || c.ref.startsWith("school:"));
    const year = ds.columns.find((c) => c.column === "year");
    if (!duty?.owedBy.length || !school || !year) continue;
    const grade = ds.columns.find((c) => c.type === "grade")?.column;
    const section = ds.columns.find((c) => c.type === "section")?.column;
    found.push({ dataset: ds, duty, grade, section });
  }
  return found;
}

export function receivedUnitsQuery(datasets: Map<string, Dataset>): string {
  const parts = sources(datasets).map(({ dataset: ds, duty, grade, section }) => {
    const from = `from submitted_units as d join school_sections as s on d.source = '${ds.name}' and s.school_id = d.school_id`;
    const select = `select distinct d.year, s.school_id, '${duty.name}' as dataset, s.section`;
    if (grade) return `${select} ${from} join grade_sections as g on g.grade = d.grade and g.section = s.section`;
    if (section) return `${select} ${from} and (d.section = s.section or d.section = 'whole')`;
    return `${select} ${from}`;
  });
  return parts.length
    ? parts.join("\nunion\n")
    : "select null::INTEGER as year, null as school_id, null as dataset, null as section where false";
}

/** Duties whose every source has a grade column (vision, pe): owed grade by grade. */
export function gradeDuties(datasets: Map<string, Dataset>): string[] {
  const all = sources(datasets);
  const duties = [...new Set(all.map((s) => s.duty.name))].filter((d) => d !== classesDataset);
  return duties.filter((d) => all.filter((s) => s.duty.name === d).every((s) => s.grade)).sort();
}

export function receivedGradesQuery(datasets: Map<string, Dataset>): string {
  const duties = new Set(gradeDuties(datasets));
  const parts = sources(datasets)
    .filter((s) => duties.has(s.duty.name))
    .map(
      (s) =>
        `select distinct year, school_id, '${s.duty.name}' as dataset, grade from submitted_units where source = '${s.dataset.name}'`,
    );
  return parts.length
    ? parts.join("\nunion\n")
    : "select null::INTEGER as year, null as school_id, null as dataset, null as grade where false";
}

export async function createReceivedUnits(connection: DuckDBConnection, datasets: Map<string, Dataset>): Promise<void> {
  await connection.run(`create or replace temp table received_units as ${receivedUnitsQuery(datasets)}`);
  await connection.run(`create or replace temp table received_grades as ${receivedGradesQuery(datasets)}`);
  const duties = gradeDuties(datasets).map((d) => `('${d}')`);
  await connection.run(
    duties.length
      ? `create or replace temp table grade_duties as select * from (values ${duties.join(", ")}) as t(dataset)`
      : "create or replace temp table grade_duties (dataset VARCHAR)",
  );
}
