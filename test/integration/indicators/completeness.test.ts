// Completeness (rule: docs/completeness.md): no verdict without the data behind it. Each case is built
// from a few hand-written rows; every expected number is worked out in the comment beside it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../../pipelines/lib/warehouse.ts";
import { computed, emptyWarehouse, given, givenClasses, givenSchools, row, section } from "../../helpers/given.ts";

const cls = (school_id: string, grade: string, class_name: string, students: number, year = 2021) => ({
  year,
  school_id,
  grade,
  class_name,
  students,
});

const vision = (year: number, school_id: string, grade: string, screened: number, myopic: number) => ({
  year,
  school_id,
  grade,
  enrolled: screened,
  screened,
  myopic,
});

const eyes = (school_id: string, grade: string, student: string, va: number, se: number | null, year = 2021) => ({
  year,
  school_id,
  grade,
  student_hash: student,
  screen_date: `${year}-09-15`,
  va_right: va,
  se_right: se,
  va_left: 5.1,
  se_left: 0,
});

const eightPrimarySchools = Object.fromEntries(
  ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"].map((id) => [id, "primary"]),
);

describe("reporting duty", () => {
  it("lists, per school and year, each section that owes a report and whether it arrived", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { N9: "nine_year", P1: "primary", V1: "vocational" });
    // N9 sent its primary facilities only; P1 sent student records, which fulfil the vision report
    await given(db, "facilities", [section("N9", "primary", 600, 12, [2700, 4500, 1200000, 14, 26, 6, 6])]);
    await given(db, "vision_records", [eyes("P1", "3", "a", 5.1, 0)]);
    await computed(db, "vision.");
    const reports = await queryRows(
      db,
      `select school_id, dataset, section, received from reports
       where year = 2021 and dataset in ('facilities', 'vision') order by all`,
    );
    // the vocational school owes neither (the dictionary's owed_by names no vocational section)
    expect(reports).toEqual([
      { school_id: "N9", dataset: "facilities", section: "junior", received: false },
      { school_id: "N9", dataset: "facilities", section: "primary", received: true },
      { school_id: "N9", dataset: "vision", section: "junior", received: false },
      { school_id: "N9", dataset: "vision", section: "primary", received: false },
      { school_id: "P1", dataset: "facilities", section: "primary", received: false },
      { school_id: "P1", dataset: "vision", section: "primary", received: true },
    ]);
  });
});

