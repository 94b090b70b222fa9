import { beforeAll, describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row, section, type IndicatorRow } from "../../helpers/given.ts";

const room = (school_id: string, room_type: string, room_name: string, area_m2: number) => ({
  year: 2021,
  school_id,
  room_type,
  room_name,
  area_m2,
});

describe("space family", () => {
  let rows: IndicatorRow[];
  beforeAll(async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", N9: "nine_year", J1: "junior", C1: "complete_secondary", S0: "primary" });
    await given(db, "facilities", [
      section("P1", "primary", 200, 6, [900, 1400, 400000, 5, 9, 2, 2]), // 4.5 m2: exactly the threshold
      section("N9", "primary", 1000, 24, [5000, 8000, 2500000, 25, 50, 10, 9]),
      section("N9", "junior", 1600, 32, [8000, 16320, 4000000, 40, 80, 16, 16]), // sports 10.2: exactly
      section("J1", "junior", 2000, 40, [12000, 21000, 5000000, 48, 110, 20, 20]),
      section("C1", "junior", 2100, 42, [12600, 21420, 5250000, 51, 112, 21, 19]),
      section("C1", "senior", 1500, 30, [9000, 15000, 4000000, 40, 80, 15, 15]),
    ]);
    await given(db, "special_rooms", [
      room("P1", "music", "音乐1", 96), // exactly the 96 m2 floor: counts
      room("P1", "art", "美术1", 89.9), // below 90 m2: does not count
      ...[1, 2, 3, 4].map((i) => room("N9", "music", `音乐${i}`, 100)),
      room("N9", "music", "音乐5", 95),
      ...[1, 2, 3, 4, 5].map((i) => room("N9", "art", `美术${i}`, 90)),
    ]);
    rows = await computed(db, "space.");
  });

  it("divides the section's total by its students, met at exactly the threshold", () => {
    expect(row(rows, "space.teaching_area.primary", 2021, "P1")).toMatchObject({
      numerator: 900,
      denominator: 200,
      value: 4.5,
      threshold: 4.5,
      status: "met",
    });
    expect(row(rows, "space.sports_area.primary", 2021, "P1")).toMatchObject({ value: 7, status: "not_met" });
    expect(row(rows, "space.multimedia_per100.primary", 2021, "P1").value).toBeCloseTo(2.5, 12);
  });

  it("gives a nine-year school a row for each of its two sections", () => {
    expect(row(rows, "space.teaching_area.primary", 2021, "N9")).toMatchObject({ value: 5, status: "met" });
    expect(row(rows, "space.teaching_area.junior", 2021, "N9")).toMatchObject({ value: 5, status: "not_met" });
    expect(row(rows, "space.sports_area.junior", 2021, "N9")).toMatchObject({ value: 10.2, status: "met" });
    expect(rows.filter((r) => r.school_id === "P1" && r.target_id.endsWith(".junior"))).toEqual([]);
  });

  it("shows the school that did not report, and the district share of schools met", () => {
    expect(row(rows, "space.teaching_area.primary", 2021, "S0")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "space.music_rooms", 2021, "S0").status).toBe("no_data");
    // P1 and N9 met, S0 no data: 2 of 3 met, none not met, one owes its report: incomplete
    expect(row(rows, "space.teaching_area.primary", 2021, null)).toMatchObject({
      numerator: 2,
      denominator: 3,
      threshold: 1,
      status: "incomplete",
      schools_owed: 3,
      schools_reported: 2,
    });
    expect(row(rows, "space.teaching_area.primary", 2021, null).value).toBeCloseTo(2 / 3, 12);
  });

  it("counts music and art rooms with their area floors per 12 classes", () => {
    // P1: 6 classes → 1 room needed; N9: 24 + 32 = 56 classes → ceil(56 / 12) = 5
    expect(row(rows, "space.music_rooms", 2021, "P1")).toMatchObject({ numerator: 1, denominator: 1, status: "met" });
    expect(row(rows, "space.art_rooms", 2021, "P1")).toMatchObject({ numerator: 0, value: 0, status: "not_met" });
    expect(row(rows, "space.music_rooms", 2021, "N9")).toMatchObject({ numerator: 4, denominator: 5, value: 0.8 });
    expect(row(rows, "space.art_rooms", 2021, "N9")).toMatchObject({ numerator: 5, denominator: 5, status: "met" });
    // C1 has a junior section: 42 classes → 4 rooms needed; it sent no special-rooms report, so
    // 0 rooms is what arrived, not what it has: incomplete
    expect(row(rows, "space.music_rooms", 2021, "C1")).toMatchObject({
      numerator: 0,
      denominator: 4,
      status: "incomplete",
    });
  });

  it("counts oversized schools: above 2500 with both sections, above 2000 otherwise", () => {
    // N9 1000 + 1600 = 2600 > 2500; J1 exactly 2000 is not above; C1 junior 2100 > 2000
    expect(row(rows, "space.oversized_schools", 2021, null)).toMatchObject({
      value: 2,
      threshold: 0,
      status: "not_met",
    });
  });
});
