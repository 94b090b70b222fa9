// A minimal .xlsx written byte by byte (fflate), so the bench and the tests can build what no spreadsheet program would
// save: a cell in column XFD, thousands of merged ranges, a sheet that unpacks to hundreds of megabytes.
import { strToU8, zipSync, type Zippable } from "fflate";

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell as sheet XML: a number, or an inline string. `ref` is like `A1`. */
export function cellXml(ref: string, value: string | number): string {
  return typeof value === "number"
    ? `<c r="${ref}"><v>${value}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
}

/** `A`, `B`, … `XFD` for a 0-based column. */
export function columnName(c: number): string {
  let name = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A row of cells from column A as sheet XML, plus `extra` cell XML (e.g. a cell in column XFD). */
export function rowXml(r: number, values: (string | number)[], extra = ""): string {
  return `<row r="${r}">${values.map((v, c) => cellXml(`${columnName(c)}${r}`, v)).join("")}${extra}</row>`;
}

export interface RawSheet {
  name: string;
  /** The `<row>` elements (or a generator of their text, for a large sheet). */
  rows: string | Uint8Array;
  /** `A1:A1048576` … */
  merges?: string[];
}

/** The bytes of an .xlsx with these sheets, each part deflated (level 6), or stored with `store`. */
export function rawXlsx(sheets: RawSheet[], options: { store?: boolean } = {}): Uint8Array {
  const level = options.store ? 0 : 6;
  const files: Zippable = {
    "[Content_Types].xml": strToU8(
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${xmlHead}<workbook ${ns} xmlns:r="${rel}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets></workbook>",
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        "</Relationships>",
    ),
  };
  sheets.forEach((s, i) => {
    const merges = s.merges?.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    const head = strToU8(`${xmlHead}<worksheet ${ns}><sheetData>`);
    const rows = typeof s.rows === "string" ? strToU8(s.rows) : s.rows;
    const tail = strToU8(`</sheetData>${merges}</worksheet>`);
    const part = new Uint8Array(head.length + rows.length + tail.length);
    part.set(head, 0);
    part.set(rows, head.length);
    part.set(tail, head.length + rows.length);
    files[`xl/worksheets/sheet${i + 1}.xml`] = part;
  });
  return zipSync(files, { level });
}
