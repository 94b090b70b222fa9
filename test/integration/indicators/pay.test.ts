import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row } from "../../helpers/given.ts";

describe("pay family: compulsory-education teachers against civil servants (plan clause 32)", () => {
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

  it("counts a complete secondary or twelve-year school with its primary and junior teachers only", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", N9: "nine_year", C6: "complete_secondary", T12: "twelve_year" });
    const pay = (year: number, school_id: string, teachers: number, yuan: number, compulsory?: [number, number]) => ({
      year,
      school_id,
      teachers,
      avg_annual_pay_yuan: yuan,
      compulsory_teachers: compulsory?.[0] ?? null,
      compulsory_avg_annual_pay_yuan: compulsory?.[1] ?? null,
    });
    await given(db, "teacher_pay", [
      pay(2021, "P1", 100, 100000, [60, 90000]), // no senior section: these columns are not read
      pay(2021, "N9", 200, 120000), // no senior section: its whole row is compulsory
      pay(2021, "C6", 200, 150000, [100, 120000]), // 100 of its 200 teachers teach junior grades
      pay(2021, "T12", 250, 140000, [200, 130000]),
      pay(2020, "P1", 100, 100000),
      pay(2020, "N9", 200, 120000),
      pay(2020, "C6", 200, 150000, [100, 120000]),
      pay(2020, "T12", 250, 140000), // its senior teachers cannot be told apart: left out
    ]);
    await given(db, "district_reference", [
      { year: 2021, civil_servant_avg_annual_pay_yuan: 120000 },
      { year: 2020, civil_servant_avg_annual_pay_yuan: 100000 },
    ]);
    const rows = await computed(db, "pay.");
    // (100 × 100000 + 200 × 120000 + 100 × 120000 + 200 × 130000) / 600 = 72,000,000 / 600 = 120000;
    // with the whole-school rows it would be (10M + 24M + 30M + 35M) / 750 = 132000
    expect(row(rows, "pay.teacher_parity", 2021, null)).toMatchObject({
      numerator: 120000,
      denominator: 120000,
      value: 1,
      status: "met",
      schools_owed: 4,
      schools_reported: 4,
    });
    // 2020 without T12: (10M + 24M + 12M) / 400 = 115000 over 100000 = 1.15, but one school is missing
    expect(row(rows, "pay.teacher_parity", 2020, null)).toMatchObject({
      numerator: 115000,
      value: 1.15,
      status: "incomplete",
      schools_owed: 4,
      schools_reported: 3,
    });
    expect(rows.filter((r) => r.school_id !== null)).toEqual([]); // a district target publishes no school rows
  });
});
