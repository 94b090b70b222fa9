// Small numbers: a grade-level myopia rate over fewer than 10 screened pupils is hidden in the warehouse
// (table vision_grade_rates) with the reason, and so is any count that would give it away by
// subtraction from a published total; school totals stay when they are large enough, and a school or
// district rate over fewer pupils is hidden the same way; SMALL_NUMBER_THRESHOLD moves the line.
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeIndicators } from "../../pipelines/indicators/compute.ts";
import { minDenominator } from "../../pipelines/indicators/smallNumbers.ts";
import { tableFromIPC } from "apache-arrow";
import { indicatorCsv } from "../../pipelines/export/csv.ts";
import { readExportRows } from "../../pipelines/export/rows.ts";
import { siteFiles } from "../../pipelines/lib/siteFiles.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { queryRows } from "../../pipelines/lib/warehouse.ts";
import { emptyWarehouse, given, givenSchools } from "../helpers/given.ts";

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
    // grade 3 has 10 pupils, but A's total (38 myopic) minus grade 1 (30) would give grade 2 away:
    // the smallest other grade of A, and of the district, is hidden too
    const cover = { ...hidden, note: "为防止由合计推算出人数较少年级的近视人数，一并不显示" };
    const shown = { suppressed: false, note: null };
    expect(await gradeRows(db)).toEqual([
      { school_id: null, grade: "1", screened: 170, myopic: 40, myopia_rate: 40 / 170, ...shown },
      // a grade under the threshold does not show how many were screened either
      { school_id: null, grade: "2", screened: null, ...hidden },
      { school_id: null, grade: "3", screened: 10, ...cover },
      { school_id: "A", grade: "1", screened: 120, myopic: 30, myopia_rate: 0.25, ...shown },
      { school_id: "A", grade: "2", screened: null, ...hidden },
      { school_id: "A", grade: "3", screened: 10, ...cover },
      { school_id: "B", grade: "1", screened: 50, myopic: 10, myopia_rate: 0.2, ...shown },
      { school_id: "B", grade: "2", screened: null, ...hidden },
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

  it("leaves no hidden count that subtraction from a published total could give away", async () => {
    const db = await emptyWarehouse();
    const schools = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`S${i}`, "primary"]));
    await givenSchools(db, schools);
    // grades of 3 to 40 pupils, so that many are small: deterministic, no randomness
    const rows = Object.keys(schools).flatMap((id, i) =>
      ["1", "2", "3", "4", "5", "6"].map((grade, g) => {
        const screened = 3 + ((i * 7 + g * 11) % 38);
        return summary(id, grade, screened, Math.floor(screened / 3) + (g % 2));
      }),
    );
    await given(db, "vision", rows);
    await computeIndicators(db);
    // how many were screened, from the input (a small grade no longer publishes it)
    const screenedOf = (school: string | null, grade: string) =>
      rows
        .filter((r) => r.grade === grade && (school === null || r.school_id === school))
        .reduce((n, r) => n + r.screened, 0);
    const published = await queryRows<{ school_id: string | null; grade: string; myopic: number | null }>(
      db,
      "select school_id, grade, myopic from vision_grade_rates",
    );
    const cells = published.map((c) => ({ ...c, screened: screenedOf(c.school_id, c.grade) }));
    const totals = await queryRows<{ school_id: string | null; numerator: number }>(
      db,
      "select school_id, numerator from indicator_values where target_id = 'vision.myopia_rate' and year = 2021",
    );
    expect(cells.some((c) => c.myopic === null)).toBe(true);
    // every published sum: a school's grades (its total), the district's grades (its total), a grade
    // across the schools (the district's cell of that grade, when shown)
    const sums: { cells: typeof cells; total: number | null }[] = [
      ...totals.map((t) => ({ cells: cells.filter((c) => c.school_id === t.school_id), total: t.numerator })),
      ...["1", "2", "3", "4", "5", "6"].map((g) => ({
        cells: cells.filter((c) => c.grade === g && c.school_id !== null),
        total: cells.find((c) => c.grade === g && c.school_id === null)!.myopic,
      })),
    ];
    for (const sum of sums) {
      const unknown = sum.cells.filter((c) => c.myopic === null && c.screened > 0);
      if (sum.total === null || unknown.length !== 1) continue;
      const derived = sum.total - sum.cells.reduce((n, c) => n + (c.myopic ?? 0), 0);
      throw new Error(`${unknown[0].school_id ?? "全区"} ${unknown[0].grade} 年级的近视人数可由合计推出：${derived}`);
    }
  });

  it.each(["0", "-3", "ten", "2.5"])("refuses SMALL_NUMBER_THRESHOLD=%s with a plain message", (value) => {
    expect(() => minDenominator({ SMALL_NUMBER_THRESHOLD: value })).toThrow(
      /SMALL_NUMBER_THRESHOLD 应为 1 到 100000 之间的整数/,
    );
  });
});

