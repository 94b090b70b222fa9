import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, row, section } from "../../helpers/given.ts";

describe("preschool family", () => {
  it("takes ratios from the kindergarten sections, ownership and the district reference", async () => {
    const db = await emptyWarehouse();
    const school = (school_id: string, ownership: string, inclusive: boolean | null) => ({
      school_id,
      name: school_id,
      stage: "kindergarten",
      ownership,
      inclusive,
    });
    await given(db, "schools", [
      school("K1", "public", false), // public counts as inclusive whatever this says
      school("K2", "private", true),
      school("K3", "private", false),
      school("K4", "private", null), // owes its facilities report and did not send it
      { school_id: "P1", name: "P1", stage: "primary", ownership: "public" },
    ]);
    const amounts = [100, 100, 0, 0, 0, 0, 0];
    await given(db, "facilities", [
      section("K1", "kindergarten", 300, 10, amounts),
      section("K2", "kindergarten", 200, 7, amounts),
      section("K3", "kindergarten", 100, 4, amounts),
      section("P1", "primary", 900, 20, amounts),
    ]);
    await given(db, "district_reference", [{ year: 2021, children_3_5: 750 }]);
    const rows = await computed(db, "preschool.");
    expect(row(rows, "preschool.gross_enrollment", 2021, null)).toMatchObject({
      numerator: 600,
      denominator: 750,
      value: 0.8,
      // K4 has not reported: 0.8 is over 3 of the 4 kindergartens, no verdict yet
      status: "incomplete",
      schools_owed: 4,
      schools_reported: 3,
    });
    const inclusive = row(rows, "preschool.inclusive_coverage", 2021, null);
    expect(inclusive).toMatchObject({ numerator: 500, denominator: 600, status: "incomplete" });
    expect(inclusive.value).toBeCloseTo(500 / 600, 12);
    expect(row(rows, "preschool.public_share", 2021, null)).toMatchObject({
      value: 0.5,
      threshold: 0.5,
      status: "incomplete",
    });
  });
});
