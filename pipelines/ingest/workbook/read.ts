// Reading one sheet as a dataset: the same header finding and RowValidator as a CSV, plus what only a
// workbook has (a header split over two rows; a formula whose value the file did not save).
import type { Dataset } from "../../lib/seeds.ts";
import type { HeaderMap } from "../header.ts";
import { validateRecords, type ReadResult } from "../read.ts";
import { joinSplitHeader } from "./splitHeader.ts";
import { RowValidator, recordJson, type GoodRow, type References, type Reject } from "../validate.ts";
import { columnLetter, type Sheet, type WorkbookRecord } from "./workbook.ts";
import type { RawRecord } from "../table.ts";

/** A cell no dictionary type accepts: stands for a formula without a value while the other rules are judged. */
const noValueYet = "\u0000";

/**
 * A row with a formula whose value was not saved is rejected as bad_type, unless it breaks an earlier
 * rule (a totals row, an empty required cell). No formula is ever evaluated.
 */
function judgeFormulas(ds: Dataset, references: References) {
  return (rec: RawRecord, validator: RowValidator, header: HeaderMap): GoodRow | Reject => {
    const formulas = (rec as WorkbookRecord).formulas ?? [];
    if (!formulas.length) return validator.validate(rec);
    const marked = rec.cells.map((c, i) => (formulas.some((f) => f.column === i) ? noValueYet : c));
    const probe = new RowValidator(ds, header, references).validate({ line: rec.line, cells: marked });
    const record = recordJson(header.cells, rec.cells);
    if ("code" in probe && (probe.code === "totals_row" || probe.code === "missing_required"))
      return { ...probe, record };
    const [f] = formulas;
    const name = header.cells[f.column]?.trim() || `第 ${f.column + 1} 列`;
    return {
      line: rec.line,
      code: "bad_type",
      reason: `${name}（单元格 ${columnLetter(f.column)}${rec.line}）是公式“=${f.formula}”，文件中没有保存计算结果：请在 Excel 或 WPS 中打开、保存后再发送`,
      record,
      ...validator.unitOf(rec),
    };
  };
}

/** Reads a sheet as the dataset `ds`; `encoding` is the workbook's kind (`xlsx`, `xls`). */
export function readSheet(sheet: Sheet, ds: Dataset, references: References, salt: string, kind: string): ReadResult {
  if (sheet.problem) return { ok: false, encoding: kind, message: sheet.problem };
  const records = joinSplitHeader(sheet.records, sheet.merges, ds);
  return validateRecords(records, ds, references, salt, kind, judgeFormulas(ds, references));
}

const rowList = (rows: number[]) => rows.slice(0, 20).join("、") + (rows.length > 20 ? ` 等 ${rows.length} 行` : "");

/** What was skipped inside a sheet (hidden rows, text right of the columns read), in Chinese, or undefined. */
export function hiddenRowsNote(sheet: Sheet): string | undefined {
  const notes: string[] = [];
  if (sheet.hiddenRows.length) notes.push(`跳过了隐藏的行：第 ${rowList(sheet.hiddenRows)} 行`);
  if (sheet.clippedRows.length) {
    const last = columnLetter(sheet.maxColumns - 1);
    notes.push(`只读取了 A 至 ${last} 列，${last} 列右侧的内容未读取：第 ${rowList(sheet.clippedRows)} 行`);
  }
  return notes.join("；") || undefined;
}
