import fs from "node:fs";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { tellingFaults } from "../lib/faults.ts";
import { warehousePath } from "../lib/paths.ts";
import { readDictionary } from "../lib/seeds.ts";
import { ensureSchema } from "../lib/schema.ts";
import { openWarehouse, queryRows } from "../lib/warehouse.ts";
import { statusOrder, statusWords } from "../../src/shared/vocabulary.js";
import { computeIndicators } from "./compute.ts";
import { defaultTargetsFile } from "../lib/targets.ts";
import { readTargetsWithFamilies } from "./families.ts";

/** `npm run indicators -- [--db FILE] [--targets FILE] [--parameters FILE]`: recompute indicator_values alone. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: { db: { type: "string" }, targets: { type: "string" }, parameters: { type: "string" } },
    allowPositionals: false,
  });
  const file = warehousePath(values.db);
  if (!fs.existsSync(file)) throw new UserError(`数据仓库 ${file} 不存在：请先运行 npm run ingest 导入数据。`);
  // It recomputes what an ingest wrote: a warehouse of another shape is refused as by every reader.
  const warehouse = await openWarehouse(file, { use: "read" });
  try {
    await ensureSchema(warehouse.connection, readDictionary());
    const targets = readTargetsWithFamilies(values.targets ?? defaultTargetsFile);
    const started = Date.now();
    const computing = {
      doing: "重新计算指标",
      warehouse: file,
      kept: "指标表保留上一次的结果，其他数据没有改动。",
      retry: "npm run indicators",
    };
    const { rows } = await tellingFaults(computing, () =>
      computeIndicators(warehouse.connection, { targetsFile: values.targets, parametersFile: values.parameters }),
    );
    const counts = await queryRows<{ year: number; status: string; n: number }>(
      warehouse.connection,
      `select year, status, count(*)::INTEGER as n from indicator_values
       where school_id is null and year = (select max(year) from indicator_values)
       group by year, status`,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`已重新计算 ${targets.length} 项指标：写入 ${rows} 行，用时 ${seconds} 秒。`);
    if (counts.length === 0) {
      console.log("仓库中还没有可计算的数据。");
      return 0;
    }
    const parts = statusOrder
      .map((status) => `${statusWords[status]} ${counts.find((c) => c.status === status)?.n ?? 0} 项`)
      .join("，");
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    console.log(`${counts[0].year} 年全区 ${total} 项指标：${parts}。`);
    return 0;
  } finally {
    warehouse.close();
  }
}
