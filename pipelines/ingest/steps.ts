// Where an ingest run spends its time: wall seconds by step, summed over the run's files. The
// `--json` summary carries them (the benchmark prints them beside the floor); with INGEST_TIMING=1
// each step also prints its wall and CPU time (all of DuckDB's threads) and the process's peak memory
// so far on stderr as it ends.
import fs from "node:fs";

/** The steps, in the order a records file goes through them. */
export const timedSteps = [
  "files_read", // reading each file's bytes and its sha256
  "records_typed", // DuckDB reads a records file, types every cell and judges every rule
  "records_duplicates", // duplicate keys among the accepted rows
  "records_stored", // the accepted rows stored with the salted hash; the rejects' reasons written
  "records_committed", // rejects and log written, the transaction committed
  "indicators", // indicator_values recomputed
] as const;
export type StepName = (typeof timedSteps)[number];

const totals = new Map<StepName, number>();

/** This process's peak resident memory so far (VmHWM), in MB; 0 where /proc is not there. */
function peakMegabytes(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** A timer whose every call ends a step (started at the previous call, or at the timer's creation). */
export function stepTimer(): (name: StepName) => void {
  let last = { wall: performance.now(), cpu: process.cpuUsage() };
  return (name) => {
    const now = { wall: performance.now(), cpu: process.cpuUsage() };
    const wall = now.wall - last.wall;
    totals.set(name, (totals.get(name) ?? 0) + wall / 1000);
    if (process.env.INGEST_TIMING) {
      const cpu = (now.cpu.user + now.cpu.system - last.cpu.user - last.cpu.system) / 1000;
      console.error(
        `${name}: ${Math.round(wall)} ms, CPU ${Math.round(cpu)} ms, peak memory so far ${peakMegabytes()} MB`,
      );
    }
    last = now;
  };
}

/** Seconds of every step that ran in this process, rounded to milliseconds. */
export function stepSeconds(): Partial<Record<StepName, number>> {
  return Object.fromEntries(
    timedSteps.filter((s) => totals.has(s)).map((s) => [s, Math.round(totals.get(s)! * 1000) / 1000]),
  );
}