describe("a count that can only grow as schools report (大班额)", () => {
  it("is incomplete, not met, when 1 of 8 schools filed its classes and none is large", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, eightPrimarySchools);
    await given(db, "class_sizes", [cls("P1", "1", "1班", 40), cls("P1", "2", "1班", 45)]);
    const rows = await computed(db, "class.");
    expect(row(rows, "class.large_classes.compulsory", 2021, null)).toMatchObject({
      value: 0,
      status: "incomplete",
      schools_owed: 8,
      schools_reported: 1,
    });
  });

  it("is not met as soon as one large class arrived, whoever else is missing", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, eightPrimarySchools);
    await given(db, "class_sizes", [cls("P1", "1", "1班", 40), cls("P1", "2", "1班", 58)]);
    const rows = await computed(db, "class.");
    expect(row(rows, "class.large_classes.compulsory", 2021, null)).toMatchObject({ value: 1, status: "not_met" });
  });

  it("is met only when every school sent all its classes", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", P2: "primary" });
    await given(db, "class_sizes", [cls("P1", "1", "1班", 40), cls("P2", "6", "1班", 55)]);
    const rows = await computed(db, "class.");
    expect(row(rows, "class.large_classes.compulsory", 2021, null)).toMatchObject({
      value: 0,
      status: "met",
      schools_owed: 2,
      schools_reported: 2,
    });
  });

  it("counts a school whose rows were rejected in its file's latest load as not all there", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary", P2: "primary" });
    await given(db, "class_sizes", [cls("P1", "1", "1班", 40), cls("P2", "6", "1班", 55)]);
    await given(db, "ingest_log", [
      { load_id: 1, source_file: "class_sizes/2021.csv", status: "loaded" },
      { load_id: 2, source_file: "class_sizes/2021-补报.csv", status: "loaded" },
    ]);
    // a class of P2 was rejected (out of range): 0 large classes is not the whole of P2's classes;
    // a totals row of the same file loses no class
    await given(db, "rejects", [
      {
        load_id: 1,
        dataset: "class_sizes",
        source_file: "class_sizes/2021.csv",
        source_line: 9,
        reason_code: "out_of_range",
        school_id: "P2",
        year: 2021,
      },
      {
        load_id: 1,
        dataset: "class_sizes",
        source_file: "class_sizes/2021.csv",
        source_line: 12,
        reason_code: "totals_row",
        school_id: "P1",
        year: 2021,
      },
    ]);
    const rows = await computed(db, "class.");
    expect(row(rows, "class.large_classes.compulsory", 2021, null)).toMatchObject({
      value: 0,
      status: "incomplete",
      schools_owed: 2,
      schools_reported: 1,
    });
  });

  it("forgets the rejects of a file once the file is loaded again", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary" });
    await given(db, "class_sizes", [cls("P1", "1", "1班", 40)]);
    await given(db, "ingest_log", [
      { load_id: 1, source_file: "class_sizes/2021.csv", status: "loaded" },
      { load_id: 2, source_file: "class_sizes/2021.csv", status: "loaded" },
    ]);
    await given(db, "rejects", [
      {
        load_id: 1,
        dataset: "class_sizes",
        source_file: "class_sizes/2021.csv",
        source_line: 3,
        reason_code: "bad_type",
        school_id: "P1",
        year: 2021,
      },
    ]);
    const rows = await computed(db, "class.");
    expect(row(rows, "class.large_classes.compulsory", 2021, null)).toMatchObject({ value: 0, status: "met" });
  });
});

