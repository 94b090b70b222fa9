// `npm run bench -- [--quick] [--only records|districts|workbooks] [--rows N,N] [--schools N,N] [--sizes N,N]
//   [--runs N] [--seed N] [--work DIR]`: generates its inputs (the same bytes every time), measures
// every figure side by side in one run and prints one table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { benchDistrict, type DistrictResult } from "./districts.ts";
import { benchRecords, type RecordsResult } from "./records.ts";
import { benchTable } from "./table.ts";
import { benchWorkbooks, type WorkbookCase } from "./workbooks.ts";

const full = { rows: [2_000_000, 200_000], schools: [200, 1000, 5000] };
const quick = { rows: [20_000, 2_000], schools: [20] };

function sizes(text: string | undefined, fallback: number[], name: string, min: number, max: number): number[] {
  if (text === undefined) return fallback;
  const list = text.split(",").map((s) => Number(s.trim()));
  if (!list.length || list.some((x) => !Number.isInteger(x) || x < min || x > max))
    throw new UserError(`参数有误：--${name} 应为 ${min} 到 ${max} 之间的整数，用逗号分隔`, 2);
  return list;
}

async function machine(): Promise<string> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll("select version() as v");
  const duckdb = String(reader.getRowObjectsJS()[0].v);
  connection.closeSync();
  instance.closeSync();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `机器：${os.availableParallelism()} 核，内存 ${memory} GB，Node ${process.version}，DuckDB ${duckdb}`;
}

const load = () => os.loadavg()[0].toFixed(2);

export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      quick: { type: "boolean" },
      only: { type: "string" },
      rows: { type: "string" },
      schools: { type: "string" },
      sizes: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      work: { type: "string" },
    },
  });
  const only = values.only;
  if (only !== undefined && only !== "records" && only !== "districts" && only !== "workbooks")
    throw new UserError("参数有误：--only 应为 records、districts 或 workbooks", 2);
  if (values.sizes !== undefined && !only) throw new UserError("参数有误：--sizes 需与 --only 一起使用", 2);
  const base = values.quick ? quick : full;
  const rows = sizes(
    only === "records" ? (values.sizes ?? values.rows) : values.rows,
    base.rows,
    "rows",
    100,
    50_000_000,
  );
  const schools = sizes(
    only === "districts" ? (values.sizes ?? values.schools) : values.schools,
    base.schools,
    "schools",
    20,
    9000,
  );
  const [runs] = sizes(values.runs, [1], "runs", 1, 10);
  const [seed] = sizes(values.seed, [2021], "seed", 0, 2 ** 31);
  const work = values.work ? path.resolve(values.work) : fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
  fs.mkdirSync(work, { recursive: true });
  const header = await machine();
  const loadBefore = load();
  const records: RecordsResult[] = [];
  const districts: DistrictResult[] = [];
  const workbooks: WorkbookCase[] = [];
  try {
    // The workbook cases take minutes whatever the sizes: not part of --quick.
    if (only === "workbooks" || (only === undefined && !values.quick)) {
      console.error("工作簿上限……");
      workbooks.push(...(await benchWorkbooks(work)));
    }
    if (only !== "districts" && only !== "workbooks")
      for (const n of rows) {
        console.error(`记录：${n.toLocaleString("zh-CN")} 行……`);
        records.push(await benchRecords(work, n, runs));
      }
    if (only !== "records" && only !== "workbooks")
      for (const n of schools) {
        console.error(`区县：${n.toLocaleString("zh-CN")} 所学校……`);
        districts.push(await benchDistrict(work, n, seed));
      }
  } finally {
    if (!values.work) fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`${header}，负载（1 分钟平均）开始 ${loadBefore}、结束 ${load()}`);
  console.log("");
  console.log(benchTable(records, districts, workbooks));
  return 0;
}
