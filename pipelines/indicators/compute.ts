import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "../lib/errors.ts";
import { readDictionary, readParameters, type Dataset, type Parameter } from "../lib/seeds.ts";
import { queryRows } from "../lib/warehouse.ts";
import { defaultTargetsFile, type Target } from "../lib/targets.ts";
import { readTargetsWithFamilies } from "./families.ts";
import { createReceivedUnits } from "./reports.ts";
import { createLatestSubmissions, createSubmittedUnits } from "./submissions.ts";
import { createScratch, dropScratch, writeRuleTables } from "./scratch.ts";
import { hideSmallRates, writeGradeRates } from "./smallNumbers.ts";
import {
  familySqlPath,
  macroNames,
  macroSqlPath,
  runSqlFile,
  sqlDir,
  stepNames,
  stepSqlPath,
  viewFiles,
} from "./sql.ts";

export interface ComputeOptions {
  /** The target registry (default seeds/targets.csv). */
  targetsFile?: string;
  /** Where the SQL files live (default this folder). */
  sqlDirectory?: string;
  /** Run only these families (a family's given/expect test); default every family of the registry. */
  families?: string[];
  /** The formulas' parameters (default seeds/parameters.csv). */
  parametersFile?: string;
}

/**
 * Recomputes `indicator_values` from the warehouse: the registry is read and checked first, then
 * the engine runs in the order sql.ts states (rule tables, views, scratch tables, macros, the steps
 * before the families, the families, the steps after them), each part once, in one transaction, so
 * a failure leaves the previous values in place. The connection must not be inside a transaction already.
 */
export async function computeIndicators(
  connection: DuckDBConnection,
  options: ComputeOptions = {},
): Promise<{ rows: number }> {
  const dir = options.sqlDirectory ?? sqlDir;
  const datasets = readDictionary();
  const targets = readTargetsWithFamilies(options.targetsFile ?? defaultTargetsFile, datasets, dir);
  await connection.run("begin transaction");
  try {
    await prepareEngine(connection, targets, datasets, dir, readParameters(options.parametersFile));
    await runFamilies(connection, targets, dir, options.families);
    await connection.run("delete from indicator_values");
    await runSqlFile(
      connection,
      stepSqlPath(stepNames.status, dir),
      "insert into indicator_values by name select * from (%s)",
    );
    await runSqlFile(connection, stepSqlPath(stepNames.gaps, dir), "create or replace table target_gaps as %s");
    await runSqlFile(connection, stepSqlPath(stepNames.progress, dir), "create or replace table target_progress as %s");
    await runSqlFile(
      connection,
      stepSqlPath(stepNames.oversizeClasses, dir),
      "create or replace table oversize_classes as %s",
    );
    await writeGradeRates(connection);
    await hideSmallRates(connection);
    const [{ rows }] = await queryRows<{ rows: number }>(
      connection,
      "select count(*)::INTEGER as rows from indicator_values",
    );
    await dropScratch(connection);
    await connection.run("drop table if exists temp.main.vision_by_grade");
    await connection.run("commit");
    return { rows };
  } catch (error) {
    // After a failed commit (a full disk) DuckDB has ended the transaction already: keep the first error.
    await connection.run("rollback").catch(() => {});
    throw error;
  }
}

/**
 * vision_by_grade aggregates every student record and several families and steps read it: it is
 * computed once per recompute into a temp table of the same name, which shadows the view for this
 * connection until the recompute drops it (the records cannot change meanwhile: one transaction).
 */
async function shadowVisionByGrade(connection: DuckDBConnection): Promise<void> {
  const [{ db }] = await queryRows<{ db: string }>(connection, "select current_database() as db");
  await connection.run(
    `create or replace temp table vision_by_grade as select * from "${db.replace(/"/g, '""')}".main.vision_by_grade`,
  );
}

/**
 * Parts 1–5 of the order in sql.ts, all the families read: the rule tables and the shared views
 * (kept in the warehouse for the dashboard), the scratch tables, the macros, then what each school
 * owes and sent (table reports) and per target (target_arrivals).
 */
export async function prepareEngine(
  connection: DuckDBConnection,
  targets: (Target & { family: string })[],
  datasets: Map<string, Dataset>,
  dir = sqlDir,
  parameters: Parameter[] = readParameters(),
): Promise<void> {
  await writeRuleTables(connection, dir);
  for (const [name, file] of viewFiles(dir)) {
    await runSqlFile(connection, file, `create or replace view "${name}" as %s`);
  }
  await shadowVisionByGrade(connection);
  await createScratch(connection, targets, datasets, parameters, dir);
  for (const macro of macroNames) await runSqlFile(connection, macroSqlPath(macro, dir), "%s");
  await createSubmittedUnits(connection, datasets);
  await createReceivedUnits(connection, datasets);
  await createLatestSubmissions(connection);
  await runSqlFile(connection, stepSqlPath(stepNames.reports, dir), "create or replace table reports as %s");
  await runSqlFile(
    connection,
    stepSqlPath(stepNames.arrivals, dir),
    "create or replace temp table target_arrivals as %s",
  );
}

/** Families run in the order they first appear in the registry; each reads only views and scratch tables. */
async function runFamilies(
  connection: DuckDBConnection,
  targets: (Target & { family: string })[],
  dir: string,
  only?: string[],
): Promise<void> {
  const families = [...new Set(targets.map((t) => t.family))].filter((f) => !only || only.includes(f));
  for (const family of families) {
    await runSqlFile(connection, familySqlPath(family, dir), "insert into family_values by name select * from (%s)");
  }
  const twice = await queryRows<{ target_id: string; year: number; school_id: string | null }>(
    connection,
    `select target_id, year, school_id from family_values
     group by all having count(*) > 1 order by all limit 1`,
  );
  if (twice.length > 0) {
    const { target_id, year, school_id } = twice[0];
    throw new UserError(`指标计算出错：${target_id} ${year} 年 ${school_id ?? "全区"} 得到了不止一个值。`);
  }
}
