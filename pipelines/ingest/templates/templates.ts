// `npm run templates -- [--out DIR] [--db FILE]`: a blank template per dataset for the schools to fill,
// as CSV and as .xlsx (xlsx.ts).
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { parseOptions } from "../../lib/args.ts";
import { root, warehousePath } from "../../lib/paths.ts";
import { readDictionary } from "../../lib/seeds.ts";
import { enumLabels } from "../cells.ts";
import { describeRange, parseRange } from "../rules.ts";
import { typeWords } from "./columnHints.ts";
import { templateSchools } from "./schools.ts";
import { templateWorkbook } from "./xlsx.ts";

const bom = "\uFEFF";

export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { out: { type: "string" }, db: { type: "string" } } });
  const out = path.resolve(values.out ?? path.join(root, "data", "templates"));
  // The warehouse first: one of another shape is refused before anything is written.
  const { schools, note } = await templateSchools(warehousePath(values.db));
  fs.mkdirSync(out, { recursive: true });
  const guide: string[][] = [["数据集", "文件名", "列名", "类型", "必填", "取值范围"]];
  // named as a school clerk reads them (视力筛查.csv, 视力筛查.xlsx); the importer knows a dataset by that name too
  for (const ds of readDictionary().values()) {
    const file = `${ds.nameZh}.csv`;
    fs.writeFileSync(
      path.join(out, file),
      bom + stringify([ds.columns.map((c) => c.zhHeader)], { record_delimiter: "\r\n" }),
    );
    fs.writeFileSync(path.join(out, `${ds.nameZh}.xlsx`), await templateWorkbook(ds, schools));
    for (const c of ds.columns) {
      const range = parseRange(c.range);
      const type = c.type.startsWith("enum:") ? enumLabels(c.type) : (typeWords[c.type] ?? c.type);
      guide.push([ds.nameZh, file, c.zhHeader, type, c.required ? "是" : "否", range ? describeRange(range) : ""]);
    }
  }
  fs.writeFileSync(path.join(out, "填报说明.csv"), bom + stringify(guide, { record_delimiter: "\r\n" }));
  console.log(
    `已在 ${out} 生成 ${guide.length > 1 ? readDictionary().size : 0} 个填报模板和"填报说明.csv"（UTF-8 带 BOM，可直接用 Excel 打开）。`,
  );
  console.log(
    `另为每个数据集生成了 Excel 模板（以数据集中文名命名，如“视力筛查.xlsx”：表头锁定、下拉列表、填写提示和“填报说明”工作表），学校填好后原样发回即可导入。`,
  );
  if (note) console.log(note);
  return 0;
}
