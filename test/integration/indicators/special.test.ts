import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row } from "../../helpers/given.ts";

describe("special education family (一人一案)", () => {
  it("pools pupils with an individual plan over pupils with special needs, counts only", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", P2: "primary", J1: "junior", S1: "special", K1: "kindergarten" });
    await given(db, "special_needs", [
      { year: 2020, school_id: "P1", pupils: 4, with_plan: 4 },
      { year: 2020, school_id: "P2", pupils: 5, with_plan: 5 },
      { year: 2020, school_id: "J1", pupils: 0, with_plan: 0 }, // none: reported all the same
      { year: 2020, school_id: "S1", pupils: 18, with_plan: 18 },
      { year: 2021, school_id: "P1", pupils: 4, with_plan: 4 },
      { year: 2021, school_id: "J1", pupils: 3, with_plan: 2 },
      { year: 2021, school_id: "S1", pupils: 20, with_plan: 20 },
      // 2021: P2 owes the report and sent none
    ]);
    const rows = await computed(db, "special.");
    expect(row(rows, "special.individual_plans", 2020, null)).toMatchObject({
      value: 1,
      numerator: 27,
      denominator: 27,
      threshold: 1,
      status: "met",
      schools_owed: 4,
      schools_reported: 4,
    });
    const latest = row(rows, "special.individual_plans", 2021, null);
    expect(latest).toMatchObject({ numerator: 26, denominator: 27, status: "incomplete", schools_reported: 3 });
    expect(latest.value).toBeCloseTo(26 / 27, 12);
    // a district-scope target: no school rows are published
    expect(rows.filter((r) => r.school_id !== null)).toEqual([]);
  });
});