describe("a change from one year to the next", () => {
  it("is computed on the schools that reported both years (a matched panel)", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary", C: "primary", H: "senior" });
    await givenClasses(db, { A: ["3"], B: ["3"], C: ["3"] }, [2020, 2021]);
    await givenClasses(db, { H: ["10"] }, [2020]);
    await given(db, "vision", [
      // 2020: A 20 %, B 30 %, C 40 % of 100; H 320 of 400 (80 %)
      vision(2020, "A", "3", 100, 20),
      vision(2020, "B", "3", 100, 30),
      vision(2020, "C", "3", 100, 40),
      vision(2020, "H", "10", 400, 320),
      // 2021: each of A, B, C one point worse; H did not report
      vision(2021, "A", "3", 100, 21),
      vision(2021, "B", "3", 100, 31),
      vision(2021, "C", "3", 100, 41),
    ]);
    const rows = await computed(db, "vision.");
    // pooled over whoever reported, the district would seem to fall from 410/700 (58.6 %) to
    // 93/300 (31 %): −27.6 points. On the panel A, B, C: 93/300 − 90/300 = +1 point.
    const district = row(rows, "vision.myopia_rate_change", 2021, null);
    expect(district.value).toBeCloseTo(0.01, 12);
    expect(district).toMatchObject({ status: "incomplete", schools_owed: 4, schools_reported: 3 });
    expect(row(rows, "vision.myopia_rate_change", 2021, "A").value).toBeCloseTo(0.01, 12);
    expect(row(rows, "vision.myopia_rate_change", 2021, "A").status).toBe("not_met");
    expect(row(rows, "vision.myopia_rate_change", 2021, "H")).toMatchObject({ value: null, status: "no_data" });
  });

  it("is judged when every school is in the panel", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary" });
    await givenClasses(db, { A: ["3"], B: ["3"] }, [2020, 2021]);
    await given(db, "vision", [
      vision(2020, "A", "3", 100, 30),
      vision(2020, "B", "3", 300, 60),
      vision(2021, "A", "3", 100, 29),
      vision(2021, "B", "3", 300, 58),
    ]);
    const rows = await computed(db, "vision.");
    // (29 + 58) / 400 − (30 + 60) / 400 = −3 / 400 = −0.75 points ≤ −0.5: met
    const district = row(rows, "vision.myopia_rate_change", 2021, null);
    expect(district.value).toBeCloseTo(-0.0075, 12);
    expect(district).toMatchObject({ status: "met", schools_owed: 2, schools_reported: 2 });
  });

  it("leaves out a school that switched from summary rows to student records, and lists it", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", R: "primary" });
    await givenClasses(db, { A: ["3"], R: ["3"] }, [2020, 2021]);
    await given(db, "vision", [vision(2020, "A", "3", 100, 30), vision(2021, "A", "3", 100, 29)]);
    await given(db, "vision", [vision(2020, "R", "3", 4, 2)]);
    // R: 2 of 4 myopic by its summary in 2020, 1 of 4 by its records in 2021: −25 points by the change of method
    await given(db, "vision_records", [
      eyes("R", "3", "r1", 4.5, -2),
      eyes("R", "3", "r2", 5.1, 0),
      eyes("R", "3", "r3", 5.1, 0),
      eyes("R", "3", "r4", 5.1, 0),
    ]);
    const rows = await computed(db, "vision.");
    expect(row(rows, "vision.myopia_rate_change", 2021, "R")).toMatchObject({ value: null, status: "no_data" });
    const district = row(rows, "vision.myopia_rate_change", 2021, null);
    expect(district.value).toBeCloseTo(-0.01, 12); // A alone: 29 % − 30 %
    expect(district).toMatchObject({ status: "incomplete", schools_owed: 2, schools_reported: 1 });
    expect(
      await queryRows(db, "select year, school_id, source, previous_source from vision_source_changes order by all"),
    ).toEqual([{ year: 2021, school_id: "R", source: "records", previous_source: "summary" }]);
  });
});

