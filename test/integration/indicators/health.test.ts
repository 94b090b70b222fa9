import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row } from "../../helpers/given.ts";

describe("health family", () => {
  it("computes each check per school and pooled, only where the school reported it", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { K1: "kindergarten", P1: "primary", C1: "complete_secondary", S0: "senior" });
    await given(db, "health", [
      { year: 2021, school_id: "K1", vaccination_required: 120, vaccination_checked: 120 },
      {
        year: 2021,
        school_id: "P1",
        vaccination_required: 300,
        vaccination_checked: 297,
        psych_required: 300,
        psych_checked: 300,
      },
      { year: 2021, school_id: "C1", tb_required: 400, tb_screened: 380, psych_required: 900, psych_checked: 900 },
    ]);
    const rows = await computed(db, "health.");
    expect(row(rows, "health.vaccination_check", 2021, "K1")).toMatchObject({ value: 1, threshold: 1, status: "met" });
    expect(row(rows, "health.vaccination_check", 2021, "P1")).toMatchObject({ value: 0.99, status: "not_met" });
    expect(row(rows, "health.vaccination_check", 2021, null)).toMatchObject({ numerator: 417, denominator: 420 });
    expect(row(rows, "health.tb_screening", 2021, "C1")).toMatchObject({ value: 0.95, status: "not_met" });
    expect(row(rows, "health.tb_screening", 2021, "S0")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "health.tb_screening", 2021, null)).toMatchObject({ numerator: 380, denominator: 400 });
    // the kindergarten is not among the psych checkup's sections; P1 and C1 pool to 1200 / 1200
    expect(rows.filter((r) => r.target_id === "health.psych_checkup" && r.school_id === "K1")).toEqual([]);
    // S0 (senior) owes the health report and sent none: 1200 / 1200 is over 2 of the 3 schools
    expect(row(rows, "health.psych_checkup", 2021, null)).toMatchObject({
      value: 1,
      denominator: 1200,
      status: "incomplete",
      schools_owed: 3,
      schools_reported: 2,
    });
    expect(row(rows, "health.psych_checkup", 2021, "S0").status).toBe("no_data");
  });
});
