// Which dataset each sheet of a workbook holds: the sheet's name (the dataset's Chinese name or its
// code), else, for the one sheet with data, the file's folder or name as for a CSV.
import { datasetNames, type Dataset } from "../../lib/seeds.ts";
import { datasetOfName as datasetOfSheet } from "../files.ts";
import { findHeader, guessDataset, headerKey } from "../header.ts";
import { templateSheets } from "../templates/sheets.ts";
import type { Sheet } from "./workbook.ts";
import { columnsRead, widestColumns } from "./limits.ts";

export interface SheetPlan {
  sheet: Sheet;
  /** The dataset to read the sheet as; absent when the sheet is skipped. */
  dataset?: string;
  /** Why the sheet is skipped, in Chinese; absent for sheets skipped without a word (empty, template help). */
  skipped?: string;
}

/**
 * How many columns of each sheet to read, known before its rows are built: those of the dataset its
 * name names, else of the file's dataset (folder or file name), else of the widest dataset; plus a margin.
 */
export function sheetColumns(fileDataset: string | undefined, datasets: Map<string, Dataset>) {
  const names = [...datasets.keys()];
  return (sheet: string): number => {
    const ds = datasets.get(datasetOfSheet(sheet, names) ?? fileDataset ?? "");
    return ds ? columnsRead(ds) : widestColumns(datasets);
  };
}

const first = ["schools", "district_reference"];
const rank = (p: SheetPlan) => (first.includes(p.dataset ?? "") ? first.indexOf(p.dataset!) : first.length);

/**
 * A plan for every sheet, registry sheets first. `fileDataset` is what the file's folder or name says;
 * with `guess` (the check command) a lone unnamed sheet is read as the dataset its header fits best.
 */
export function planSheets(
  sheets: Sheet[],
  fileDataset: string | undefined,
  datasets: Map<string, Dataset>,
  guess = false,
): SheetPlan[] {
  const names = [...datasets.keys()];
  const plans: SheetPlan[] = sheets.map((sheet) => {
    if (!sheet.records.length || templateSheets.has(sheet.name.trim())) return { sheet };
    if (sheet.hidden) return { sheet, skipped: `隐藏的工作表“${sheet.name}”未读取` };
    return { sheet, dataset: datasetOfSheet(sheet.name, names) };
  });
  const unnamed = plans.filter(
    (p) => !p.dataset && !p.skipped && p.sheet.records.length && !templateSheets.has(p.sheet.name.trim()),
  );
  const anyNamed = plans.some((p) => p.dataset);
  const ds = fileDataset ? datasets.get(fileDataset) : undefined;
  const alone = !anyNamed && unnamed.length === 1;
  for (const p of unnamed) {
    // Among several unnamed sheets, the file's dataset takes those whose header is complete for it.
    const header = ds && findHeader(p.sheet.records, ds);
    const fits = header && !header.missingRequired.length;
    if (ds && (alone || fits)) p.dataset = ds.name;
    else if (guess && alone) p.dataset = guessDataset(p.sheet.records, datasets)?.name;
    if (!p.dataset)
      p.skipped = `工作表“${p.sheet.name}”不是数据集（工作表名应为数据集的中文名称，如“${datasetNames().vision}”），未读取`;
  }
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
