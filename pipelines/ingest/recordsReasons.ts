// The reasons and records of the rows DuckDB rejected, written by validate.ts itself: the few
// rejected lines are cut from the file's bytes and validated again, so a school reads the same
// sentence whichever reader took its file. A disagreement on the rule throws, and the exact
// reader then reads the whole file.
import { personalColumns, type Dataset } from "../lib/registry.ts";
import type { HeaderMap } from "./header.ts";
import { redact } from "./read.ts";
import { RowValidator, recordJson, type Registry, type Reject } from "./validate.ts";

export interface Verdict {
  /** Physical line of the row. */
  line: number;
  code: string;
  /** For duplicate_key: the line of the earlier row with the same key. */
  firstLine: number | null;
}

/** Where each physical line starts: element k is the byte offset of line k + 1. */
export function lineStarts(utf8: Buffer): number[] {
  const starts = [0];
  for (let at = utf8.indexOf(0x0a); at >= 0; at = utf8.indexOf(0x0a, at + 1)) starts.push(at + 1);
  return starts;
}

/** The cells of physical line `line` (one record a line, no quotes: records.ts checked). */
function cellsOfLine(utf8: Buffer, starts: number[], line: number, delimiter: string): string[] {
  const end = line < starts.length ? starts[line] - 1 : utf8.length;
  return utf8
    .toString("utf8", starts[line - 1], end)
    .replace(/\r$/, "")
    .split(delimiter);
}

export function explainRejects(
  verdicts: Verdict[],
  source: { ds: Dataset; header: HeaderMap; utf8: Buffer; delimiter: string; registry: Registry; salt: string },
  starts: number[],
): Reject[] {
  if (!verdicts.length) return [];
  const { ds, header, registry, salt } = source;
  const personal = personalColumns(ds);
  const keyNames = ds.key.map((k) => ds.columns.find((c) => c.column === k)!.zhHeader).join("、");
  const validator = new RowValidator(ds, header, registry);
  return verdicts.map((v) => {
    const rec = { line: v.line, cells: cellsOfLine(source.utf8, starts, v.line, source.delimiter) };
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
