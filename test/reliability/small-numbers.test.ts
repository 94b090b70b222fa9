// Small numbers: a grade-level myopia rate over fewer than 10 screened pupils is hidden in the warehouse
// (view vision_grade_rates) with the reason; school totals stay; SMALL_NUMBER_THRESHOLD moves the line.
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeIndicators } from "../../pipelines/indicators/compute.ts";
import { minDenominator } from "../../pipelines/indicators/smallNumbers.ts";
import { queryRows } from "../../pipelines/lib/warehouse.ts";
import { emptyWarehouse, given, givenSchools } from "../integration/indicators/given.ts";

const summary = (school_id: string, grade: string, screened: number, myopic: number) => ({
  year: 2021,
  school_id,
  grade,
  enrolled: screened,
  screened,
  myopic,
});

async function warehouse(): Promise<DuckDBConnection> {
  const db = await emptyWarehouse();
  await givenSchools(db, { A: "primary", B: "primary" });
  await given(db, "vision", [
    summary("A", "1", 120, 30), // 25%
    summary("A", "2", 9, 3), // 9 screened: hidden
    summary("A", "3", 10, 5), // exactly 10: shown, 50%
    summary("B", "1", 50, 10),
    summary("B", "2", 0, 0), // nobody screened: hidden
  ]);
  return db;
}

const gradeRows = (db: DuckDBConnection) =>
  queryRows(
    db,
    `select school_id, grade, screened::integer as screened, myopic::integer as myopic, myopia_rate, suppressed, note
     from vision_grade_rates order by school_id nulls first, grade`,
  );

describe("grade-level rates and the small-number rule", () => {
  const saved = process.env.SMALL_NUMBER_THRESHOLD;
  beforeEach(() => delete process.env.SMALL_NUMBER_THRESHOLD);
  afterEach(() => {
    if (saved === undefined) delete process.env.SMALL_NUMBER_THRESHOLD;
    else process.env.SMALL_NUMBER_THRESHOLD = saved;
  });

  it("hides rates over fewer than 10 screened pupils, with the reason, for schools and the district", async () => {
    const db = await warehouse();
    await computeIndicators(db);
    const hidden = { myopic: null, myopia_rate: null, suppressed: true, note: "人数不足10人，不显示" };
    const shown = { suppressed: false, note: null };
    expect(await gradeRows(db)).toEqual([
      { school_id: null, grade: "1", screened: 170, myopic: 40, myopia_rate: 40 / 170, ...shown },
      { school_id: null, grade: "2", screened: 9, ...hidden },
      { school_id: null, grade: "3", screened: 10, myopic: 5, myopia_rate: 0.5, ...shown },
      { school_id: "A", grade: "1", screened: 120, myopic: 30, myopia_rate: 0.25, ...shown },
      { school_id: "A", grade: "2", screened: 9, ...hidden },
      { school_id: "A", grade: "3", screened: 10, myopic: 5, myopia_rate: 0.5, ...shown },
      { school_id: "B", grade: "1", screened: 50, myopic: 10, myopia_rate: 0.2, ...shown },
      { school_id: "B", grade: "2", screened: 0, ...hidden },
    ]);
  });

  it("keeps the school totals, small grades included", async () => {
    const db = await warehouse();
    await computeIndicators(db);
    const totals = await queryRows(
      db,
      `select school_id, numerator, denominator from indicator_values
       where target_id = 'vision.myopia_rate' and year = 2021 order by school_id nulls first`,
    );
    expect(totals).toEqual([
      { school_id: null, numerator: 48, denominator: 189 },
      { school_id: "A", numerator: 38, denominator: 139 },
      { school_id: "B", numerator: 10, denominator: 50 },
    ]);
  });

  it("takes another threshold from SMALL_NUMBER_THRESHOLD and says it in the note", async () => {
    process.env.SMALL_NUMBER_THRESHOLD = "20";
    const db = await warehouse();
    await computeIndicators(db);
    const rows = await gradeRows(db);
    expect(rows.filter((r) => r.suppressed).map((r) => [r.school_id, r.grade, r.note])).toEqual([
      [null, "2", "人数不足20人，不显示"],
      [null, "3", "人数不足20人，不显示"],
      ["A", "2", "人数不足20人，不显示"],
      ["A", "3", "人数不足20人，不显示"],
      ["B", "2", "人数不足20人，不显示"],
    ]);
  });

  it.each(["0", "-3", "ten", "2.5"])("refuses SMALL_NUMBER_THRESHOLD=%s with a plain message", (value) => {
    expect(() => minDenominator({ SMALL_NUMBER_THRESHOLD: value })).toThrow(
      /SMALL_NUMBER_THRESHOLD 应为 1 到 100000 之间的整数/,
    );
  });
});
