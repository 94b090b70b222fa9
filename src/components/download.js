// CSV and Excel download buttons for a table: the rows in the order shown, numbers as numbers an analyst
// can sort and sum — each with its unit in the header and the pages' number format (0.0%, 个百分点) —
// text as shown. The workbook is written by write-excel-file, bundled from node_modules.
import writeXlsxFile from "write-excel-file/universal";
import { csvText } from "../shared/cells.js";
import { sheetFormat, sheetValue, shownDecimals, unitHeaderWords } from "../shared/spreadsheet.js";
import { neutralise } from "../shared/cells.js";

const raw = (c, row) => (c.value ? c.value(row) : row[c.key]);
const unitOf = (c, row) => (typeof c.unit === "function" ? c.unit(row) : c.unit);
const shareOf = (c, row) => Boolean(c.share?.(row));

/**
 * Header and cells of the table: a numeric column gives its value (a unit column: {value, format} in its
 * unit), any other the text shown. A column whose unit differs by row is followed by a column of units.
 * columns: sortableTable's ({label, numeric, value?, unit?, share?}); shown(row, column): the text shown.
 */
export function tableCells(shownColumns, rows, shown) {
  // rows of a school or a year say which, in the download, even where the table shows only a name
  const ids = [
    { key: "school_id", label: "学校代码" },
    { key: "year", label: "年度" },
  ].filter((id) => rows.some((r) => r[id.key] != null) && !shownColumns.some((c) => c.key === id.key));
  const columns = [...ids.map((id) => ({ ...id, id: true })), ...shownColumns];
  const header = columns.flatMap((c) =>
    typeof c.unit === "function"
      ? [c.label, `${c.label}的单位`]
      : [c.unit ? `${c.label}（${unitHeaderWords(c.unit)}）` : c.label],
  );
  const cells = rows.map((row) =>
    columns.flatMap((c) => {
      if (c.id) return [row[c.key] == null ? null : String(row[c.key])];
      if (!c.numeric) {
        const text = shown(row, c);
        return [text === "—" ? null : text];
      }
      const value = raw(c, row);
      const number = typeof value === "number" && Number.isFinite(value) ? value : null;
      const unit = unitOf(c, row);
      if (!unit) return [number];
      const share = shareOf(c, row);
      const cell =
        number === null
          ? null
          : {
              value: sheetValue(number, unit, share),
              format: sheetFormat(unit, share),
              decimals: shownDecimals(unit, share),
            };
      return typeof c.unit === "function" ? [cell, unitHeaderWords(unit, share)] : [cell];
    }),
  );
  return { header, rows: cells };
}

/** Saves a blob as a file in the browser. */
export function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from free text: characters file systems refuse become "_". */
export const fileName = (text) =>
  String(text || "表格")
    .replace(/[\\/:*?"<>|\s]+/g, "_")
    .slice(0, 80);

/** The table as a workbook of one sheet: a bold header row, numbers with their formats, text neutralised. */
export function workbookBlob({ header, rows }) {
  const cell = (c) => {
    if (c === null || c === undefined) return null;
    if (typeof c === "object") return { type: Number, value: c.value, format: c.format };
    if (typeof c === "number") return { type: Number, value: c };
    return { type: String, value: String(neutralise(String(c))) };
  };
  const data = [header.map((h) => ({ value: h, fontWeight: "bold" })), ...rows.map((r) => r.map(cell))];
  const width = (i) => Math.min(60, Math.max(8, ...[header, ...rows.slice(0, 500)].map((r) => textWidth(r[i]) + 2)));
  return writeXlsxFile(data, {
    sheet: "数据",
    columns: header.map((_, i) => ({ width: width(i) })),
    stickyRowsCount: 1,
  }).toBlob();
}

/** Display width of a cell: CJK characters count double. */
const textWidth = (c) =>
  [...String(c !== null && typeof c === "object" ? c.value : (c ?? ""))].reduce(
    (n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1),
    0,
  );

/** Two buttons; `read()` returns {header, rows} at the moment of the click. */
export function downloadButtons(read, name) {
  const bar = document.createElement("div");
  bar.className = "table-downloads no-print";
  const button = (label, title, onClick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.addEventListener("click", onClick);
    bar.append(b);
  };
  button("下载 CSV", "下载本表（CSV，UTF-8）", () => {
    const { header, rows } = read();
    // as shown: a share of 0.4523412 is 0.452 (45.2%), not fifteen digits
    const csvRows = rows.map((r) =>
      r.map((c) => (c !== null && typeof c === "object" ? Number(c.value.toFixed(c.decimals)) : c)),
    );
    saveFile(new Blob([csvText(header, csvRows)], { type: "text/csv;charset=utf-8" }), `${fileName(name())}.csv`);
  });
  button("下载 Excel", "下载本表（Excel .xlsx）", async () => {
    saveFile(await workbookBlob(read()), `${fileName(name())}.xlsx`);
  });
  return bar;
}
