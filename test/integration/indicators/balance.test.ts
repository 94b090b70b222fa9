import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row, section } from "../../helpers/given.ts";

describe("balance family: coefficient of variation", () => {
  it("weights each section by its students (the spec's check vector gives 0.515)", async () => {
    const db = await emptyWarehouse();
    // B5 is a nine-year school: its primary section is one of the five, its junior section stays out
    await givenSchools(db, { B1: "primary", B2: "primary", B3: "primary", B4: "primary", B5: "nine_year" });
    const students = [45, 37, 89, 76, 55];
    const area = [279, 137, 935, 160, 402];
    await given(db, "facilities", [
      ...students.map((p, i) => section(`B${i + 1}`, "primary", p, 2, [area[i], 1000, 100000, 1, 1, 1, 1])),
      section("B5", "junior", 999, 20, [99999, 1000, 100000, 1, 1, 1, 1]),
    ]);
    const rows = await computed(db, "balance.cv.");
    // by hand: X = area / students; mean = Σ area / Σ students = 1913 / 302
    const x = area.map((a, i) => a / students[i]);
    const mean = 1913 / 302;
    const s = Math.sqrt(students.reduce((sum, p, i) => sum + p * (x[i] - mean) ** 2, 0) / 302);
    const cv = row(rows, "balance.cv.teaching_area.primary", 2021, null);
    expect(cv.value).toBeCloseTo(0.515, 3);
    expect(cv.value).toBeCloseTo(s / mean, 12);
    expect(cv.denominator).toBeCloseTo(mean, 12);
    expect(cv).toMatchObject({ threshold: 0.5, status: "not_met" }); // <= 0.5
    // one junior section alone: no spread, CV 0
    expect(row(rows, "balance.cv.teaching_area.junior", 2021, null)).toMatchObject({ value: 0, status: "met" });
    expect(rows.filter((r) => r.school_id !== null)).toEqual([]);
  });
});

describe("balance family: six of seven with the 85% rule", () => {
  it("counts the 7 junior resource indicators against the registry thresholds", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { X2: "junior", X3: "junior", X4: "junior", X5: "junior", X6: "junior" });
    // 500 students each: 5.8 m2, 10.2 m2, 2500 yuan, 2.4 rooms, 5.4 and backbone / pe-art per 100
    const junior = (id: string, backbone: number, peArt: number) =>
      section(id, "junior", 500, 10, [2900, 5100, 1250000, 12, 27, backbone, peArt]);
    await given(db, "facilities", [
      junior("X2", 5, 4), // pe/art 0.8 of 0.9: unmet but 89% of it → 6, met
      junior("X3", 5, 3), // pe/art 0.6: below 85% → 6, not met
      junior("X4", 4, 4), // backbone 0.8 of 1 and pe/art 0.8 of 0.9 → 5, not met
      junior("X5", 5, 5), // all 7
    ]);
    const rows = await computed(db, "balance.six_of_seven.junior");
    expect(row(rows, "balance.six_of_seven.junior", 2021, "X2")).toMatchObject({
      value: 6,
      threshold: 6,
      status: "met",
    });
    expect(row(rows, "balance.six_of_seven.junior", 2021, "X3")).toMatchObject({ value: 6, status: "not_met" });
    expect(row(rows, "balance.six_of_seven.junior", 2021, "X4")).toMatchObject({ value: 5, status: "not_met" });
    expect(row(rows, "balance.six_of_seven.junior", 2021, "X5")).toMatchObject({ value: 7, status: "met" });
    expect(row(rows, "balance.six_of_seven.junior", 2021, "X6")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "balance.six_of_seven.junior", 2021, null)).toMatchObject({
      value: 2 / 5,
      numerator: 2,
      denominator: 5,
      status: "not_met",
    });
  });
});
