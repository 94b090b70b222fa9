import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "../lib/errors.ts";
import { classifyFault } from "../lib/faults.ts";
import { readDictionary, readParameters, type Dataset, type Parameter } from "../lib/registry.ts";
import { queryRows } from "../lib/warehouse.ts";
import { defaultTargetsFile, readTargets, type RegisteredTarget } from "./registry.ts";
import { createReceivedUnits } from "./reports.ts";
import { createLatestSubmissions } from "./submissions.ts";
import { createScratch, dropScratch, writeRuleTables } from "./scratch.ts";
import { hideSmallRates, writeGradeRates } from "./smallNumbers.ts";
import { familySqlPath, readQuery, sqlDir, stepNames, stepSqlPath, viewFiles } from "./sql.ts";

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
 * the rule tables and views, the reports owed and received, the families and the status step run in
 * one transaction, so a failure leaves the previous values in place. The connection must not be
 * inside a transaction already.
 */
export async function computeIndicators(
  connection: DuckDBConnection,
  options: ComputeOptions = {},
): Promise<{ rows: number }> {
  const dir = options.sqlDirectory ?? sqlDir;
  const datasets = readDictionary();
  const targets = readTargets(options.targetsFile ?? defaultTargetsFile, datasets, dir);
  await connection.run("begin transaction");
  try {
    await createViews(connection, dir);
    await shadowVisionByGrade(connection);
    await prepareSteps(connection, targets, datasets, dir, readParameters(options.parametersFile));
    await runFamilies(connection, targets, dir, options.families);
    await connection.run("delete from indicator_values");
    await runStep(
      connection,
      stepSqlPath(stepNames.status, dir),
      "insert into indicator_values by name select * from (%s)",
    );
    await runStep(connection, stepSqlPath(stepNames.gaps, dir), "create or replace table target_gaps as %s");
    await runStep(connection, stepSqlPath(stepNames.progress, dir), "create or replace table target_progress as %s");
    await runStep(
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

/** The rule tables and the shared views (`facility_sections`, `section_resources`, `vision_by_grade`), kept in the warehouse for the dashboard. */
export async function createViews(connection: DuckDBConnection, dir = sqlDir): Promise<void> {
  await writeRuleTables(connection);
  for (const [name, file] of viewFiles(dir)) {
    await runStep(connection, file, `create or replace view "${name}" as %s`);
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

/** Scratch tables, then what each school owes and sent (table reports) and per target (target_arrivals). */
export async function prepareSteps(
  connection: DuckDBConnection,
  targets: RegisteredTarget[],
  datasets: Map<string, Dataset>,
  dir = sqlDir,
  parameters: Parameter[] = readParameters(),
): Promise<void> {
  await createScratch(connection, targets, datasets, parameters);
  await createReceivedUnits(connection, datasets);
  await createLatestSubmissions(connection, datasets);
  await runStep(connection, stepSqlPath(stepNames.reports, dir), "create or replace table reports as %s");
  await runStep(connection, stepSqlPath(stepNames.arrivals, dir), "create or replace temp table target_arrivals as %s");
}

/** Families run in the order they first appear in the registry; each reads only views and scratch tables. */
async function runFamilies(
  connection: DuckDBConnection,
  targets: RegisteredTarget[],
  dir: string,
  only?: string[],
): Promise<void> {
  const families = [...new Set(targets.map((t) => t.family))].filter((f) => !only || only.includes(f));
  for (const family of families) {
    await runStep(connection, familySqlPath(family, dir), "insert into family_values by name select * from (%s)");
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

/** Runs one SQL file wrapped in a statement; a failure names the file. */
async function runStep(connection: DuckDBConnection, file: string, wrapper: string): Promise<void> {
  try {
    await connection.run(wrapper.replace("%s", () => readQuery(file)));
  } catch (error) {
    if (classifyFault(error)) throw error; // a full disk is no fault of the SQL file: the caller tells it
    const message = String((error as Error).message ?? error).split("\n")[0];
    throw new UserError(`指标计算出错（${path.basename(path.dirname(file))}/${path.basename(file)}）：${message}`);
  }
}
