// The rows every export writes: indicator_values as stored (status included, never recomputed), with the
// target's title and the school's name; district rows first, then school rows, in the registry's order.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/warehouse.ts";
import type { IndicatorRow } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";

/** A row of indicator_values (school_id null: the district row) with its target and the school's name. */
export interface ExportRow extends Omit<IndicatorRow, "target_id"> {
  target: Target;
  school_name: string;
}

export const districtName = "全区";

type Stored = Omit<ExportRow, "target" | "school_name"> & { target_id: string; name: string | null };

export async function readExportRows(connection: DuckDBConnection, targets: Target[]): Promise<ExportRow[]> {
  const stored = await queryRows<Stored>(
    connection,
    `select v.target_id, v.year::integer as year, v.school_id, s.name, v.value, v.threshold, v.status,
            v.numerator, v.denominator, v.schools_owed, v.schools_reported
     from indicator_values v left join schools s using (school_id)`,
  );
  const order = new Map(targets.map((t, i) => [t.target_id, i]));
  const byId = new Map(targets.map((t) => [t.target_id, t]));
  return stored
    .filter((r) => byId.has(r.target_id))
    .sort(
      (a, b) =>
        Number(a.school_id !== null) - Number(b.school_id !== null) ||
        order.get(a.target_id)! - order.get(b.target_id)! ||
        (a.school_id ?? "").localeCompare(b.school_id ?? "") ||
        a.year - b.year,
    )
    .map(({ target_id, name, ...r }) => ({
      ...r,
      target: byId.get(target_id)!,
      school_name: r.school_id === null ? districtName : (name ?? r.school_id),
    }));
}
