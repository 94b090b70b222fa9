// A combined school's one 全校 facilities row, split among its sections by the national pupil weights
// (nine-year primary 1 : junior 1.1; complete secondary junior 1 : senior 1.2) before per-pupil values,
// six-of-seven and CVs. Expected values worked out by hand beside each assertion.
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../pipelines/lib/warehouse.ts";
import { computed, emptyWarehouse, given, givenSchools, row, section, type IndicatorRow } from "../../helpers/given.ts";

const whole = (school_id: string, pupils: Record<string, number>, classes: number, amounts: number[]) => {
  const students = Object.values(pupils).reduce((a, b) => a + b, 0);
  return {
    ...section(school_id, "whole", students, classes, amounts),
    ...Object.fromEntries(Object.entries(pupils).map(([s, n]) => [`students_${s}`, n])),
  };
};

describe("the 全校 row of a combined school", () => {
  let rows: IndicatorRow[];
  let sections: Record<string, unknown>[];
  beforeAll(async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { N9: "nine_year", C6: "complete_secondary", N2: "nine_year" });
    await given(db, "facilities", [
      // N9: 600 primary + 400 junior pupils; weighted 600 × 1 + 400 × 1.1 = 1040, so each resource
      // goes 600/1040 to primary and 440/1040 to junior (5200 m² → 3000 and 2200)
      whole("N9", { primary: 600, junior: 400 }, 25, [5200, 10400, 2600000, 26, 52, 13, 13]),
      // C6: 500 junior + 500 senior; weighted 500 + 500 × 1.2 = 1100: 11000 m² → 5000 and 6000
      whole("C6", { junior: 500, senior: 500 }, 24, [11000, 11000, 2200000, 22, 44, 11, 11]),
      // N2 sent section rows as well as a 全校 row: the section rows are used, the 全校 row is not
      section("N2", "primary", 300, 8, [1500, 2400, 600000, 7, 13, 3, 3]),
      section("N2", "junior", 200, 5, [1200, 2100, 500000, 5, 11, 2, 2]),
      whole("N2", { primary: 300, junior: 200 }, 13, [99999, 99999, 99999, 99, 99, 99, 99]),
    ]);
    rows = await computed(db, "");
    sections = await queryRows(
      db,
      `select school_id, section, students, classes, teaching_aux_area_m2 as area
       from facility_sections order by school_id, section`,
    );
  });

  it("splits each resource by weighted pupils and classes by pupils", () => {
    expect(sections).toEqual([
      { school_id: "C6", section: "junior", students: 500, classes: 12, area: 5000 },
      { school_id: "C6", section: "senior", students: 500, classes: 12, area: 6000 },
      { school_id: "N2", section: "junior", students: 200, classes: 5, area: 1200 },
      { school_id: "N2", section: "primary", students: 300, classes: 8, area: 1500 },
      // 25 classes by pupils: 15 and 10
      { school_id: "N9", section: "junior", students: 400, classes: 10, area: expect.closeTo(2200, 9) },
      { school_id: "N9", section: "primary", students: 600, classes: 15, area: expect.closeTo(3000, 9) },
    ]);
  });

  it("judges each section's per-pupil values on its share", () => {
    // N9 primary: 3000 / 600 = 5.0 ≥ 4.5; junior 2200 / 400 = 5.5 < 5.8
    expect(row(rows, "space.teaching_area.primary", 2021, "N9").value).toBeCloseTo(5, 9);
    expect(row(rows, "space.teaching_area.primary", 2021, "N9").status).toBe("met");
    expect(row(rows, "space.teaching_area.junior", 2021, "N9").value).toBeCloseTo(5.5, 9);
    expect(row(rows, "space.teaching_area.junior", 2021, "N9").status).toBe("not_met");
    // C6 junior: 5000 / 500 = 10 m²; equipment 2,200,000 × 500/1100 / 500 = 2000 yuan < 2500
    expect(row(rows, "space.teaching_area.junior", 2021, "C6").value).toBeCloseTo(10, 9);
    expect(row(rows, "space.equipment_value.junior", 2021, "C6").value).toBeCloseTo(2000, 9);
    // N9's music rooms: 15 + 10 classes → ceil(25 / 12) = 3 rooms needed
    expect(row(rows, "space.music_rooms", 2021, "N9")).toMatchObject({ numerator: 0, denominator: 3 });
  });

  it("counts each split section as one school in the coefficient of variation", () => {
    // junior teaching area: N9 5.5 (400 pupils), C6 10 (500), N2 6 (200): mean = (2200 + 5000 + 1200) / 1100
    // = 7.636…, S² = (400 × 2.136…² + 500 × 2.363…² + 200 × 1.636…²) / 1100
    const mean = 8400 / 1100;
    const variance = (400 * (5.5 - mean) ** 2 + 500 * (10 - mean) ** 2 + 200 * (6 - mean) ** 2) / 1100;
    expect(row(rows, "balance.cv.teaching_area.junior", 2021, null).value).toBeCloseTo(Math.sqrt(variance) / mean, 9);
    expect(row(rows, "balance.cv.teaching_area.junior", 2021, null).value).toBeCloseTo(0.2835, 4);
  });

  it("counts the school's every section as reported", () => {
    expect(row(rows, "space.teaching_area.junior", 2021, null)).toMatchObject({ schools_owed: 3, schools_reported: 3 });
  });
});
