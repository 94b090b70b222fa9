// CSV and Excel download buttons for a table: the rows as shown (same order, same words), numbers as numbers.
import { csvText } from "../shared/cells.js";
import { xlsxBytes } from "./xlsx.js";

/** "1,234.5" → 1234.5, "−3" → -3, "45.2%" → {value: 0.452, format: "0.0%", text}; anything else stays text. */
export function numericCell(text) {
  const s = String(text).trim().replace(/^−/, "-");
  const match = /^-?\d{1,3}(,\d{3})*(\.\d+)?(%)?$|^-?\d+(\.\d+)?(%)?$/.exec(s);
  if (!match) return text;
  const percent = s.endsWith("%");
  const number = Number(s.replace(/[,%]/g, ""));
  if (!percent) return number;
  const decimals = (s.split(".")[1] ?? "").replace("%", "").length;
  const format = decimals ? `0.${"0".repeat(decimals)}%` : "0%";
  return { value: Number((number / 100).toFixed(decimals + 2)), format, text: s };
}

/** Header and cells of rows under columns ({label, numeric}): the shown text, numeric ones parsed, "—" empty. */
export function tableCells(columns, shown) {
  const cell = (text, column) => (text === "—" ? null : column.numeric ? numericCell(text) : text);
  return {
    header: columns.map((c) => c.label),
    rows: shown.map((texts) => texts.map((text, i) => cell(text, columns[i]))),
  };
}

/** Saves bytes as a file in the browser. */
export function saveFile(data, filename, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
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
    // A percentage stays "45.2%" in CSV: Excel and WPS read it back as a number.
    const csvRows = rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.text : c)));
    saveFile(csvText(header, csvRows), `${fileName(name())}.csv`, "text/csv;charset=utf-8");
  });
  button("下载 Excel", "下载本表（Excel .xlsx）", () => {
    const { header, rows } = read();
    saveFile(
      xlsxBytes([{ name: "数据", header, rows }]),
      `${fileName(name())}.xlsx`,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
  });
  return bar;
}
