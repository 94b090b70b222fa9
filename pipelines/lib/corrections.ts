// Corrections: each submission a later ingest run brought in place of an earlier one (store.ts,
// supersede), read back from history. One row per ingest run × dataset × submission unit (school ×
// year; district_reference: year; milestones: target × year), with the earlier and the later files and
// how many keys the later submission added, retired (removed) and changed. Counts only: no row's values.
import type { DuckDBConnection } from "@duckdb/node-api";
import { maskPersonal, personalDatasets } from "./personal.ts";
import { readDictionary, type Dataset } from "./seeds.ts";
import { storedColumns, storedKey, submissionUnit } from "./schema.ts";
import { queryRows } from "./warehouse.ts";

export interface Correction {
  run_id: number;
  dataset: string;
  school_id: string | null;
  year: number | null;
  target_id: string | null;
  /** Files of the earlier submission(s), and of the later one, joined by "、". */
  earlier_files: string;
  later_files: string;
  added: number;
  removed: number;
  changed: number;
  loaded_at: string;
}

const q = (c: string) => `"${c}"`;

function correctionsSql(ds: Dataset): string {
  const key = storedKey(ds);
  const unit = submissionUnit(ds);
  const cols = storedColumns(ds).map((c) => c.name);
  const values = cols.filter((c) => !key.includes(c));
  const same = (a: string, b: string, names: string[]) =>
    names.map((k) => `${a}.${q(k)} is not distinct from ${b}.${q(k)}`).join(" and ");
  const differs = values.length ? `not (${same("n", "o", values)})` : "false";
  const shown = ["school_id", "year", "target_id"].map((c) => (unit.includes(c) ? `p.${q(c)}` : "null") + ` as ${c}`);
  const list = [...cols, "load_id", "source_file"].map(q).join(", ");
  const hist = [...cols, "load_id", "source_file"].map((c) => `h.${q(c)}`).join(", ");
  return `with log as (select load_id, run_id, source_file, loaded_at from ingest_log),
  old as (
    select h.*, r.run_id as by_run from "${ds.name}_history" h
    join log r on r.load_id = h.replaced_by_load_id
    left join log e on e.load_id = h.load_id
    where e.run_id is distinct from r.run_id),
  units as (select distinct by_run, ${unit.map(q).join(", ")} from old),
  -- each key's last version within its run: a row a later file of its own run replaced (same key) is not
  stored as (
    select ${list} from "${ds.name}"
    union all
    select ${hist} from "${ds.name}_history" h
    join log l on l.load_id = h.load_id
    join log r on r.load_id = h.replaced_by_load_id
    where l.run_id is distinct from r.run_id),
  new as (
    select a.*, l.run_id as by_run, l.loaded_at from stored a
    join log l on l.load_id = a.load_id
    join units u on u.by_run = l.run_id and ${same("u", "a", unit)}),
  pairs as (
    select coalesce(n.by_run, o.by_run) as by_run, ${unit.map((k) => `coalesce(n.${q(k)}, o.${q(k)}) as ${q(k)}`).join(", ")},
      n.source_file as later_file, o.source_file as earlier_file, n.loaded_at,
      o.load_id is null as is_added, n.load_id is null as is_removed,
      n.load_id is not null and o.load_id is not null and ${differs} as is_changed
    from new n full join old o on n.by_run = o.by_run and ${same("n", "o", key)})
  select p.by_run::integer as run_id, '${ds.name}' as dataset, ${shown.join(", ")},
    string_agg(distinct p.earlier_file, '、' order by p.earlier_file) as earlier_files,
    string_agg(distinct p.later_file, '、' order by p.later_file) as later_files,
    count(*) filter (where is_added)::integer as added,
    count(*) filter (where is_removed)::integer as removed,
    count(*) filter (where is_changed)::integer as changed,
    strftime(max(p.loaded_at), '%Y-%m-%d %H:%M') as loaded_at
  from pairs p group by all`;
}

/** Every correction, the latest run first; none in a warehouse from before ingest runs were logged. */
export async function queryCorrections(connection: DuckDBConnection): Promise<Correction[]> {
  const [logged] = await queryRows(
    connection,
    "select 1 from duckdb_columns() where table_name = 'ingest_log' and column_name = 'run_id'",
  );
  if (!logged) return [];
  const datasets = [...readDictionary().values()];
  // only datasets with history can have corrections (most warehouses: none, and then no query)
  const withHistory = await queryRows<{ name: string }>(
    connection,
    datasets
      .map((ds) => `select '${ds.name}' as name where exists (select 1 from "${ds.name}_history")`)
      .join(" union all "),
  );
  if (!withHistory.length) return [];
  const parts = datasets
    .filter((ds) => withHistory.some((w) => w.name === ds.name))
    .map((ds) => `(${correctionsSql(ds)})`);
  const rows = await queryRows<Correction>(
    connection,
    `select * from (${parts.join(" union all ")}) order by run_id desc, dataset, school_id, year, target_id`,
  );
  // the list is published: a student file's name (a school may name it after a pupil) is not, ids are masked
  const personal = personalDatasets();
  const shown = (files: string, dataset: string) =>
    personal.has(dataset) ? "学生个案文件" : maskPersonal(files ?? "");
  return rows.map((r) => ({
    ...r,
    earlier_files: shown(r.earlier_files, r.dataset),
    later_files: shown(r.later_files, r.dataset),
  }));
}