describe("small numbers at school and district level", () => {
  it("publishes no rate, count or screened number of a school whose only grade has 8 pupils", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary", C: "primary", T: "primary" });
    await given(db, "vision", [
      summary("A", "1", 120, 30),
      summary("B", "1", 50, 10),
      summary("C", "1", 40, 12),
      summary("T", "1", 8, 3), // T: 3 myopic of 8, its only grade
    ]);
    await computeIndicators(db);
    const rows = await queryRows(
      db,
      `select school_id, value, numerator, denominator, suppressed from indicator_values
       where year = 2021 and target_id = 'vision.myopia_rate' order by school_id nulls first`,
    );
    // T hidden (8 < 10); with T alone hidden the district's 55 less A, B and C (30 + 10 + 12) would give
    // its 3 away, so the smallest other school, C (40 pupils), is hidden too; the district (218) stays
    expect(rows).toEqual([
      { school_id: null, value: 55 / 218, numerator: 55, denominator: 218, suppressed: null },
      { school_id: "A", value: 0.25, numerator: 30, denominator: 120, suppressed: null },
      { school_id: "B", value: 0.2, numerator: 10, denominator: 50, suppressed: null },
      { school_id: "C", value: null, numerator: null, denominator: null, suppressed: true },
      { school_id: "T", value: null, numerator: null, denominator: null, suppressed: true },
    ]);
    // its screening coverage (8 screened of 8) is hidden too, and so is the grade's screened count
    const coverage = await queryRows(
      db,
      `select value, numerator, denominator from indicator_values
       where year = 2021 and target_id = 'vision.screening_coverage' and school_id = 'T'`,
    );
    expect(coverage).toEqual([{ value: null, numerator: null, denominator: null }]);
    const grades = await queryRows(
      db,
      "select screened, judged, myopic, myopia_rate from vision_grade_rates where school_id = 'T'",
    );
    expect(grades).toEqual([{ screened: null, judged: null, myopic: null, myopia_rate: null }]);
  });

  it("hides a school's change from last year when last year's rate stood on too few pupils", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary", T: "primary" });
    await given(db, "vision", [
      { ...summary("A", "1", 120, 30), year: 2020 },
      { ...summary("B", "1", 50, 10), year: 2020 },
      { ...summary("T", "1", 9, 3), year: 2020 }, // 9 pupils in 2020: hidden
      summary("A", "1", 120, 24),
      summary("B", "1", 50, 10),
      summary("T", "1", 20, 5), // 20 in 2021: shown, but 25 % − 3/9 would give 2020's 3 of 9 away
    ]);
    await computeIndicators(db);
    const changes = await queryRows(
      db,
      `select school_id, value, suppressed from indicator_values
       where target_id = 'vision.myopia_rate_change' and year = 2021 and school_id is not null order by school_id`,
    );
    // A: 20 % − 25 % = −5 points. In 2020 T (9) was hidden and so was B (50), the smallest other school,
    // lest the district less A gave T away: B's change is hidden with its 2020 rate
    expect(changes).toEqual([
      { school_id: "A", value: expect.closeTo(-0.05, 12), suppressed: null },
      { school_id: "B", value: null, suppressed: true },
      { school_id: "T", value: null, suppressed: true },
    ]);
  });

  it("leaves that school's figures out of the site's data files and the CSV", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary", C: "primary", T: "primary" });
    await given(db, "vision", [
      summary("A", "1", 120, 30),
      summary("B", "1", 50, 10),
      summary("C", "1", 40, 12),
      summary("T", "1", 8, 3),
    ]);
    await computeIndicators(db);
    const files = await siteFiles(db, {});
    const indicators = tableFromIPC(files["indicators.arrow"] as Uint8Array)
      .toArray()
      .map((r) => r.toJSON());
    const mine = indicators.filter((r) => r.school_id === "T" && r.year === 2021);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine)
      expect([r.target_id, r.value, r.numerator, r.denominator]).toEqual([r.target_id, null, null, null]);
    const grades = tableFromIPC(files["vision_grades.arrow"] as Uint8Array)
      .toArray()
      .map((r) => r.toJSON());
    expect(grades.filter((r) => r.school_id === "T").map((r) => [r.screened, r.myopic, r.myopia_rate])).toEqual([
      [null, null, null],
    ]);
    // the CSV: T's rows have an empty 值 (column 6); 3/8 = 0.375 and 8 appear nowhere on them
    const csv = indicatorCsv(await readExportRows(db, readTargets()));
    const lines = csv.split("\r\n").filter((l) => l.split(",")[3] === "T");
    expect(lines.length).toBe(mine.length);
    for (const line of lines) {
      expect(line.split(",")[5], line).toBe("");
      expect(line).not.toContain("0.375");
    }
  });
});
