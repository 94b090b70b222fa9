// The data a report shows, as one hash: indicator values, schools, the corrections the school pages list,
// the sample flag and the target registry.
// The same warehouse content gives the same fingerprint, so a built site or an export folder can be checked
// against the warehouse before it is reused or published.
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryCorrections } from "./corrections.ts";
import { queryRows } from "./warehouse.ts";
import type { Target } from "./targets.ts";

export async function dataFingerprint(connection: DuckDBConnection, targets: Target[]): Promise<string> {
  const [row] = await queryRows<{ v: string; s: string; sample: boolean | null }>(
    connection,
    `select
       (select md5(coalesce(string_agg(to_json(v)::varchar, chr(10) order by target_id, year, school_id nulls first), ''))
        from indicator_values v) as v,
       (select md5(coalesce(string_agg(to_json(s)::varchar, chr(10) order by school_id), ''))
        from (select school_id, name, stage, ownership, street, cluster from schools) s) as s,
       (select bool_or(is_sample) from ingest_runs) as sample`,
  );
  const corrections = (await queryCorrections(connection)).map(({ loaded_at, ...c }) => c);
  return createHash("sha256")
    .update(JSON.stringify([row.v, row.s, Boolean(row.sample), targets, corrections]))
    .digest("hex")
    .slice(0, 32);
}
