// kill -9 in the middle of an ingest: the warehouse still opens, the interrupted file left no trace
// (or, when the kill came after its commit, is there whole), and the next run loads it once.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csv } from "../helpers/ingest.ts";
import { cli, cliInBackground, fileFacts, query, removeWorkspaces, workspace } from "../helpers/cli.ts";

afterAll(removeWorkspaces);

const rows = 30_000;
const badEvery = 1_000; // every 1000th student has an unreadable acuity: 30 rejects
const big = "vision_records/2021.csv";

function recordsFile(): string {
  const lines = [
    "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜",
  ];
  for (let i = 1; i <= rows; i++) {
    const va = i % badEvery === 0 ? "看不清" : "4.8";
    lines.push(
      `2021,S01,${(i % 6) + 1},KILL${String(i).padStart(6, "0")},学生${i},女,2021-09-16,${va},5.0,-1.00,0.00,是`,
    );
  }
  return lines.join("\n") + "\n";
}

const size = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

/** Files the process has open right now (empty once it is gone). */
function openFiles(pid: number): string[] {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return "";
      }
    });
  } catch {
    return [];
  }
}

type Moment = "reading" | "committing" | "checkpointing";

/**
 * Starts an ingest and kills it with SIGKILL at a moment told by what the process does to its files:
 * "reading" — it has the records file open; "committing" — since then, the write-ahead log has grown
 * (a transaction is being written); "checkpointing" — the database file itself has grown (the log is
 * being folded into it as the run closes the warehouse).
 */
async function ingestKilledWhile(moment: Moment, input: string, db: string): Promise<string> {
  const child = cliInBackground(["ingest", "--input", input, "--db", db, "--json"]);
  const target = path.join(input, big);
  const wal = `${db}.wal`;
  let seen = false;
  let walAtRead = 0;
  let dbAtRead = 0;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const reading = openFiles(child.pid!).includes(target);
      if (reading && !seen) {
        seen = true;
        walAtRead = size(wal);
        dbAtRead = size(db);
      }
      const fire =
        (moment === "reading" && reading) ||
        (moment === "committing" && seen && size(wal) > walAtRead) ||
        (moment === "checkpointing" && seen && size(db) > dbAtRead);
      if (fire) {
        clearInterval(timer);
        child.kill("SIGKILL");
      }
    }, 2);
    child.once("exit", (code, signal) => {
      clearInterval(timer);
      if (signal === "SIGKILL") resolve(signal);
      else reject(new Error(`ingest ended by itself (exit ${code}) before the kill (${moment}): make the file larger`));
    });
  });
}

describe("kill -9 during an ingest", () => {
  const text = recordsFile();

  it.each<Moment>(["reading", "committing", "checkpointing"])(
    "killed while %s: the warehouse opens, the file is all or nothing, the next run loads it once",
    async (moment) => {
      const w = workspace({
        "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办"),
        [big]: text,
      });
      await expect(ingestKilledWhile(moment, w.input, w.db)).resolves.toBe("SIGKILL");

      // The warehouse opens (replaying its log) and holds what was committed before the kill.
      const facts = await fileFacts(w.db);
      expect(facts.get("schools.csv")).toMatchObject({ status: "loaded", rows_loaded: 1, rows_in_table: 1 });
      const records = facts.get(big);
      const [{ n }] = await query<{ n: number }>(w.db, "select count(*)::integer as n from vision_records");
      const [{ r }] = await query<{ r: number }>(w.db, "select count(*)::integer as r from rejects");
      if (moment === "reading" || !records) {
        // The interrupted file: not logged, no rows, no rejects.
        expect(records).toBeUndefined();
        expect([n, r]).toEqual([0, 0]);
      } else {
        // Killed after its commit: the whole file, never a part of it.
        expect(records).toMatchObject({ status: "loaded", rows_read: rows, rows_rejected: rows / badEvery });
        expect([n, r]).toEqual([rows - rows / badEvery, rows / badEvery]);
      }

      // The next run loads it (or finds it unchanged), and every student is there exactly once.
      const again = cli(["ingest", "--input", w.input, "--db", w.db, "--json"]);
      expect(again.stderr).toBe("");
      expect(again.status).toBe(0);
      const after = await fileFacts(w.db);
      expect(after.get(big)!.status).toBe(records ? "unchanged" : "loaded");
      const [counts] = await query<{ n: number; students: number; r: number }>(
        w.db,
        `select count(*)::integer as n, count(distinct student_hash)::integer as students,
                (select count(*)::integer from rejects) as r
         from vision_records`,
      );
      expect(counts).toEqual({ n: rows - rows / badEvery, students: rows - rows / badEvery, r: rows / badEvery });
    },
    180_000,
  );
});
