// The small-number rule: a grade-level rate whose denominator is under the threshold is not published
// (it could single out a few pupils). Set by SMALL_NUMBER_THRESHOLD when indicators are computed.
import type { DuckDBConnection } from "@duckdb/node-api";
import { UserError } from "../lib/errors.ts";

export const defaultMinDenominator = 10;

/** The threshold: $SMALL_NUMBER_THRESHOLD (a whole number ≥ 1), else 10. */
export function minDenominator(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SMALL_NUMBER_THRESHOLD?.trim();
  if (!text) return defaultMinDenominator;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new UserError(`环境变量 SMALL_NUMBER_THRESHOLD 应为 1 到 100000 之间的整数，现在是"${text}"。`, 2);
  }
  return n;
}

/** Writes the rule into the warehouse (table small_number_rule), where the grade views read it. */
export async function writeSmallNumberRule(connection: DuckDBConnection, min = minDenominator()): Promise<void> {
  await connection.run(
    `create or replace table small_number_rule as
     select ${min}::integer as min_denominator, '人数不足${min}人，不显示' as note`,
  );
}