describe("complete units only", () => {
  // these cases have a few pupils: they check the formula, not the small-number rule, which is tested in
  // test/reliability/small-numbers.test.ts (a threshold of 1 publishes every figure)
  const saved = process.env.SMALL_NUMBER_THRESHOLD;
  beforeEach(() => {
    process.env.SMALL_NUMBER_THRESHOLD = "1";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SMALL_NUMBER_THRESHOLD;
    else process.env.SMALL_NUMBER_THRESHOLD = saved;
  });

  it("leaves a grade with a blank fitness count out of numerator and denominator alike", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary" });
    await givenClasses(db, { A: ["1", "2"], B: ["1", "2"] });
    const pe = (school_id: string, grade: string, tested: number | null, passed: number, good: number) => ({
      year: 2021,
      school_id,
      grade,
      pe_lessons_per_week: 4,
      in_school_minutes: 60,
      out_school_minutes: 60,
      fitness_tested: tested,
      fitness_passed: passed,
      fitness_good: good,
    });
    await given(db, "pe", [
      pe("A", "1", 100, 90, 60), // one complete grade: 90 of 100 passed, 60 good
      pe("A", "2", null, 80, 50), // tested left blank
      pe("B", "1", 100, 100, 55),
      pe("B", "2", null, 40, 20),
    ]);
    const rows = await computed(db, "pe.");
    // A: 90 / 100, not (90 + 80) / 100 nor 90 / 200; B: 100 / 100, not 140 %
    // (the pass rate is monitored only: 监测, whatever is missing)
    expect(row(rows, "pe.fitness_pass_rate", 2021, "A")).toMatchObject({
      numerator: 90,
      denominator: 100,
      status: "info",
    });
    expect(row(rows, "pe.fitness_pass_rate", 2021, "B")).toMatchObject({ value: 1, status: "info" });
    // A's good rate is 0.6 on its complete grade: not 未达标 (as 60/200 would say), but 数据不全
    expect(row(rows, "pe.fitness_good_rate", 2021, "A")).toMatchObject({ value: 0.6, status: "incomplete" });
    expect(row(rows, "pe.fitness_good_rate", 2021, null)).toMatchObject({
      numerator: 115,
      denominator: 200,
      status: "incomplete",
      schools_owed: 2,
      schools_reported: 0,
    });
    // the lessons and minutes of those grades are all there
    expect(row(rows, "pe.in_school_minutes", 2021, "A")).toMatchObject({ value: 60, status: "met" });
  });

  it("gives a school that sent student records only no screening coverage", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { R: "primary", S: "primary" });
    await givenClasses(db, { R: ["2"], S: ["2"] });
    await given(db, "vision_records", [eyes("R", "2", "r1", 5.1, 0), eyes("R", "2", "r2", 4.6, -1.5)]);
    await given(db, "vision", [vision(2021, "S", "2", 50, 10)]);
    const rows = await computed(db, "vision.");
    // R's records screened 2 pupils of a grade whose size nobody gave: not 100 %, no value at all
    expect(row(rows, "vision.screening_coverage", 2021, "R")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "vision.screening_coverage", 2021, null)).toMatchObject({
      numerator: 50,
      denominator: 50,
      status: "incomplete",
      schools_owed: 2,
      schools_reported: 1,
    });
    // its myopia rate is there: 1 of 2
    expect(row(rows, "vision.myopia_rate", 2021, "R")).toMatchObject({ numerator: 1, denominator: 2, status: "info" });
  });

  it("leaves pupils with poor acuity and no refraction out of the myopia rate, and counts them", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { R: "primary" });
    await given(db, "vision_records", [
      eyes("R", "4", "a", 4.6, -1.0), // myopic
      eyes("R", "4", "b", 5.0, null), // acuity 5.0 is not below 5.0: judged, not myopic
      eyes("R", "4", "c", 4.8, null), // cannot be judged
      eyes("R", "4", "d", 4.7, null), // cannot be judged
      eyes("R", "4", "e", 5.1, 0),
    ]);
    const rows = await computed(db, "vision.");
    // 1 myopic of the 3 judged, not 1 of 5
    expect(row(rows, "vision.myopia_rate", 2021, "R")).toMatchObject({ numerator: 1, denominator: 3 });
    expect(
      await queryRows(
        db,
        "select screened::INTEGER as screened, judged::INTEGER as judged, indeterminate::INTEGER as indeterminate from vision_by_grade",
      ),
    ).toEqual([{ screened: 5, judged: 3, indeterminate: 2 }]);
  });

  it("leaves a private kindergarten that did not say whether it is inclusive out of the inclusive coverage", async () => {
    const db = await emptyWarehouse();
    await given(db, "schools", [
      { school_id: "K1", name: "K1", stage: "kindergarten", ownership: "public", inclusive: null },
      { school_id: "K2", name: "K2", stage: "kindergarten", ownership: "private", inclusive: true },
      { school_id: "K3", name: "K3", stage: "kindergarten", ownership: "private", inclusive: null },
    ]);
    const amounts = [100, 100, 0, 0, 0, 0, 0];
    await given(db, "facilities", [
      section("K1", "kindergarten", 300, 10, amounts),
      section("K2", "kindergarten", 100, 4, amounts),
      section("K3", "kindergarten", 200, 7, amounts),
    ]);
    const rows = await computed(db, "preschool.");
    // K1 public (inclusive whatever it says) + K2 inclusive: 400 of the 400 whose status is known;
    // K3's 200 are neither counted as inclusive nor as not
    expect(row(rows, "preschool.inclusive_coverage", 2021, null)).toMatchObject({
      numerator: 400,
      denominator: 400,
      status: "incomplete",
      schools_owed: 3,
      schools_reported: 2,
    });
    // the public share needs no such word: 300 of 600, all sent
    expect(row(rows, "preschool.public_share", 2021, null)).toMatchObject({ value: 0.5, status: "met" });
  });
});

