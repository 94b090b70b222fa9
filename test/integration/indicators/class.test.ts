import { describe, expect, it } from "vitest";
import { queryOversizeClasses } from "../../../pipelines/lib/snapshot.ts";
import { computed, emptyWarehouse, given, givenSchools, row } from "../../helpers/given.ts";

const cls = (year: number, school_id: string, grade: string, class_name: string, students: number) => ({
  year,
  school_id,
  grade,
  class_name,
  students,
});

describe("class family", () => {
  it("counts large and over-standard classes by grade band", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", T12: "twelve_year", V: "vocational", H1: "senior" });
    await given(db, "class_sizes", [
      cls(2021, "P1", "1", "1班", 45), // at the primary standard: not above
      cls(2021, "P1", "1", "2班", 46),
      cls(2021, "P1", "6", "1班", 56), // large
      cls(2021, "T12", "8", "1班", 50), // at the junior standard: not above
      cls(2021, "T12", "8", "2班", 55),
      cls(2021, "T12", "11", "1班", 56), // senior large
      cls(2021, "T12", "11", "2班", 60), // senior large
      cls(2021, "V", "10", "1班", 70), // vocational: no senior section
      cls(2021, "H1", "12", "1班", 55),
      cls(2020, "H1", "10", "1班", 50),
    ]);
    const rows = await computed(db, "class.");
    expect(row(rows, "class.large_classes.compulsory", 2021, null)).toMatchObject({ value: 1, status: "not_met" });
    expect(row(rows, "class.large_classes.senior", 2021, null)).toMatchObject({ value: 2, status: "not_met" });
    // 2020: 0 large classes against the threshold 0 (<=), but only H1 of the two schools with a senior
    // section sent its classes: a count that can still grow is incomplete, not met
    expect(row(rows, "class.large_classes.senior", 2020, null)).toMatchObject({
      value: 0,
      threshold: 0,
      status: "incomplete",
      schools_owed: 2,
      schools_reported: 1,
    });
    // no class of grades 1-9 in 2020: no data
    expect(row(rows, "class.large_classes.compulsory", 2020, null)).toMatchObject({ value: null, status: "no_data" });
    // above standard: P1 46 and 56, T12 55 → 3 of the 5 classes of grades 1-9
    expect(row(rows, "class.over_standard_share.compulsory", 2021, null)).toMatchObject({
      numerator: 3,
      denominator: 5,
      value: 0.6,
      // a monitoring target stays 监测 though T12 sent no class of its primary section (1 of 2 schools
      // missing): it is shown with its coverage, never counted as 数据不全
      status: "info",
      schools_owed: 2,
      schools_reported: 1,
    });
    expect(rows.filter((r) => r.school_id !== null)).toEqual([]);
  });
});

describe("the classes behind the counts (table oversize_classes)", () => {
  it("names every class of 56 and more, or over its grade's standard size, of the latest year", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", T12: "twelve_year" });
    await given(db, "class_sizes", [
      cls(2021, "P1", "2", "3班", 58), // large, and over 45
      cls(2021, "P1", "2", "1班", 45), // at the primary standard: not listed
      cls(2021, "P1", "2", "2班", 46), // over 45
      cls(2021, "T12", "8", "1班", 50), // at the junior standard: not listed
      cls(2021, "T12", "8", "2班", 51), // over 50
      cls(2021, "T12", "11", "1班", 55), // senior: no standard size, under 56: not listed
      cls(2021, "T12", "11", "2班", 56), // senior large
      cls(2020, "P1", "2", "3班", 60), // an earlier year: not in the latest list
    ]);
    await computed(db, "class.");
    expect(await queryOversizeClasses(db)).toEqual([
      { year: 2021, school_id: "P1", grade: "2", class_name: "3班", students: 58, standard_size: 45, large: true },
      { year: 2021, school_id: "T12", grade: "11", class_name: "2班", students: 56, standard_size: null, large: true },
      { year: 2021, school_id: "T12", grade: "8", class_name: "2班", students: 51, standard_size: 50, large: false },
      { year: 2021, school_id: "P1", grade: "2", class_name: "2班", students: 46, standard_size: 45, large: false },
    ]);
  });
});
