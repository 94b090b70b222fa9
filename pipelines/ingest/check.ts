// `npm run check -- FILE [--dataset NAME] [--db FILE]`: a school checks its file before sending it.
import fs from "node:fs";
import path from "node:path";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { warehousePath } from "../lib/paths.ts";
import { readDictionary } from "../lib/seeds.ts";
import { readTargetRows } from "../lib/targets.ts";
import { openWarehouse } from "../lib/warehouse.ts";
import { decode, workbookKind } from "./decode.ts";
import { datasetOf, datasetOfName } from "./files.ts";
import { guessDataset } from "./header.ts";
import { readDataFile } from "./read.ts";
import { loadReferences } from "./run.ts";
import { reasonWords } from "../../src/shared/vocabulary.js";
import { readRecords } from "./table.ts";
import type { References } from "./validate.ts";
import { checkWorkbook } from "./workbook/check.ts";

async function referencesFor(db: string): Promise<{ references: References; note?: string }> {
  const targets = new Map(readTargetRows().map((t) => [t.target_id, t.unit]));
  if (!fs.existsSync(db))
    return { references: { schools: null, targets }, note: "未找到数据仓库，未核对学校代码与学段。" };
  const warehouse = await openWarehouse(db, { readOnly: true });
  try {
    return { references: await loadReferences(warehouse.connection) };
  } catch {
    return { references: { schools: null, targets }, note: "数据仓库中没有学校名录，未核对学校代码与学段。" };
  } finally {
    warehouse.close();
  }
}

export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    options: { dataset: { type: "string" }, db: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UserError("用法：npm run check -- 文件（.csv、.xlsx 或 .xls） [--dataset 数据集中文名，如 视力筛查]", 2);
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file)) throw new UserError(`找不到文件 ${file}`, 2);
  const datasets = readDictionary();
  const chineseNames = [...datasets.values()].map((d) => d.nameZh).join("、");
  // --dataset 视力筛查 or --dataset vision
  const given = values.dataset && datasetOfName(values.dataset, [...datasets.keys()]);
  if (values.dataset && !given) throw new UserError(`没有数据集“${values.dataset}”（可选：${chineseNames}）`, 2);
  const bytes = fs.readFileSync(file);
  const workbook = workbookKind(bytes);
  if (workbook) {
    const { references, note } = await referencesFor(warehousePath(values.db));
    const named = given || datasetOf(path.basename(file), [...datasets.keys()]);
    return checkWorkbook(file, bytes, workbook, named, datasets, references, note);
  }
  // said before anything else, a guess at the dataset would only puzzle a clerk (a system's ".xls"
  // export that is text is read as text)
  if (/\.xlsx?$/i.test(file) && !decode(bytes)) {
    console.error(`${file}：文件名是 Excel 工作簿，内容却不是（可能已损坏）：请在 Excel 或 WPS 中打开后重新保存`);
    return 1;
  }
  if (bytes.length <= 4096 && decode(bytes)?.text.trim() === "") {
    console.error(`${file}：文件是空的，没有任何数据`);
    return 1;
  }
  let name = given || datasetOf(path.basename(file), [...datasets.keys()]);
  if (!name) {
    const text = decode(bytes)?.text;
    name = text ? guessDataset(readRecords(text), datasets)?.name : undefined;
  }
  const ds = name ? datasets.get(name) : undefined;
  if (!ds) throw new UserError(`${file}：无法判断数据集，请用 --dataset 指定（可选：${chineseNames}）`);
  const { references, note } = await referencesFor(warehousePath(values.db));
  const result = readDataFile(bytes, ds, references, "check");
  if (!result.ok) {
    console.error(`${file}：${result.message}`);
    return 1;
  }
  console.log(
    `${file}：数据集“${ds.nameZh}”，编码 ${result.encoding.toUpperCase()}，数据 ${result.rowsRead} 行，可导入 ${result.rows.length} 行，有问题 ${result.rejects.length} 行。`,
  );
  if (note) console.log(note);
  for (const r of result.rejects) console.log(`第 ${r.line} 行 [${reasonWords[r.code]}] ${r.reason}`);
  return result.rejects.length ? 1 : 0;
}
