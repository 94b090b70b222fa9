import { beforeAll, describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row, section, type IndicatorRow } from "../../helpers/given.ts";

describe("teachers family", () => {
  let rows: IndicatorRow[];
  beforeAll(async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { N9: "nine_year", P0: "primary" });
    await given(db, "facilities", [
      // primary: 9 pe/art teachers per 1000 students is 0.8999999999999999 in binary, the threshold 0.9
      section("N9", "primary", 1000, 24, [5000, 8000, 2500000, 25, 41, 10, 9]),
      section("N9", "junior", 1600, 32, [8000, 16320, 4000000, 40, 80, 16, 16]),
    ]);
    rows = await computed(db, "teachers.");
  });

  it("is met at exactly the threshold despite binary rounding", () => {
    const peArt = row(rows, "teachers.pe_art_per100.primary", 2021, "N9");
    expect(peArt).toMatchObject({ numerator: 9, denominator: 1000, threshold: 0.9, status: "met" });
    expect(peArt.value).toBeCloseTo(0.9, 12);
    expect(peArt.value).toBeLessThan(0.9);
  });

  it("computes per 100 students of each section of a nine-year school", () => {
    expect(row(rows, "teachers.above_degree_per100.primary", 2021, "N9").value).toBeCloseTo(4.1, 12);
    expect(row(rows, "teachers.above_degree_per100.primary", 2021, "N9").status).toBe("not_met");
    expect(row(rows, "teachers.above_degree_per100.junior", 2021, "N9").value).toBeCloseTo(5, 12);
    expect(row(rows, "teachers.above_degree_per100.junior", 2021, "N9").status).toBe("not_met"); // 5.3 asked
    expect(row(rows, "teachers.backbone_per100.junior", 2021, "N9")).toMatchObject({ status: "met" });
  });

  it("marks the school without data and rolls the district up as met only when all are", () => {
    expect(row(rows, "teachers.pe_art_per100.primary", 2021, "P0").status).toBe("no_data");
    expect(row(rows, "teachers.pe_art_per100.primary", 2021, null)).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      // N9 met, P0 owes its facilities and sent none, nobody not met: incomplete, not 未达标
      status: "incomplete",
      schools_owed: 2,
      schools_reported: 1,
    });
    // junior: N9 is the only applicable school and is met
    expect(row(rows, "teachers.pe_art_per100.junior", 2021, null)).toMatchObject({ value: 1, status: "met" });
  });
});
