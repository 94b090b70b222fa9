// Which units of a report arrived: the temp table received_units (year, school_id, dataset, section),
// made from the dictionary, read by steps/reports.sql. A dataset with a grade column covers the
// section of each grade within its school, one with a section column that section (全校: every section
// of the school), any other dataset the whole school.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset } from "../lib/registry.ts";

export function receivedUnitsQuery(datasets: Map<string, Dataset>): string {
  const parts: string[] = [];
  for (const ds of datasets.values()) {
    const duty = datasets.get(ds.fulfils);
    const school = ds.columns.find((c) => c.ref === "school" || c.ref.startsWith("school:"));
    const year = ds.columns.find((c) => c.column === "year");
    if (!duty?.owedBy.length || !school || !year) continue;
    const grade = ds.columns.find((c) => c.type === "grade");
    const section = ds.columns.find((c) => c.type === "section");
    const from = `from "${ds.name}" as d join school_sections as s on s.school_id = d."${school.column}"`;
    const select = `select distinct d."${year.column}" as year, s.school_id, '${duty.name}' as dataset, s.section`;
    if (grade)
      parts.push(
        `${select} ${from} join grade_sections as g on g.grade = d."${grade.column}" and g.section = s.section`,
      );
    else if (section)
      parts.push(`${select} ${from} and (d."${section.column}" = s.section or d."${section.column}" = 'whole')`);
    else parts.push(`${select} ${from}`);
  }
  return parts.length
    ? parts.join("\nunion\n")
    : "select null::INTEGER as year, null as school_id, null as dataset, null as section where false";
}

export async function createReceivedUnits(connection: DuckDBConnection, datasets: Map<string, Dataset>): Promise<void> {
  await connection.run(`create or replace temp table received_units as ${receivedUnitsQuery(datasets)}`);
}