describe("what a school owes, grade by grade", () => {
  const pe = (school_id: string, grade: string, out: number | null = 60) => ({
    year: 2021,
    school_id,
    grade,
    pe_lessons_per_week: 4,
    in_school_minutes: 60,
    out_school_minutes: out,
    fitness_tested: 100,
    fitness_passed: 95,
    fitness_good: 60,
  });

  it("makes a school that sent PE for one grade of six incomplete, and the district not 校校达标", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary" });
    // P1 has classes in grades 1-6 and sent PE for grade 1 only
    await givenClasses(db, { P1: ["1", "2", "3", "4", "5", "6"] });
    await given(db, "pe", [pe("P1", "1")]);
    const rows = await computed(db, "pe.");
    // grade 1 alone: 4 lessons (≥ 4 needed in grade 1), 60 minutes — met on what arrived, but 5 grades are owed
    expect(row(rows, "pe.lessons_per_week", 2021, "P1")).toMatchObject({ value: 1, status: "incomplete" });
    // the district: 0 of 1 school met; with P1 at its best it would be 1 of 1: no 校校达标 yet
    expect(row(rows, "pe.lessons_per_week", 2021, null)).toMatchObject({
      value: 0,
      status: "incomplete",
      schools_owed: 1,
      schools_reported: 0,
      schools_missing: 1,
      lower_bound: 0,
      upper_bound: 1,
    });
    const missing = await queryRows(
      db,
      "select school_id, section, grades_missing from reports where dataset = 'pe' and year = 2021",
    );
    expect(missing).toEqual([{ school_id: "P1", section: "primary", grades_missing: ["2", "3", "4", "5", "6"] }]);
  });

  it("owes every grade of a section when the school sent no class sizes", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { N9: "nine_year" });
    // classes of the primary section only: grades 2 and 5 have pupils; the junior section owes 7, 8, 9
    await givenClasses(db, { N9: ["2", "5"] });
    await given(db, "pe", [pe("N9", "2"), pe("N9", "5"), pe("N9", "8")]);
    await computed(db, "pe.");
    const missing = await queryRows(
      db,
      "select section, grades_missing from reports where dataset = 'pe' and school_id = 'N9' order by section",
    );
    expect(missing).toEqual([
      { section: "junior", grades_missing: ["7", "9"] },
      { section: "primary", grades_missing: null },
    ]);
  });

  it("leaves a grade with a blank optional cell out of that target only", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary" });
    await givenClasses(db, { P1: ["1", "2"] });
    await given(db, "pe", [pe("P1", "1", null), pe("P1", "2", 70)]);
    const rows = await computed(db, "pe.");
    // minutes out of school: grade 1 left out, 70 on grade 2 and incomplete; the other targets are whole
    expect(row(rows, "pe.out_school_minutes", 2021, "P1")).toMatchObject({ value: 70, status: "incomplete" });
    expect(row(rows, "pe.in_school_minutes", 2021, "P1")).toMatchObject({ value: 60, status: "met" });
    expect(row(rows, "pe.lessons_per_week", 2021, "P1")).toMatchObject({ value: 1, status: "met" });
  });
});

