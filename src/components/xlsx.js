// A small .xlsx writer for the pages' download buttons (no library, nothing fetched): sheets of text and
// numbers, a bold frozen header row, column widths, and number formats such as 0.0%.
import { neutralise } from "../shared/cells.js";
import { zipStored } from "./zip.js";

const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const pkg = "http://schemas.openxmlformats.org/package/2006";
const xml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;

/** XML text: markup escaped, characters XML forbids dropped. */
function esc(text) {
  return String(text)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Display width of text: CJK characters count double. */
const textWidth = (text) => [...String(text)].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/**
 * sheets: [{name, header: [text], rows: [[cell]]}]; a cell is text, a number, null, or {value, format}
 * (format: an Excel number format such as "0.0%"). Returns the workbook's bytes.
 */
export function xlsxBytes(sheets) {
  const strings = new Map();
  const formats = new Map(); // format code → style index (0: plain, 1: header)
  const stringIndex = (text) => {
    if (!strings.has(text)) strings.set(text, strings.size);
    return strings.get(text);
  };
  const styleIndex = (format) => {
    if (!formats.has(format)) formats.set(format, formats.size + 2);
    return formats.get(format);
  };
  const cellXml = (cell, ref, headerStyle) => {
    const { value, format } = cell !== null && typeof cell === "object" ? cell : { value: cell };
    if (value == null || value === "" || (typeof value === "number" && !Number.isFinite(value))) return "";
    const style = headerStyle ? ' s="1"' : format ? ` s="${styleIndex(format)}"` : "";
    if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
    return `<c r="${ref}" t="s"${style}><v>${stringIndex(String(neutralise(String(value))))}</v></c>`;
  };
  const sheetXml = ({ header, rows }) => {
    const all = [header, ...rows];
    const widths = header.map((_, i) =>
      Math.min(60, Math.max(8, ...all.slice(0, 500).map((r) => textWidth(plain(r[i])) + 2))),
    );
    const body = all
      .map(
        (cells, r) =>
          `<row r="${r + 1}">${cells.map((c, i) => cellXml(c, `${columnName(i)}${r + 1}`, r === 0)).join("")}</row>`,
      )
      .join("");
    const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
    return xml(
      `<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${body}</sheetData></worksheet>`,
    );
  };
  const sheetFiles = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s) }));
  return zipStored([
    { name: "[Content_Types].xml", data: contentTypes(sheets.length) },
    {
      name: "_rels/.rels",
      data: xml(
        `<Relationships xmlns="${pkg}/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: "xl/workbook.xml", data: workbook(sheets) },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels(sheets.length) },
    { name: "xl/styles.xml", data: styles([...formats.keys()]) },
    { name: "xl/sharedStrings.xml", data: sharedStrings([...strings.keys()]) },
    ...sheetFiles,
  ]);
}

const plain = (cell) => (cell !== null && typeof cell === "object" ? (cell.value ?? "") : (cell ?? ""));

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetNames(sheets) {
  const used = new Set();
  return sheets.map((s, i) => {
    let name =
      String(s.name ?? "")
        .replace(/[[\]:*?/\\]/g, " ")
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    while (used.has(name)) name = `${name.slice(0, 28)}_${i + 1}`;
    used.add(name);
    return name;
  });
}

function contentTypes(count) {
  const sheets = Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  const office = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return xml(
    `<Types xmlns="${pkg}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${office}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${office}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${office}.sharedStrings+xml"/>${sheets}</Types>`,
  );
}

function workbook(sheets) {
  const list = sheetNames(sheets)
    .map((name, i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return xml(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets>${list}</sheets></workbook>`);
}

function workbookRels(count) {
  const sheets = Array.from(
    { length: count },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return xml(
    `<Relationships xmlns="${pkg}/relationships">${sheets}<Relationship Id="rId${count + 1}" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId${count + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
}

function styles(formatCodes) {
  const numFmts = formatCodes.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(code)}"/>`).join("");
  const xfs = formatCodes
    .map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join("");
  return xml(
    `<styleSheet xmlns="${main}">${numFmts ? `<numFmts count="${formatCodes.length}">${numFmts}</numFmts>` : ""}<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${formatCodes.length + 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
}

function sharedStrings(list) {
  const items = list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("");
  return xml(`<sst xmlns="${main}" count="${list.length}" uniqueCount="${list.length}">${items}</sst>`);
}
