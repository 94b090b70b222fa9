// The shipped synthetic sample, ingested whole: every file reconciles and every planted defect is caught where it is.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { sampleDir } from "../../../pipelines/lib/paths.ts";
import { tempWarehouse, type TempWarehouse } from "../../helpers/ingest.ts";

process.env.STUDENT_ID_SALT = "test-salt-sample-0123456789abcdef";

interface Defect {
  file: string;
  line: number;
  code: string;
}
const defects: Defect[] = JSON.parse(fs.readFileSync(path.join(sampleDir, "defects.json"), "utf8"));
// The sample's README: "schools、vision 首年、military_training 最后一行为“填表人：…”页脚" (not listed in defects.json).
const footers: Defect[] = [
  { file: "schools/schools.csv", line: 206, code: "totals_row" },
  { file: "vision/2019.csv", line: 940, code: "totals_row" },
  { file: "military_training/2019-2021.csv", line: 62, code: "totals_row" },
];

let w: TempWarehouse;
beforeAll(async () => {
  w = await tempWarehouse();
  await runIngest(w.connection, { input: sampleDir, isSample: true });
}, 120_000);
afterAll(() => w.cleanup());

describe("the shipped sample", () => {
  it("loads every CSV file and workbook sheet, none failed, and each reconciles: read = loaded + rejected", async () => {
    // Each sample workbook holds one data sheet (and, in the .xlsx, a sheet that is no dataset, skipped).
    const dataFiles = fs.readdirSync(sampleDir, { recursive: true }).filter((f) => /\.(csv|xlsx|xls)$/.test(String(f)));
    const log = await w.rows<{ status: string; rows_read: number; rows_loaded: number; rows_rejected: number }>(
      "select status, rows_read, rows_loaded, rows_rejected from ingest_log",
    );
    expect(log).toHaveLength(dataFiles.length);
    for (const row of log) {
      expect(row.status).toBe("loaded");
      expect(row.rows_read).toBe(row.rows_loaded + row.rows_rejected);
    }
  });

  it("rejects exactly the rows its README lists as defects and footers, at their lines and with their reason codes", async () => {
    const rejects = await w.rows<Defect>(
      "select source_file as file, source_line as line, reason_code as code from rejects order by file, line",
    );
    const byPlace = (a: Defect, b: Defect) => a.file.localeCompare(b.file) || a.line - b.line;
    expect(rejects.map(({ file, line, code }) => ({ file, line, code })).sort(byPlace)).toEqual(
      [...defects, ...footers].map(({ file, line, code }) => ({ file, line, code })).sort(byPlace),
    );
  });

  it("holds 200 schools and no readable student id or name", async () => {
    const [{ n }] = await w.rows<{ n: number }>("select count(*)::integer as n from schools");
    expect(n).toBe(200);
    const columns = await w.rows<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name in ('vision_records', 'vision_records_history')",
    );
    const names = columns.map((c) => c.column_name);
    expect(names).toContain("student_hash");
    expect(names).not.toContain("student_id");
    expect(names).not.toContain("name");
  });
});
