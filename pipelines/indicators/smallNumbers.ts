// The small-number rule: a count or rate whose denominator (pupils) is under the threshold is not
// published (it could single out a few pupils), and neither is any count that would let it be worked
// out by subtraction from a published total (complementary suppression). At grade level the table
// vision_grade_rates holds what may be shown; at school and district level the rows of indicator_values
// of a rate over pupils lose their value, numerator and denominator (suppressed = true). The threshold is
// kept in small_number_rule.
import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "../lib/errors.ts";
import { parameterValue, readParameters } from "../lib/seeds.ts";
import { queryRows } from "../lib/warehouse.ts";

/** The threshold: $SMALL_NUMBER_THRESHOLD (a whole number ≥ 1), else seeds/parameters.csv small_number_min. */
export function minDenominator(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SMALL_NUMBER_THRESHOLD?.trim();
  if (!text) return parameterValue(readParameters(), "", "small_number_min");
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new UserError(`环境变量 SMALL_NUMBER_THRESHOLD 应为 1 到 100000 之间的整数，现在是"${text}"。`, 2);
  }
  return n;
}

export interface GradeCell {
  year: number;
  school_id: string | null; // null: the district
  grade: string;
  screened: number;
  judged: number;
  myopic: number;
  suppressed: boolean;
  /** Hidden only so that another hidden count cannot be worked out. */
  complementary: boolean;
}

/**
 * The sets of cells that add up to a published total: a school's grades 1–12 (its myopia numerator in
 * indicator_values), the district's grades 1–12 (the district numerator), and each grade across the
 * schools with the district's cell of that grade. Kindergarten grades are in no published total of
 * myopic pupils, so only their grade's set holds them.
 */
export function publishedSums(cells: GradeCell[]): GradeCell[][] {
  const groups = new Map<string, GradeCell[]>();
  const add = (key: string, cell: GradeCell) => groups.set(key, [...(groups.get(key) ?? []), cell]);
  for (const cell of cells) {
    if (!cell.grade.startsWith("K")) add(`row|${cell.year}|${cell.school_id ?? ""}`, cell);
    add(`grade|${cell.year}|${cell.grade}`, cell);
  }
  return [...groups.values()];
}

/**
 * Hides cells under `min` judged pupils, then, in every published sum that would hold exactly one
 * hidden count, also the smallest other count (complementary suppression), until no sum does.
 * A cell with nobody judged hides nothing (its count is 0 whatever is shown) and protects nothing.
 */
export function suppress(cells: GradeCell[], min: number, groups = publishedSums(cells)): void {
  for (const cell of cells) cell.suppressed = cell.judged < min;
  const secret = (c: GradeCell) => c.suppressed && c.judged > 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (group.filter(secret).length !== 1) continue;
      const cover = group
        .filter((c) => !c.suppressed && c.judged > 0)
        .sort(
          (a, b) =>
            a.judged - b.judged ||
            (a.school_id ?? "").localeCompare(b.school_id ?? "") ||
            a.grade.localeCompare(b.grade),
        )[0];
      if (!cover) continue;
      cover.suppressed = true;
      cover.complementary = true;
      changed = true;
    }
  }
}

