// The .xlsx template of a dataset, for a school to fill in Excel or WPS and send back unchanged:
// Chinese headers in a frozen, protected first row, a number format and an input hint per column,
// drop-down lists (学段, 年级, 是/否, enumerations, the registry's schools as code and name) and a
// 填报说明 sheet.
import ExcelJS from "exceljs";
import { sectionWords } from "../../../src/shared/vocabulary.js";
import { gradeSpellings, sectionSpellings, stageLabels } from "../../lib/codes.ts";
import type { Column, Dataset } from "../../lib/seeds.ts";
import { datasetNames } from "../../lib/seeds.ts";
import { enumOptions } from "../cells.ts";
import { columnHint, keyHint, typeWord } from "./columnHints.ts";
import { columnLetter } from "../workbook/workbook.ts";
import { parseRange } from "../rules.ts";
import { codeAndName, noWords, yesWords } from "../spellings.ts";
import { guideSheet, schoolListSheet, valuesSheet } from "./sheets.ts";

export interface TemplateSchool {
  school_id: string;
  name: string;
  stage: string;
}

/** Rows of a template that carry formats and checks (the header is row 1). */
const lastRow = 5001;

const formats: Record<string, string> = { int: "0", number: "General", date: "yyyy-mm-dd" };

/** Every spelling the importer reads for a column with a list, the usual Chinese ones first; undefined: no list. */
function listOf(c: Column): string[] | undefined {
  if (c.type === "bool")
    return [...yesWords, ...noWords].sort((a, b) => Number(/^[是否]$/.test(b)) - Number(/^[是否]$/.test(a)));
  if (c.type === "grade") return gradeSpellings();
  if (c.type === "section")
    return [...new Set([...Object.values(sectionWords), "全校", ...sectionSpellings().map(([s]) => s)])];
  if (c.type === "stage") return [...Object.values(stageLabels).flat(), ...Object.keys(stageLabels)];
  if (c.type.startsWith("enum:")) return enumOptions(c.type).flatMap((o) => [o.label, o.code]);
  return undefined;
}

/** Excel's check of a number against the dictionary's range, when Excel can say it (closed or one-sided). */
function numberCheck(c: Column): Partial<ExcelJS.DataValidation> | undefined {
  if (c.type !== "int" && c.type !== "number") return undefined;
  const type = c.type === "int" ? "whole" : "decimal";
  const r = parseRange(c.range);
  if (!r) return undefined;
  if (r.min !== undefined && r.max !== undefined)
    return r.minOpen || r.maxOpen ? undefined : { type, operator: "between", formulae: [r.min, r.max] };
  if (r.min !== undefined)
    return { type, operator: r.minOpen ? "greaterThan" : "greaterThanOrEqual", formulae: [r.min] };
  if (r.max !== undefined) return { type, operator: r.maxOpen ? "lessThan" : "lessThanOrEqual", formulae: [r.max] };
  return undefined;
}

/** Where a column's list stands on the values sheet (column `index`, one spelling a row). */
function listRange(index: number, length: number): string {
  const letter = columnLetter(index);
  return `'${valuesSheet}'!$${letter}$1:$${letter}$${length}`;
}

/** What the school drop-down offers: each school as code and name, then each code alone (both are read). */
const schoolChoices = (schools: TemplateSchool[]) => [
  ...schools.map((s) => codeAndName(s.school_id, s.name)),
  ...schools.map((s) => s.school_id),
];

function validationOf(c: Column, ds: Dataset, schools: number): ExcelJS.DataValidation | undefined {
  const hint = columnHint(c, ds).slice(0, 250);
  const base = {
    allowBlank: !c.required,
    showInputMessage: true,
    promptTitle: c.zhHeader.slice(0, 32),
    prompt: hint,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "填写有误",
    error: hint,
  } as const;
  const isSchool = c.ref === "school" || c.ref.startsWith("school:");
  // the list stands after the other lists on the values sheet; a warning only: any text may follow the code
  if (isSchool && schools > 0 && ds.name !== "schools")
    return { ...base, type: "list", errorStyle: "warning", formulae: [listRange(listColumns(ds).length, schools * 2)] };
  const list = listOf(c);
  const index = listColumns(ds).indexOf(c);
  if (list) return { ...base, type: "list", formulae: [listRange(index, list.length)] };
  const number = numberCheck(c);
  if (number) return { ...base, ...number } as ExcelJS.DataValidation;
  return { ...base, type: "custom", formulae: ["TRUE"], showErrorMessage: false };
}