describe("decided despite missing schools", () => {
  const coverage = (year: number, school_id: string, enrolled: number, screened: number) => ({
    year,
    school_id,
    grade: "3",
    enrolled,
    screened,
    myopic: 0,
  });

  it("keeps a verdict that no missing school could change (缺报 1 校，不影响结论)", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary", M: "primary" });
    await givenClasses(db, { A: ["3"], B: ["3"], M: ["3"] }, [2020, 2021]);
    await given(db, "vision", [
      coverage(2020, "M", 100, 100),
      // 2021: A 190 of 200, B 300 of 300; M (100 pupils at its last report) sent nothing
      coverage(2021, "A", 200, 190),
      coverage(2021, "B", 300, 300),
    ]);
    const rows = await computed(db, "vision.screening_coverage");
    // worst 490 / 600 = 0.8167, best 590 / 600 = 0.9833: both under 1, so not met whatever M sends
    const district = row(rows, "vision.screening_coverage", 2021, null);
    expect(district).toMatchObject({ status: "not_met", schools_missing: 1, numerator: 490, denominator: 500 });
    expect(district.lower_bound).toBeCloseTo(490 / 600, 12);
    expect(district.upper_bound).toBeCloseTo(590 / 600, 12);
  });

  it("leaves a verdict open when the bounds straddle the threshold (结论待定)", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", M: "primary" });
    await givenClasses(db, { A: ["3"], M: ["3"] }, [2020, 2021]);
    const fitness = (year: number, school_id: string, tested: number, good: number) => ({
      year,
      school_id,
      grade: "3",
      pe_lessons_per_week: 4,
      in_school_minutes: 60,
      out_school_minutes: 60,
      fitness_tested: tested,
      fitness_passed: tested,
      fitness_good: good,
    });
    await given(db, "pe", [fitness(2020, "M", 100, 50), fitness(2021, "A", 300, 160)]);
    const rows = await computed(db, "pe.fitness_good_rate");
    // 160 / 300 = 0.533 ≥ 0.5, but with M's 100 pupils none good 160 / 400 = 0.40, all good 260 / 400 = 0.65
    const district = row(rows, "pe.fitness_good_rate", 2021, null);
    expect(district).toMatchObject({ status: "incomplete", schools_missing: 1, lower_bound: 0.4, upper_bound: 0.65 });
  });

  it("decides met when even the worst bound passes", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", M: "primary" });
    await givenClasses(db, { A: ["3"], M: ["3"] }, [2020, 2021]);
    const fitness = (year: number, school_id: string, tested: number, good: number) => ({
      year,
      school_id,
      grade: "3",
      pe_lessons_per_week: 4,
      in_school_minutes: 60,
      out_school_minutes: 60,
      fitness_tested: tested,
      fitness_passed: tested,
      fitness_good: good,
    });
    await given(db, "pe", [fitness(2020, "M", 20, 10), fitness(2021, "A", 300, 180)]);
    const rows = await computed(db, "pe.fitness_good_rate");
    // worst 180 / 320 = 0.5625, best 200 / 320 = 0.625: both ≥ 0.5
    const district = row(rows, "pe.fitness_good_rate", 2021, null);
    expect(district).toMatchObject({ status: "met", schools_missing: 1, lower_bound: 0.5625, upper_bound: 0.625 });
  });

  it("draws no bound for a missing school of unknown size", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", B: "primary", N: "primary" });
    await givenClasses(db, { A: ["3"], B: ["3"], N: ["3"] });
    // N never reported: how many pupils it has is not known, so 490 / 500 proves nothing about 1
    await given(db, "vision", [coverage(2021, "A", 200, 190), coverage(2021, "B", 300, 300)]);
    const rows = await computed(db, "vision.screening_coverage");
    expect(row(rows, "vision.screening_coverage", 2021, null)).toMatchObject({
      status: "incomplete",
      schools_missing: 1,
      lower_bound: null,
      upper_bound: null,
    });
  });

  it("keeps a monitoring target 监测 with schools missing, and shows its coverage", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { A: "primary", M: "primary" });
    await givenClasses(db, { A: ["3"], M: ["3"] });
    await given(db, "vision", [{ ...coverage(2021, "A", 100, 100), myopic: 40 }]);
    const rows = await computed(db, "vision.myopia_rate");
    expect(row(rows, "vision.myopia_rate", 2021, null)).toMatchObject({
      value: 0.4,
      status: "info",
      schools_owed: 2,
      schools_reported: 1,
    });
  });
});
