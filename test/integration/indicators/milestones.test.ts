import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, row } from "./given.ts";

const entry = (target_id: string, year: number, as_of: string, achieved: number) => ({
  target_id,
  year,
  as_of,
  achieved,
});

describe("milestones family", () => {
  it("takes what was achieved at the latest as_of of each year", async () => {
    const db = await emptyWarehouse();
    await given(db, "milestones", [
      entry("preschool.anji_pilots", 2021, "2021-06-30", 2),
      entry("preschool.anji_pilots", 2021, "2021-09-30", 5),
      entry("preschool.anji_pilots", 2021, "2021-12-31", 3), // the latest counts, not the largest
      entry("party.brand_demo_points", 2021, "2021-03-31", 8),
      entry("law.enforcement_certified", 2020, "2020-12-31", 1),
      entry("vision.myopia_rate", 2021, "2021-12-31", 0.4), // not a ledger target: ignored
    ]);
    const rows = await computed(db, "");
    expect(row(rows, "preschool.anji_pilots", 2021, null)).toMatchObject({ value: 3, threshold: 3, status: "met" });
    expect(row(rows, "party.brand_demo_points", 2021, null)).toMatchObject({ value: 8, status: "not_met" });
    expect(row(rows, "law.enforcement_certified", 2020, null)).toMatchObject({ value: 1, status: "met" });
    // a year with ledger rows but none for the target
    expect(row(rows, "law.enforcement_certified", 2021, null)).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "construction.new_starts", 2020, null).status).toBe("no_data");
    expect(rows.filter((r) => r.target_id.startsWith("vision."))).toEqual([]);
    // 8 ledger targets × 2 years, district rows only
    expect(rows).toHaveLength(16);
  });
});
