// The reasons and records of the rows DuckDB rejected, written by validate.ts itself: the few
// rejected lines are cut from the file's bytes and validated again, so a school reads the same
// sentence whichever reader took its file. A disagreement on the rule throws, and the exact
// reader then reads the whole file.
import type { Dataset } from "../lib/registry.ts";
import type { HeaderMap } from "./header.ts";
import { personalColumns, redact } from "./read.ts";
import { RowValidator, recordJson, type Registry, type Reject } from "./validate.ts";

export interface Verdict {
  /** Physical line of the row. */
  line: number;
  code: string;
  /** For duplicate_key: the line of the earlier row with the same key. */
  firstLine: number | null;
}

/** The cells of the given physical lines (one record a line, no quotes: records.ts checked). */
function cellsOfLines(utf8: Buffer, lines: number[], delimiter: string): Map<number, string[]> {
  const wanted = new Set(lines);
  const last = Math.max(...lines);
  const out = new Map<number, string[]>();
  for (let line = 1, at = 0; line <= last && at <= utf8.length; line++) {
    const end = utf8.indexOf(0x0a, at);
    const stop = end < 0 ? utf8.length : end;
    if (wanted.has(line)) out.set(line, utf8.toString("utf8", at, stop).replace(/\r$/, "").split(delimiter));
    at = stop + 1;
  }
  return out;
}

export function explainRejects(
  verdicts: Verdict[],
  source: { ds: Dataset; header: HeaderMap; utf8: Buffer; delimiter: string; registry: Registry; salt: string },
): Reject[] {
  if (!verdicts.length) return [];
  const { ds, header, registry, salt } = source;
  const personal = personalColumns(ds);
  const cells = cellsOfLines(
    source.utf8,
    verdicts.map((v) => v.line),
    source.delimiter,
  );
  const keyNames = ds.key.map((k) => ds.columns.find((c) => c.column === k)!.zhHeader).join("、");
  return verdicts.map((v) => {
    const rec = { line: v.line, cells: cells.get(v.line) ?? [] };
    // A fresh validator: no earlier key is known, so a duplicate row passes every other rule.
    const result = new RowValidator(ds, header, registry).validate(rec);
    const found = "code" in result ? result.code : v.code === "duplicate_key" ? v.code : "accepted";
    if (found !== v.code) throw new Error(`line ${v.line}: DuckDB found ${v.code}, the exact reader ${found}`);
    const reject: Reject =
      "code" in result
        ? result
        : {
            line: v.line,
            code: "duplicate_key",
            reason: `${keyNames}与第 ${v.firstLine} 行相同（重复）`,
            record: recordJson(header.cells, rec.cells),
          };
    return personal.length ? redact(reject, rec, header, personal, salt) : reject;
  });
}
