// The reasons and records of the rows DuckDB rejected, written by validate.ts itself: the few
// rejected lines are read back from the file (linesOfFile) and validated again, so a school reads the same
// sentence whichever reader took its file. A disagreement on the rule throws, and the exact
// reader then reads the whole file.
import fs from "node:fs";
import { personalColumns, type Dataset } from "../../lib/seeds.ts";
import type { HeaderMap } from "../header.ts";
import { redact } from "../read.ts";
import { RowValidator, recordJson, type References, type Reject } from "../validate.ts";

export interface Verdict {
  /** Physical line of the row. */
  line: number;
  code: string;
  /** For duplicate_key: the line of the earlier row with the same key. */
  firstLine: number | null;
}

/**
 * The text of physical lines `wanted` (ascending) of a file, found by counting line breaks a chunk at
 * a time: only the few rejected lines are kept, never an index of the whole file.
 */
export function linesOfFile(file: string, wanted: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!wanted.length) return out;
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  const fd = fs.openSync(file, "r");
  try {
    let next = 0; // index in wanted
    let line = 1; // the line the next byte belongs to
    let parts: Buffer[] = []; // the bytes of a wanted line read so far
    for (let n = fs.readSync(fd, chunk); n > 0 && next < wanted.length; n = fs.readSync(fd, chunk)) {
      const bytes = chunk.subarray(0, n);
      for (let at = 0; at < n && next < wanted.length;) {
        const end = bytes.indexOf(0x0a, at);
        const stop = end < 0 ? n : end;
        if (line === wanted[next]) parts.push(Buffer.from(bytes.subarray(at, stop)));
        if (stop === n) break;
        if (line === wanted[next]) {
          out.set(line, Buffer.concat(parts).toString("utf8"));
          parts = [];
          next++;
        }
        line++;
        at = stop + 1;
      }
    }
    // The last line, without a line break
    if (next < wanted.length && line === wanted[next]) out.set(line, Buffer.concat(parts).toString("utf8"));
  } finally {
    fs.closeSync(fd);
  }
  return out;
}

/** The cells of a physical line (one record a line, no quotes: records.ts checked). */
const cellsOf = (text: string, delimiter: string) => text.replace(/\r$/, "").split(delimiter);

export function explainRejects(
  verdicts: Verdict[],
  source: { ds: Dataset; header: HeaderMap; delimiter: string; references: References; salt: string },
  /** The text of each rejected line (linesOfFile). */
  lines: Map<number, string>,
): Reject[] {
  if (!verdicts.length) return [];
  const { ds, header, references, salt } = source;
  const personal = personalColumns(ds);
  const keyNames = ds.key.map((k) => ds.columns.find((c) => c.column === k)!.zhHeader).join("、");
  const validator = new RowValidator(ds, header, references);
  return verdicts.map((v) => {
    const rec = { line: v.line, cells: cellsOf(lines.get(v.line) ?? "", source.delimiter) };
    // The validator knows only the keys of rejected lines, so it may see a duplicate as accepted, or
    // as the duplicate of another rejected line: the earlier line comes from DuckDB.
    const result = validator.validate(rec);
    const found = "code" in result ? result.code : "accepted";
    const duplicate = v.code === "duplicate_key" && (found === "accepted" || found === "duplicate_key");
    if (found !== v.code && !duplicate)
      throw new Error(`line ${v.line}: DuckDB found ${v.code}, the exact reader ${found}`);
    const reject: Reject =
      !duplicate && "code" in result
        ? result
        : {
            line: v.line,
            code: "duplicate_key",
            reason: `${keyNames}与第 ${v.firstLine} 行相同（重复）`,
            record: recordJson(header.cells, rec.cells),
            ...validator.unitOf(rec),
          };
    return personal.length ? redact(reject, rec, header, personal, salt) : reject;
  });
}
