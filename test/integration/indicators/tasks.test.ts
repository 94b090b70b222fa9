import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, givenSchools, row } from "../../helpers/given.ts";

describe("school tasks family (学校重点工作落实)", () => {
  it("judges each school's 是/否 and the district as the share of schools met (校校达标)", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, {
      P1: "primary",
      P2: "primary",
      J1: "junior",
      V1: "vocational",
      S1: "special",
      K1: "kindergarten",
    });
    await given(db, "school_tasks", [
      {
        year: 2021,
        school_id: "P1",
        psych_lectures: true,
        parent_psych: true,
        art_assessment: true,
        development_plan: true,
      },
      { year: 2021, school_id: "P2", psych_lectures: true, art_assessment: false, development_plan: true },
      { year: 2021, school_id: "V1", public_courses: true, development_plan: true },
      { year: 2021, school_id: "S1", development_plan: false },
      // J1 (junior) owes the report and sent none
    ]);
    const rows = await computed(db, "tasks.");

    // one school missing, the others met: the district is 数据不全 at 2 of 3 schools
    expect(row(rows, "tasks.psych_lectures", 2021, "P1")).toMatchObject({ value: 1, threshold: 1, status: "met" });
    expect(row(rows, "tasks.psych_lectures", 2021, "J1")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "tasks.psych_lectures", 2021, null)).toMatchObject({
      numerator: 2,
      denominator: 3,
      status: "incomplete",
      schools_owed: 3,
      schools_reported: 2,
    });
    expect(row(rows, "tasks.psych_lectures", 2021, null).value).toBeCloseTo(2 / 3, 12);

    // a school that says 否 makes the district not met, whoever else is missing
    expect(row(rows, "tasks.art_assessment", 2021, "P2")).toMatchObject({ value: 0, status: "not_met" });
    expect(row(rows, "tasks.art_assessment", 2021, null)).toMatchObject({
      numerator: 1,
      denominator: 3,
      status: "not_met",
    });

    // a blank is no 否: P2 has no value for the parents' checkup
    expect(row(rows, "tasks.parent_psych", 2021, "P2")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "tasks.parent_psych", 2021, null)).toMatchObject({ numerator: 1, status: "incomplete" });

    // only the vocational school owes the public foundation courses: met
    expect(row(rows, "tasks.public_courses", 2021, null)).toMatchObject({ value: 1, numerator: 1, status: "met" });
    expect(rows.filter((r) => r.target_id === "tasks.public_courses" && r.school_id !== null)).toHaveLength(1);

    // every school but the kindergarten starts its three-year plan; the special school has not
    expect(row(rows, "tasks.development_plan", 2021, "S1")).toMatchObject({ value: 0, status: "not_met" });
    expect(row(rows, "tasks.development_plan", 2021, null)).toMatchObject({
      numerator: 3,
      denominator: 5,
      status: "not_met",
    });
    expect(rows.filter((r) => r.school_id === "K1")).toEqual([]);
  });
});
