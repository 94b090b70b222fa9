// The records benchmark at one size: the whole `npm run ingest` (a fresh process) against the floor,
// DuckDB's own read_csv of the same file into a table in a bare node process, run side by side.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { recordsMemoryLimit } from "../ingest/records/load.ts";
import type { StepName } from "../ingest/steps.ts";
import { root } from "../lib/paths.ts";
import { npmRun, run, type Measured } from "./measure.ts";
import { recordsTypes, writeRecordsInput, type RecordsInput } from "./recordsFile.ts";

export interface Floor {
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  rows: number;
}

export interface RecordsResult {
  input: RecordsInput;
  floor: Floor;
  /** The floor that also stores student_id as the salted sha256, as the contract demands of the ingest. */
  hashedFloor: Floor;
  /** The hashed floor that also stores each row's line, by way of a copy in file order (floor.mjs). */
  orderedFloor: Floor;
  ingest: {
    seconds: number;
    cpuSeconds: number;
    peakBytes: number;
    loaded: number;
    rejected: number;
    byReason: Record<string, number>;
    /** Seconds by step inside the ingest (steps.ts), of the fastest run. */
    steps: Partial<Record<StepName, number>>;
    /** Seconds the ingest itself counted (from its start to its summary), of the fastest run. */
    inProcessSeconds: number;
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
 * Runs the floor once (with the salted hash when `saltFile` is given, and the lines when `ordered`) and keeps
 * the best of the runs.
 */
async function runFloor(
  file: string,
  db: string,
  best: Floor | undefined,
  saltFile?: string,
  ordered = false,
): Promise<Floor> {
  const extra = saltFile ? [saltFile, ...(ordered ? [recordsMemoryLimit] : [])] : [];
  const args = [floorScript, file, fresh(db), JSON.stringify(recordsTypes), ...extra];
  const f = ok(await run("node", args), "floor");
  const rows = (JSON.parse(f.stdout) as { rows: number }).rows;
  const faster = !best || f.seconds < best.seconds;
  return {
    seconds: faster ? f.seconds : best.seconds,
    rows: faster ? rows : best.rows,
    cpuSeconds: Math.min(f.cpuSeconds, best?.cpuSeconds ?? Infinity),
    peakBytes: Math.max(f.peakBytes, best?.peakBytes ?? 0),
  };
}

/**
 * Best wall and CPU time of `runs` for each side (peak memory: the largest), the four interleaved so that
 * all see the same machine.
 */
export async function benchRecords(work: string, rows: number, runs: number): Promise<RecordsResult> {
  const dir = path.join(work, `records-${rows}`);
  const input = writeRecordsInput(dir, rows);
  const file = path.join(dir, "vision_records", "2021.csv");
  const saltFile = path.join(work, "student-id.salt");
  if (!fs.existsSync(saltFile)) fs.writeFileSync(saltFile, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  const env = { STUDENT_ID_SALT_FILE: saltFile };
  let floor: Floor | undefined;
  let hashedFloor: Floor | undefined;
  let orderedFloor: Floor | undefined;
  let ingest: RecordsResult["ingest"] | undefined;
  for (let i = 0; i < runs; i++) {
    floor = await runFloor(file, path.join(work, "floor.duckdb"), floor);
    hashedFloor = await runFloor(file, path.join(work, "floor.duckdb"), hashedFloor, saltFile);
    orderedFloor = await runFloor(file, path.join(work, "floor.duckdb"), orderedFloor, saltFile, true);
    const db = fresh(path.join(work, "records.duckdb"));
    const m = ok(await npmRun("ingest", ["--input", dir, "--db", db, "--json"], env), "npm run ingest");
    const out = JSON.parse(m.stdout) as {
      seconds: number;
      steps: Partial<Record<StepName, number>>;
      maxRssBytes: number;
      byDataset: Record<string, { loaded: number; rejected: number }>;
      byReason: Record<string, number>;
    };
    const peakBytes = Math.max(m.peakBytes, out.maxRssBytes ?? 0, ingest?.peakBytes ?? 0);
    const { loaded, rejected } = out.byDataset.vision_records;
    const cpuSeconds = Math.min(m.cpuSeconds, ingest?.cpuSeconds ?? Infinity);
    if (!ingest || m.seconds < ingest.seconds)
      ingest = {
        seconds: m.seconds,
        cpuSeconds,
        peakBytes,
        loaded,
        rejected,
        byReason: out.byReason,
        steps: out.steps,
        inProcessSeconds: out.seconds,
      };
    Object.assign(ingest, { peakBytes, cpuSeconds });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { input, floor: floor!, hashedFloor: hashedFloor!, orderedFloor: orderedFloor!, ingest: ingest! };
}