/** The columns of a dataset with a drop-down list, in order: their lists stand in this order on the values sheet. */
const listColumns = (ds: Dataset) => ds.columns.filter((c) => listOf(c));

/**
 * The hidden sheet of every accepted spelling, a column a list, the schools' last: a list in Excel may be
 * long when it stands on a sheet.
 */
function valuesList(book: ExcelJS.Workbook, ds: Dataset, schools: TemplateSchool[] | undefined) {
  const ws = book.addWorksheet(valuesSheet, { state: "hidden" });
  const lists = [...listColumns(ds).map((c) => listOf(c)!), ...(schools ? [schoolChoices(schools)] : [])];
  lists.forEach((list, i) => list.forEach((v, row) => (ws.getRow(row + 1).getCell(i + 1).value = v)));
  return ws;
}

/** exceljs keeps range validations here; its type definitions do not say so. */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

function dataSheet(book: ExcelJS.Workbook, ds: Dataset, schools: number) {
  const ws = book.addWorksheet(ds.nameZh, { views: [{ state: "frozen", ySplit: 1 }] });
  ds.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(10, [...c.zhHeader].length * 2 + 2);
    column.numFmt = formats[c.type] ?? "@";
    column.protection = { locked: false };
    const header = ws.getRow(1).getCell(i + 1);
    header.value = c.zhHeader;
    header.numFmt = "@";
    header.protection = { locked: true };
    header.font = { bold: true, color: c.required ? { argb: "FFC00000" } : undefined };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    header.note = columnHint(c, ds);
    const check = validationOf(c, ds, schools);
    const letter = columnLetter(i);
    if (check) validations(ws).add(`${letter}2:${letter}${lastRow}`, check);
  });
  return ws;
}

function guide(book: ExcelJS.Workbook, ds: Dataset, schools: TemplateSchool[] | undefined) {
  const ws = book.addWorksheet(guideSheet);
  const sheet = ds.nameZh;
  const lines = [
    [`${sheet}填报说明`],
    [`1. 在“${sheet}”工作表第 2 行起每行填一条记录；表头（第 1 行，红字为必填列）已锁定，不要修改表头和工作表名称。`],
    [`2. ${keyHint(ds)}。鼠标停在单元格上会显示该列的填写要求；有下拉箭头的列请从列表中选择。`],
    ["3. 填好后保存为 .xlsx（或 .xls），原样发回，不要另存为 CSV，也不要加打开密码。"],
    [
      schools
        ? `学校代码可从下拉列表选择（列表中每所学校写作“代码 名称”，如“${codeAndName(schools[0].school_id, schools[0].name)}”，导入时只取代码；也可只填代码），“${schoolListSheet}”工作表列出了全部 ${schools.length} 所学校的代码和名称。`
        : "生成本模板时没有数据仓库，学校代码没有下拉列表，请填写教育局下发的学校代码。",
    ],
    [],
    ["列名", "类型", "必填", "填写要求"],
    ...ds.columns.map((c) => [c.zhHeader, typeWord(c), c.required ? "是" : "否", columnHint(c, ds)]),
  ];
  lines.forEach((line, i) => (ws.getRow(i + 1).values = line));
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(7).font = { bold: true };
  [26, 24, 6, 80].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function schoolList(book: ExcelJS.Workbook, schools: TemplateSchool[]) {
  const ws = book.addWorksheet(schoolListSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.getRow(1).values = ["学校代码", "学校名称", "办学类型"];
  ws.getRow(1).font = { bold: true };
  schools.forEach((s, i) => (ws.getRow(i + 2).values = [s.school_id, s.name, stageLabels[s.stage]?.[0] ?? s.stage]));
  [14, 30, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

/** The template workbook of a dataset; `schools` from the warehouse, undefined when there is none. */
export async function templateWorkbook(ds: Dataset, schools: TemplateSchool[] | undefined): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "沙坪坝区教育工作要点指标监测系统";
  const listed = ds.name !== "schools" && schools?.length ? schools : undefined;
  const data = dataSheet(book, ds, listed?.length ?? 0);
  const help = guide(book, ds, listed);
  const values = listColumns(ds).length || listed ? valuesList(book, ds, listed) : undefined;
  const list = listed ? schoolList(book, listed) : undefined;
  const protection = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, insertRows: true };
  await data.protect("", { ...protection, deleteRows: true, sort: true, autoFilter: true, formatCells: true });
  await help.protect("", protection);
  if (list) await list.protect("", protection);
  if (values) await values.protect("", protection);
  return Buffer.from(await book.xlsx.writeBuffer());
}
