import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { sqlDir } from "../../../pipelines/indicators/sql.ts";
import { UserError } from "../../../pipelines/lib/errors.ts";
import { queryRows } from "../../../pipelines/lib/warehouse.ts";
import { emptyWarehouse, given, givenSchools } from "../../helpers/given.ts";

async function warehouseWithOneYear() {
  const db = await emptyWarehouse();
  await givenSchools(db, { P1: "primary" });
  await given(db, "health", [{ year: 2021, school_id: "P1", psych_required: 10, psych_checked: 10 }]);
  const first = await computeIndicators(db);
  return { db, first };
}

const count = async (db: Awaited<ReturnType<typeof emptyWarehouse>>) =>
  (await queryRows<{ n: number }>(db, "select count(*)::INTEGER as n from indicator_values"))[0].n;

describe("the indicator engine", () => {
  it("computes only the years and targets its datasets hold, and recomputes idempotently", async () => {
    const { db, first } = await warehouseWithOneYear();
    // health has 2021 rows: the three health targets, each a school row for P1 (where it applies) and a district row
    const rows = await queryRows<{ target_id: string; school_id: string | null }>(
      db,
      "select target_id, school_id from indicator_values order by all",
    );
    expect(rows).toEqual([
      { target_id: "health.psych_checkup", school_id: "P1" },
      { target_id: "health.psych_checkup", school_id: null },
      { target_id: "health.tb_screening", school_id: null },
      { target_id: "health.vaccination_check", school_id: "P1" },
      { target_id: "health.vaccination_check", school_id: null },
    ]);
    expect(first.rows).toBe(5);
    expect(await computeIndicators(db)).toEqual({ rows: 5 });
  });

  it("leaves the previous values in place when a family's SQL fails", async () => {
    const { db } = await warehouseWithOneYear();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indicators-sql-"));
    fs.cpSync(sqlDir, dir, { recursive: true, filter: (f) => !f.endsWith(".ts") });
    fs.appendFileSync(path.join(dir, "health.sql"), "\nwhere no_such_column > 0");
    await expect(computeIndicators(db, { sqlDirectory: dir })).rejects.toThrow(/health\.sql/);
    expect(await count(db)).toBe(5);
    await expect(computeIndicators(db)).resolves.toEqual({ rows: 5 }); // the connection is usable again
  });

  it("computes nothing when the registry is invalid", async () => {
    const { db } = await warehouseWithOneYear();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "targets-")), "targets.csv");
    const header =
      "target_id,section,clause,title_zh,scope,applies_to,comparator,threshold,unit,formula,source,datasets";
    fs.writeFileSync(file, `${header}\nhealth.psych_checkup,三,10,心理,school,primary,=>,1,ratio,,,health\n`);
    const attempt = computeIndicators(db, { targetsFile: file });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    expect(await count(db)).toBe(5);
  });
});
