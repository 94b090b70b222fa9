// `npm run check -- 报表.xlsx`: every problem of a workbook named by sheet, row and column.
import type { Dataset } from "../../lib/seeds.ts";
import type { HeaderMap } from "../header.ts";
import { reasonWords } from "../../../src/shared/vocabulary.js";
import type { References, Reject } from "../validate.ts";
import { columnLetter, openWorkbook } from "./workbook.ts";
import { hiddenRowsNote, readSheet } from "./read.ts";
import { planSheets, sheetColumns } from "./sheets.ts";

/** The column a reject is about: the dictionary column its reason names first (`E 列（近视人数）`). */
export function rejectColumn(reject: Reject, header: HeaderMap | undefined, ds: Dataset): string {
  if (!header || reject.code === "totals_row") return "";
  let found: { at: number; name: string; position: number } | undefined;
  for (const c of ds.columns) {
    const position = header.positions.get(c.column);
    const at = reject.reason.indexOf(c.zhHeader);
    if (position === undefined || at < 0) continue;
    if (!found || at < found.at || (at === found.at && c.zhHeader.length > found.name.length))
      found = { at, name: c.zhHeader, position };
  }
  return found ? `${columnLetter(found.position)} 列（${found.name}）` : "";
}

export function checkWorkbook(
  file: string,
  bytes: Uint8Array,
  kind: "xlsx" | "xls",
  fileDataset: string | undefined,
  datasets: Map<string, Dataset>,
  references: References,
  note?: string,
): number {
  const opened = openWorkbook(bytes, kind, sheetColumns(fileDataset, datasets));
  if (!opened.ok) {
    console.error(`${file}：${opened.message}`);
    return 1;
  }
  const plans = planSheets(opened.sheets, fileDataset, datasets, true);
  const toRead = plans.filter((p) => p.dataset);
  console.log(
    `${file}：Excel 工作簿（.${kind}），${opened.sheets.length} 个工作表，其中 ${toRead.length} 个是数据表。`,
  );
  if (note) console.log(note);
  for (const p of plans) if (p.skipped) console.log(p.skipped);
  if (!toRead.length) {
    console.error(`${file}：工作簿中没有可检查的工作表，请把工作表命名为数据集名称，或用 --dataset 指定`);
    return 1;
  }
  let problems = 0;
  for (const { sheet, dataset } of toRead) {
    const ds = datasets.get(dataset!)!;
    const where = `工作表“${sheet.name}”`;
    const result = readSheet(sheet, ds, references, "check", kind);
    if (!result.ok) {
      console.log(`${where}：无法读取：${result.message}`);
      problems++;
      continue;
    }
    console.log(
      `${where}：数据集“${ds.nameZh}”，数据 ${result.rowsRead} 行，可导入 ${result.rows.length} 行，有问题 ${result.rejects.length} 行。`,
    );
    const hidden = hiddenRowsNote(sheet);
    if (hidden) console.log(`${where}：${hidden}`);
    for (const r of result.rejects) {
      const column = rejectColumn(r, result.header, ds);
      console.log(`${where} 第 ${r.line} 行${column ? ` ${column}` : ""} [${reasonWords[r.code]}] ${r.reason}`);
    }
    problems += result.rejects.length;
  }
  return problems ? 1 : 0;
}
