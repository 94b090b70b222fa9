import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row } from "./given.ts";

describe("pay family", () => {
  it("weights pay by teachers over schools with a primary or junior section", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", N9: "nine_year", H1: "senior" });
    await given(db, "teacher_pay", [
      { year: 2021, school_id: "P1", teachers: 100, avg_annual_pay_yuan: 100000 },
      { year: 2021, school_id: "N9", teachers: 300, avg_annual_pay_yuan: 120000 },
      { year: 2021, school_id: "H1", teachers: 50, avg_annual_pay_yuan: 200000 }, // senior only: left out
      { year: 2020, school_id: "P1", teachers: 100, avg_annual_pay_yuan: 90000 },
    ]);
    await given(db, "district_reference", [
      { year: 2021, civil_servant_avg_annual_pay_yuan: 115000, children_3_5: 1000 },
      { year: 2020, children_3_5: 1000 }, // civil servants' pay not given
      { year: 2019, civil_servant_avg_annual_pay_yuan: 80000 }, // no teacher pay reported
    ]);
    const rows = await computed(db, "pay.");
    // (100 × 100000 + 300 × 120000) / 400 = 115000, exactly the civil servants' pay
    expect(row(rows, "pay.teacher_parity", 2021, null)).toMatchObject({
      numerator: 115000,
      denominator: 115000,
      value: 1,
      threshold: 1,
      status: "met",
    });
    expect(row(rows, "pay.teacher_parity", 2020, null)).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "pay.teacher_parity", 2019, null)).toMatchObject({ value: null, status: "no_data" });
    expect(rows).toHaveLength(3);
  });
});
