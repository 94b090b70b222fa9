// `npm run ingest -- [--input DIR] [--db FILE] [--json]`
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import cliProgress from "cli-progress";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { tellingFaults } from "../lib/faults.ts";
import { defaultRawDir, sampleDir, warehousePath } from "../lib/paths.ts";
import { queryCorrections } from "../lib/corrections.ts";
import { datasetNames } from "../lib/seeds.ts";
import { openWarehouse, queryRows } from "../lib/warehouse.ts";
import { correctionText } from "../../src/shared/vocabulary.js";
import { hasDataFiles } from "./files.ts";
import { runIngest, type FileOutcome } from "./run.ts";
import { stepSeconds, stepTimer } from "./steps.ts";
import { formatSummary, summarise } from "./summary.ts";

/** The default input: data/raw, or the shipped sample when data/raw holds no data file. */
export function defaultInput(): string {
  return hasDataFiles(defaultRawDir) ? defaultRawDir : sampleDir;
}

/** What the ingest runs on its open warehouse after the files: the indicators (chained by the command line). */
export type Recompute = (connection: DuckDBConnection) => Promise<{ rows: number }>;

export async function main(args: string[], { recompute }: { recompute: Recompute }): Promise<number> {
  const { values } = parseOptions({
    args,
    options: { input: { type: "string" }, db: { type: "string" }, json: { type: "boolean" } },
  });
  const input = path.resolve(values.input ?? defaultInput());
  if (!hasDataFiles(input)) throw new UserError(`输入文件夹 ${input} 中没有数据文件（CSV、.xlsx 或 .xls）。`, 2);
  const started = performance.now();
  const warehouse = await openWarehouse(warehousePath(values.db));
  const bar =
    process.stderr.isTTY && !values.json
      ? new cliProgress.SingleBar({ format: "导入 [{bar}] {value}/{total} 个文件 {file}", hideCursor: true })
      : undefined;
  try {
    const failures: string[] = [];
    const ingesting = {
      doing: "导入数据",
      warehouse: warehouse.path,
      kept: "此前导入的数据都还在。",
      retry: "npm run ingest",
    };
    const notes: string[] = [];
    const outcomes = await tellingFaults(ingesting, () =>
      runIngest(warehouse.connection, {
        input,
        isSample: input === path.resolve(sampleDir),
        onFile(done, total, o: FileOutcome) {
          if (done === 1) bar?.start(total, 0, { file: "" });
          bar?.update(done, { file: o.source_file });
          if (o.status === "failed") failures.push(`导入失败：${o.source_file}：${o.message}`);
          else if (o.message) notes.push(`说明：${o.source_file}：${o.message}`);
        },
      }),
    ).finally(() => {
      bar?.stop();
      for (const line of failures) console.error(line);
    });
    if (!values.json) for (const line of notes) console.log(line);
    // the submissions this run replaced: why a number may move
    const [{ run }] = await queryRows<{ run: number }>(
      warehouse.connection,
      "select max(run_id) as run from ingest_runs",
    );
    const corrections = (await queryCorrections(warehouse.connection)).filter((c) => c.run_id === run);
    const names = datasetNames();
    if (!values.json)
      for (const c of corrections)
        console.log(`更正：${c.school_id ? `学校 ${c.school_id} ` : ""}${correctionText(c, names[c.dataset])}`);
    const step = stepTimer();
    const computing = {
      doing: "重新计算指标",
      warehouse: warehouse.path,
      kept: "导入的文件都已保存，指标表保留上一次的结果。",
      retry: "npm run indicators",
    };
    const indicators = await tellingFaults(computing, () => recompute(warehouse.connection));
    step("indicators");
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      const files = outcomes;
      // Peak memory of this process (DuckDB's threads included), for the benchmark.
      const maxRssBytes = process.resourceUsage().maxRSS * 1024;
      const totals = summarise(outcomes);
      console.log(
        JSON.stringify({
          input,
          db: warehouse.path,
          seconds,
          steps: stepSeconds(),
          maxRssBytes,
          ...totals,
          files,
          corrections,
          indicators,
        }),
      );
    } else {
      console.log(formatSummary(outcomes, seconds));
      console.log(`已重新计算指标：${indicators.rows} 行（数据仓库表 indicator_values）。`);
    }
    return failures.length ? 1 : 0;
  } finally {
    bar?.stop();
    warehouse.close();
  }
}
