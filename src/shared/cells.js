// Cells of a file a user downloads: text a spreadsheet would take for a formula is neutralised, and a
// table's cells become CSV text (UTF-8 with BOM, so Excel and WPS read the Chinese). Shared by the pages'
// download buttons and `npm run export`.

const formulaStart = /^[=+\-@\t\r]/;

/** Text that starts like a formula (= + - @, tab or CR) gets a leading '; numbers and empty cells pass through. */
export function neutralise(value) {
  return typeof value === "string" && formulaStart.test(value) ? `'${value}` : value;
}

function csvField(value) {
  if (value == null) return "";
  const text = String(neutralise(typeof value === "number" && !Number.isFinite(value) ? "" : value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text with a BOM: a header and rows of cells (numbers written as numbers, null empty), CRLF line ends. */
export function csvText(header, rows) {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
