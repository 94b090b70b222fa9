// The rejected lines of a large records file are read back from the file by counting line breaks a
// chunk at a time (pipelines/ingest/records/reasons.ts): a line that straddles two chunks, a multi-byte character cut
// by the chunk boundary, CRLF endings and a last line without a break must come back whole.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linesOfFile } from "../../../pipelines/ingest/records/reasons.ts";
import { tempDir } from "../../helpers/ingest.ts";

const dir = tempDir("records-lines-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About 10 MB of lines of varying length, with Chinese text, over at least two 4 MiB chunk boundaries. */
function bigFile(): { file: string; lines: string[]; seams: number[] } {
  const lines: string[] = [];
  let bytes = 0;
  const seams: number[] = [];
  for (let i = 0; bytes < 10 * 1024 * 1024; i++) {
    const line = `2021,S${i % 7},学生${i},${"视".repeat(i % 13)},${"x".repeat(i % 31)}\r`;
    const start = bytes;
    bytes += Buffer.byteLength(line) + 1;
    // lines that hold a chunk boundary (every 4 MiB) inside them
    if (Math.floor(start / (4 * 1024 * 1024)) !== Math.floor((bytes - 1) / (4 * 1024 * 1024))) seams.push(i + 1);
    lines.push(line);
  }
  lines.push("2021,S1,最后一行没有换行");
  const file = path.join(dir, "big.csv");
  fs.writeFileSync(file, lines.join("\n"));
  return { file, lines, seams };
}

describe("linesOfFile", () => {
  it("returns exactly the wanted lines, whole, wherever the chunks of reading end", () => {
    const { file, lines, seams } = bigFile();
    expect(seams.length).toBeGreaterThanOrEqual(2);
    const wanted = [...new Set([1, 2, 3, ...seams.flatMap((s) => [s - 1, s, s + 1]), 5000, lines.length])].sort(
      (a, b) => a - b,
    );
    const got = linesOfFile(file, wanted);
    expect([...got.keys()]).toEqual(wanted);
    for (const line of wanted) expect(got.get(line)).toBe(lines[line - 1]);
  });

  it("reads nothing when no line is wanted", () => {
    expect(linesOfFile(path.join(dir, "absent.csv"), []).size).toBe(0);
  });
});
