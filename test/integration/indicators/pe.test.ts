import { beforeAll, describe, expect, it } from "vitest";
import {
  computed,
  emptyWarehouse,
  given,
  givenClasses,
  givenSchools,
  row,
  type IndicatorRow,
} from "../../helpers/given.ts";

const grade = (
  school_id: string,
  grade: string,
  lessons: number,
  inSchool: number,
  outSchool: number | null,
  fitness: [number, number, number] | null,
) => ({
  year: 2021,
  school_id,
  grade,
  pe_lessons_per_week: lessons,
  in_school_minutes: inSchool,
  out_school_minutes: outSchool,
  fitness_tested: fitness?.[0] ?? null,
  fitness_passed: fitness?.[1] ?? null,
  fitness_good: fitness?.[2] ?? null,
});

describe("pe family", () => {
  let rows: IndicatorRow[];
  beforeAll(async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", T12: "twelve_year", H1: "senior", S0: "primary" });
    // the grades with pupils (T12 has classes in grade 8 too, and sends no pe for it)
    await givenClasses(db, { P1: ["1", "2", "3"], T12: ["5", "8", "11"], H1: ["10"] });
    await given(db, "pe", [
      grade("P1", "1", 4, 60, 70, [100, 95, 50]),
      grade("P1", "2", 3, 70, 60, [100, 90, 40]), // grade 2 needs 4 lessons
      grade("P1", "3", 3, 65, null, null),
      grade("T12", "5", 3, 50, 80, [200, 190, 120]),
      grade("T12", "11", 2, 70, 90, [100, 100, 80]),
      grade("H1", "10", 2, 60, 60, [100, 100, 50]),
    ]);
    await given(db, "military_training", [
      { year: 2021, school_id: "H1", days: 7, hours: 83 },
      { year: 2021, school_id: "T12", days: 7, hours: 56 },
    ]);
    rows = await computed(db, "pe.");
  });

  it("takes the share of grades meeting their weekly lessons", () => {
    expect(row(rows, "pe.lessons_per_week", 2021, "P1")).toMatchObject({
      numerator: 2,
      denominator: 3,
      status: "not_met",
    });
    // T12 (primary, junior, senior) sent grades 5 and 11 only: its junior section owes pe and sent none
    expect(row(rows, "pe.lessons_per_week", 2021, "T12")).toMatchObject({ value: 1, status: "incomplete" });
    // H1 met, P1 not met, T12 incomplete, S0 no data: 1 of 4 met
    expect(row(rows, "pe.lessons_per_week", 2021, null)).toMatchObject({ value: 0.25, status: "not_met" });
  });

  it("takes the minimum minutes over the reported grades, met at exactly 60", () => {
    expect(row(rows, "pe.in_school_minutes", 2021, "P1")).toMatchObject({ value: 60, threshold: 60, status: "met" });
    expect(row(rows, "pe.in_school_minutes", 2021, "T12")).toMatchObject({ value: 50, status: "incomplete" });
    // P1's grade 3 left its minutes out of school blank: left out, the least of grades 1-2 is 60, and P1 is incomplete
    expect(row(rows, "pe.out_school_minutes", 2021, "P1")).toMatchObject({ value: 60, status: "incomplete" });
    expect(row(rows, "pe.in_school_minutes", 2021, "S0")).toMatchObject({ value: null, status: "no_data" });
  });

  it("pools the fitness rates for the district", () => {
    // P1's grade 3 has no fitness counts: (50 + 40) / (100 + 100) over grades 1-2, incomplete
    expect(row(rows, "pe.fitness_good_rate", 2021, "P1")).toMatchObject({ value: 0.45, status: "incomplete" });
    expect(row(rows, "pe.fitness_good_rate", 2021, "H1")).toMatchObject({ value: 0.5, status: "met" });
    expect(row(rows, "pe.fitness_good_rate", 2021, null)).toMatchObject({
      numerator: 340,
      denominator: 600,
      // P1 and T12 did not send all they owe: 340 / 600 is over what arrived
      status: "incomplete",
    });
    // monitored only: stays 监测 with P1 and T12 short
    expect(row(rows, "pe.fitness_pass_rate", 2021, null)).toMatchObject({
      numerator: 575,
      denominator: 600,
      status: "info",
      schools_owed: 4,
      schools_reported: 1,
    });
    expect(row(rows, "pe.fitness_pass_rate", 2021, null).threshold).toBeNull();
  });

  it("judges military training of the schools with a senior section", () => {
    expect(row(rows, "pe.military_hours", 2021, "H1")).toMatchObject({ value: 83, status: "met" });
    expect(row(rows, "pe.military_hours", 2021, "T12")).toMatchObject({ value: 56, status: "not_met" });
    expect(row(rows, "pe.military_hours", 2021, null)).toMatchObject({ value: 0.5, status: "not_met" });
    expect(row(rows, "pe.military_hours", 2021, null)).toMatchObject({ schools_owed: 2, schools_reported: 2 });
    expect(row(rows, "pe.military_days", 2021, null)).toMatchObject({ value: 1, status: "met" });
    expect(rows.filter((r) => r.target_id.startsWith("pe.military") && r.school_id === "P1")).toEqual([]);
  });
});