/** Writes small_number_rule and the table vision_grade_rates (school rows and the district row of each grade). */
export async function writeGradeRates(connection: DuckDBConnection, min = minDenominator()): Promise<void> {
  const note = `人数不足${min}人，不显示`;
  const coverNote = "为防止由合计推算出人数较少年级的近视人数，一并不显示";
  await connection.run(
    `create or replace table small_number_rule as select ${min}::integer as min_denominator, '${note}' as note`,
  );
  const cells = await queryRows<GradeCell>(
    connection,
    `with grades as (
       select year, school_id, grade, screened, judged, myopic from vision_by_grade
       union all
       select year, null, grade, sum(screened), sum(judged), sum(myopic) from vision_by_grade group by year, grade
     )
     select year::INTEGER as year, school_id, grade, screened::INTEGER as screened, judged::INTEGER as judged,
            myopic::INTEGER as myopic, false as suppressed, false as complementary
     from grades order by year, school_id nulls first, grade`,
  );
  suppress(cells, min);
  // warehouses made before the table held vision_grade_rates as a view
  const [view] = await queryRows(connection, "select 1 from duckdb_views() where view_name = 'vision_grade_rates'");
  if (view) await connection.run("drop view vision_grade_rates");
  await connection.run(`create or replace table vision_grade_rates (
    year INTEGER, school_id VARCHAR, grade VARCHAR, screened INTEGER, judged INTEGER, myopic INTEGER,
    myopia_rate DOUBLE, suppressed BOOLEAN, note VARCHAR)`);
  const appender = await connection.createAppender("vision_grade_rates");
  for (const c of cells) {
    appender.appendInteger(c.year);
    if (c.school_id === null) appender.appendNull();
    else appender.appendVarchar(c.school_id);
    appender.appendVarchar(c.grade);
    // a grade under the threshold shows not even how many were screened (a complementary one does)
    const small = c.suppressed && !c.complementary;
    if (small) appender.appendNull();
    else appender.appendInteger(c.screened);
    if (small) appender.appendNull();
    else appender.appendInteger(c.judged);
    if (c.suppressed) appender.appendNull();
    else appender.appendInteger(c.myopic);
    if (c.suppressed || c.judged === 0) appender.appendNull();
    else appender.appendDouble(c.myopic / c.judged);
    appender.appendBoolean(c.suppressed);
    if (c.suppressed) appender.appendVarchar(c.complementary ? coverNote : note);
    else appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * School and district rows of a rate over pupils (macro pupil_rate) whose denominator is under the
 * threshold lose value, numerator and denominator; where one school of a target and year is hidden,
 * the next smallest is hidden too, so that the district total less the published schools gives
 * nothing away; a school's year-on-year change of such a rate goes with either year's rate. The status
 * stays (the verdict is published, the figures are not).
 */
export async function hideSmallRates(connection: DuckDBConnection, min = minDenominator()): Promise<void> {
  const rows = await queryRows<{ target_id: string; year: number; school_id: string | null; denominator: number }>(
    connection,
    `select v.target_id, v.year::INTEGER as year, v.school_id, v.denominator::DOUBLE as denominator
     from indicator_values as v
     join targets as t on t.target_id = v.target_id and pupil_rate(t.scope, t.display_unit)
     where v.denominator is not null
     order by v.target_id, v.year, v.school_id nulls first`,
  );
  const cells: (GradeCell & { target_id: string })[] = rows.map((r) => ({
    target_id: r.target_id,
    year: r.year,
    school_id: r.school_id,
    grade: "",
    screened: r.denominator,
    judged: r.denominator,
    myopic: 0,
    suppressed: false,
    complementary: false,
  }));
  const groups = new Map<string, GradeCell[]>();
  for (const cell of cells) {
    const key = `${cell.target_id}|${cell.year}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  suppress(cells, min, [...groups.values()]);
  await connection.run("create or replace temp table small_rows (target_id VARCHAR, year INTEGER, school_id VARCHAR)");
  const appender = await connection.createAppender("small_rows", "main", "temp");
  for (const c of cells.filter((c) => c.suppressed)) {
    appender.appendVarchar(c.target_id);
    appender.appendInteger(c.year);
    if (c.school_id === null) appender.appendNull();
    else appender.appendVarchar(c.school_id);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`update indicator_values as v
    set value = null, numerator = null, denominator = null, lower_bound = null, upper_bound = null, suppressed = true
    from small_rows as s
    where s.target_id = v.target_id and s.year = v.year and s.school_id is not distinct from v.school_id`);
  await connection.run("drop table temp.main.small_rows");
  // a school's change from one year to the next (a difference of two rates over pupils, unit pp) gives its
  // rates away when either of them is hidden
  await connection.run(`update indicator_values as c
    set value = null, numerator = null, denominator = null, suppressed = true
    from targets as t
    where t.target_id = c.target_id and t.display_unit = 'pp' and c.school_id is not null
      and exists (
        select 1
        from indicator_values as r
        join target_datasets as rd on rd.target_id = r.target_id
        join target_datasets as cd on cd.target_id = c.target_id and cd.dataset = rd.dataset
        where r.school_id = c.school_id and r.year in (c.year, c.year - 1) and r.suppressed
      )`);
}
