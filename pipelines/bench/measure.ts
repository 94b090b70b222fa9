// Running one command as a user would (a fresh process) and measuring it: wall time from spawn to
// exit, CPU time of the whole process tree (the shell's `times`, which counts every descendant it
// waited for: less sensitive than wall time to what else the machine runs; or, when larger, the sum of
// each process's own CPU time read from /proc while it runs — Chromium's renderers are reaped by no
// process of the tree, so `times` misses them), and peak memory — the largest VmHWM (peak resident
// set) among the processes of the tree, read from /proc while it runs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { root } from "../lib/paths.ts";

export interface Measured {
  seconds: number;
  /** User + system CPU seconds of every process of the tree. */
  cpuSeconds: number;
  /** Largest peak RSS of any process of the tree, in bytes (0 when /proc is not there). */
  peakBytes: number;
  code: number;
  stdout: string;
  stderr: string;
}

function children(pid: number): number[] {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((t) => {
      try {
        return fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").split(" ").filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

function peakOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU ticks a process has used itself (its children not counted). */
function ticksOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0;
  }
}

/** Clock ticks a second of /proc's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** The process tree below `pid`, `pid` included. */
function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all;
}

/** Runs `command args` in the project root and measures it; never throws for a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // `times` prints the shell's own, then its children's user and system time: "0m1.250s 0m0.310s".
    const script = '"$@"; status=$?; times >&2; exit $status';
    const child = spawn("sh", ["-c", script, "sh", command, ...args], {
      cwd: root,
      env: { ...process.env, ...env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const peaks = new Map<number, number>();
    const ticks = new Map<number, number>();
    const poll = setInterval(() => {
      for (const pid of tree(child.pid!)) {
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peakOf(pid)));
        ticks.set(pid, Math.max(ticks.get(pid) ?? 0, ticksOf(pid)));
      }
    }, 50);
    child.once("error", (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.once("close", (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const lines = stderr.trimEnd().split("\n");
      const waited = [...(lines.pop() ?? "").matchAll(/(\d+)m([\d.]+)s/g)].reduce(
        (sum, m) => sum + Number(m[1]) * 60 + Number(m[2]),
        0,
      );
      const polled = [...ticks.values()].reduce((a, b) => a + b, 0) / ticksPerSecond;
      const cpuSeconds = Math.max(waited, polled);
      stderr = lines.slice(0, -1).join("\n");
      resolve({ seconds, cpuSeconds, peakBytes: Math.max(0, ...peaks.values()), code: code ?? 1, stdout, stderr });
    });
  });
}

/** `npm run <script> -- args`, exactly as a user types it. */
export const npmRun = (script: string, args: string[], env?: Record<string, string>) =>
  run("npm", ["run", "--silent", script, "--", ...args], env);
