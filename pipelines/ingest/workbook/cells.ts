// One workbook cell as the text a CSV would hold: the value the file saved, never a formula evaluated.
import * as XLSX from "@e965/xlsx";

export interface CellRead {
  text: string;
  /** Set when the cell holds a formula whose value the file did not save. */
  formula?: string;
}

/** A number as Excel shows it at most: 15 significant digits (0.1 + 0.2 is 0.3, not 0.30000000000000004). */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** A date serial (days since 1899-12-30, or since 1904-01-01) → `2021-09-15`. */
export function serialDate(serial: number, date1904: boolean): string | undefined {
  const parsed = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parsed || parsed.y < 1900 || parsed.y > 9999) return undefined;
  return `${parsed.y}-${String(parsed.m).padStart(2, "0")}-${String(parsed.d).padStart(2, "0")}`;
}

function isDateFormat(format: unknown): boolean {
  return typeof format === "string" && format !== "General" && XLSX.SSF.is_date(format);
}

export function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): CellRead {
  if (!cell) return { text: "" };
  if (cell.f !== undefined && (cell.t === "z" || cell.v === undefined || cell.v === null))
    return { text: `=${cell.f}`, formula: cell.f };
  const v = cell.v;
  switch (cell.t) {
    case "s":
      return { text: String(v ?? "") };
    case "n": {
      const n = Number(v);
      // A date is a number with a date format; a serial below 1 is a time of day, shown as written.
      if (isDateFormat(cell.z) && n >= 1) return { text: serialDate(n, date1904) ?? cell.w ?? numberText(n) };
      return { text: numberText(n) };
    }
    case "b":
      return { text: v ? "TRUE" : "FALSE" };
    case "e":
      return { text: cell.w ?? "#错误" };
    case "d":
      return { text: v instanceof Date ? v.toISOString().slice(0, 10) : String(v) };
    default:
      return { text: "" };
  }
}
