import { parse } from "csv-parse/sync";

/** One record of a delimited file with the 1-based physical line where it starts. */
export interface RawRecord {
  line: number;
  cells: string[];
}

/** The delimiter of the first lines: tab, semicolon or comma, whichever the lines use most outside quoted cells. */
export function sniffDelimiter(text: string): string {
  const head = text
    .split("\n", 12)
    .join("\n")
    .replace(/"[^"]*"/g, "");
  const count = (d: string) => head.split(d).length - 1;
  const candidates = ["\t", ";", ","].map((d) => ({ d, n: count(d) }));
  const best = candidates.sort((a, b) => b.n - a.n)[0];
  return best.n > 0 ? best.d : ",";
}

/**
 * Splits text into records, keeping each record's starting line as an editor shows it
 * (title rows and blank lines counted). Quoted cells may hold delimiters and line breaks.
 */
export function readRecords(text: string, delimiter = sniffDelimiter(text)): RawRecord[] {
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const parsed = parse(body, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    raw: true,
  }) as unknown as { record: string[]; raw: string }[];
  const records: RawRecord[] = [];
  let line = 1;
  for (const { record, raw } of parsed) {
    records.push({ line, cells: record });
    // `raw` holds the record and its closing line break (none after the last record).
    line += raw.match(/\n/g)?.length ?? 0;
  }
  return records;
}

/**
 * Records read with the sniffed delimiter, or with another one when only that one gives records that
 * `fits` accepts (a pasted cell full of tabs must not turn a comma file into a tab file).
 * Throws, like readRecords, when the sniffed delimiter meets an unbalanced quote.
 */
export function readRecordsFitting(text: string, fits: (records: RawRecord[]) => boolean): RawRecord[] {
  const sniffed = sniffDelimiter(text);
  const records = readRecords(text, sniffed);
  if (fits(records)) return records;
  for (const other of ["\t", ";", ","].filter((d) => d !== sniffed)) {
    try {
      const tried = readRecords(text, other);
      if (fits(tried)) return tried;
    } catch {
      // not this delimiter either
    }
  }
  return records;
}

/** A record with no text in any cell. */
export function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}
