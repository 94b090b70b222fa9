// The records benchmark at one size: the whole `npm run ingest` (a fresh process) against the floor,
// DuckDB's own read_csv of the same file into a table in a bare node process, run side by side.
import fs from "node:fs";
import path from "node:path";
import { root } from "../lib/paths.ts";
import { npmRun, run, type Measured } from "./measure.ts";
import { recordsTypes, writeRecordsInput, type RecordsInput } from "./recordsFile.ts";

export interface RecordsResult {
  input: RecordsInput;
  floor: { seconds: number; cpuSeconds: number; peakBytes: number; rows: number };
  ingest: {
    seconds: number;
    cpuSeconds: number;
    peakBytes: number;
    loaded: number;
    rejected: number;
    byReason: Record<string, number>;
  };
}

const floorScript = path.join(root, "pipelines", "bench", "floor.mjs");

function fresh(db: string): string {
  for (const f of [db, `${db}.wal`]) fs.rmSync(f, { force: true });
  return db;
}

function ok(m: Measured, what: string): Measured {
  if (m.code !== 0) throw new Error(`${what} exited with ${m.code}: ${m.stderr.trim().split("\n").pop()}`);
  return m;
}

/**
 * Best wall and CPU time of `runs` for each side (peak memory: the largest), the two interleaved so that both
 * see the same machine.
 */
export async function benchRecords(work: string, rows: number, runs: number): Promise<RecordsResult> {
  const dir = path.join(work, `records-${rows}`);
  const input = writeRecordsInput(dir, rows);
  const file = path.join(dir, "vision_records", "2021.csv");
  const env = { STUDENT_ID_SALT_FILE: path.join(work, "student-id.salt") };
  let floor: RecordsResult["floor"] | undefined;
  let ingest: RecordsResult["ingest"] | undefined;
  for (let i = 0; i < runs; i++) {
    const f = ok(
      await run("node", [floorScript, file, fresh(path.join(work, "floor.duckdb")), JSON.stringify(recordsTypes)]),
      "floor",
    );
    const floorRows = (JSON.parse(f.stdout) as { rows: number }).rows;
    const floorPeak = Math.max(f.peakBytes, floor?.peakBytes ?? 0);
    const floorCpu = Math.min(f.cpuSeconds, floor?.cpuSeconds ?? Infinity);
    if (!floor || f.seconds < floor.seconds)
      floor = { seconds: f.seconds, cpuSeconds: 0, peakBytes: 0, rows: floorRows };
    Object.assign(floor, { peakBytes: floorPeak, cpuSeconds: floorCpu });
    const db = fresh(path.join(work, "records.duckdb"));
    const m = ok(await npmRun("ingest", ["--input", dir, "--db", db, "--json"], env), "npm run ingest");
    const out = JSON.parse(m.stdout) as {
      maxRssBytes: number;
      byDataset: Record<string, { loaded: number; rejected: number }>;
      byReason: Record<string, number>;
    };
    const peakBytes = Math.max(m.peakBytes, out.maxRssBytes ?? 0, ingest?.peakBytes ?? 0);
    const { loaded, rejected } = out.byDataset.vision_records;
    const cpuSeconds = Math.min(m.cpuSeconds, ingest?.cpuSeconds ?? Infinity);
    if (!ingest || m.seconds < ingest.seconds)
      ingest = { seconds: m.seconds, cpuSeconds, peakBytes, loaded, rejected, byReason: out.byReason };
    Object.assign(ingest, { peakBytes, cpuSeconds });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { input, floor: floor!, ingest: ingest! };
}
