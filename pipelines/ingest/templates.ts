// `npm run templates -- [--out DIR]`: a blank template per dataset for the schools to fill.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { parseOptions } from "../lib/args.ts";
import { root } from "../lib/paths.ts";
import { readDictionary } from "../lib/registry.ts";
import { enumLabels } from "./cells.ts";
import { describeRange, parseRange } from "./rules.ts";

const typeWords: Record<string, string> = {
  text: "文本",
  code: "代码：字母、数字、- 或 _",
  int: "整数",
  number: "数字",
  bool: "是/否",
  date: "日期，如 2021-06-30",
  grade: "年级，如 一年级、初一、高二、小班",
  stage: "办学类型，如 小学、九年一贯制学校",
  section: "学段：幼儿园、小学、初中、高中、中职、特殊教育",
};

const bom = "\uFEFF";

export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { out: { type: "string" } } });
  const out = path.resolve(values.out ?? path.join(root, "data", "templates"));
  fs.mkdirSync(out, { recursive: true });
  const guide: string[][] = [["数据集", "文件名", "列名", "英文名", "类型", "必填", "取值范围"]];
  for (const ds of readDictionary().values()) {
    const file = `${ds.name}.csv`;
    fs.writeFileSync(
      path.join(out, file),
      bom + stringify([ds.columns.map((c) => c.zhHeader)], { record_delimiter: "\r\n" }),
    );
    for (const c of ds.columns) {
      const range = parseRange(c.range);
      const type = c.type.startsWith("enum:") ? enumLabels(c.type) : (typeWords[c.type] ?? c.type);
      guide.push([
        ds.name,
        file,
        c.zhHeader,
        c.column,
        type,
        c.required ? "是" : "否",
        range ? describeRange(range) : "",
      ]);
    }
  }
  fs.writeFileSync(path.join(out, "填报说明.csv"), bom + stringify(guide, { record_delimiter: "\r\n" }));
  console.log(
    `已在 ${out} 生成 ${guide.length > 1 ? readDictionary().size : 0} 个填报模板和"填报说明.csv"（UTF-8 带 BOM，可直接用 Excel 打开）。`,
  );
  return 0;
}
