// The district coefficient of variation is the same number however often it is computed and in whatever
// order the schools' rows happen to be stored: a re-run never moves its last digits (nor the progress from it).
import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row, section } from "../../helpers/given.ts";

const target = "balance.cv.teaching_area.primary";

/** Primary sections of one student each, so X = area; 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in floating point. */
async function warehouseWith(areas: [string, number][]) {
  const db = await emptyWarehouse();
  await givenSchools(db, Object.fromEntries(areas.map(([id]) => [id, "primary"])));
  await given(
    db,
    "facilities",
    areas.map(([id, area]) => section(id, "primary", 1, 1, [area, 1000, 100000, 1, 1, 1, 1])),
  );
  return db;
}

describe("balance family: the coefficient of variation is reproducible", () => {
  it("is the hand-computed √3/5 for two sections of 10 and 30 students", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { C1: "primary", C2: "primary" });
    await given(db, "facilities", [
      section("C1", "primary", 10, 1, [100, 1000, 100000, 1, 1, 1, 1]), // X = 10
      section("C2", "primary", 30, 1, [150, 1000, 100000, 1, 1, 1, 1]), // X = 5
    ]);
    // by hand: mean = 250 / 40 = 6.25; S² = (10 · 3.75² + 30 · 1.25²) / 40 = 75 / 16; CV = (5√3 / 4) / (25 / 4)
    const cv = row(await computed(db, "balance.cv."), target, 2021, null);
    expect(cv.denominator).toBeCloseTo(6.25, 12);
    expect(cv.numerator).toBeCloseTo((5 * Math.sqrt(3)) / 4, 12);
    expect(cv.value).toBeCloseTo(Math.sqrt(3) / 5, 12);
  });

  it("gives identical values when computed twice and when the rows are stored in another order", async () => {
    // tenths that add up to 0.1 + 0.2 + … + 4.0 = 82 (40 sections)
    const areas = Array.from({ length: 40 }, (_, i): [string, number] => [
      `D${String(i + 1).padStart(2, "0")}`,
      (i + 1) / 10,
    ]);
    const forward = await warehouseWith(areas);
    const first = row(await computed(forward, "balance.cv."), target, 2021, null);
    const again = row(await computed(forward, "balance.cv."), target, 2021, null);
    const backward = row(await computed(await warehouseWith([...areas].reverse()), "balance.cv."), target, 2021, null);
    for (const other of [again, backward]) {
      expect(Object.is(other.value, first.value), `${other.value} vs ${first.value}`).toBe(true);
      expect(Object.is(other.numerator, first.numerator)).toBe(true);
      expect(Object.is(other.denominator, first.denominator)).toBe(true);
    }
    // mean 82 / 40 = 2.05 (by hand)
    expect(first.denominator).toBeCloseTo(2.05, 13);
  });
});
