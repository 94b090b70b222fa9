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

const summary = (
  year: number,
  school_id: string,
  grade: string,
  enrolled: number,
  screened: number,
  myopic: number,
  severe: number | null = null,
) => ({
  year,
  school_id,
  grade,
  enrolled,
  screened,
  myopic,
  low_vision_severe: severe,
});

const eyes = (
  school_id: string,
  grade: string,
  student: string,
  vr: number,
  sr: number | null,
  vl: number,
  sl: number | null,
) => ({
  year: 2021,
  school_id,
  grade,
  student_hash: student,
  screen_date: "2021-09-15",
  va_right: vr,
  se_right: sr,
  va_left: vl,
  se_left: sl,
});

describe("vision family", () => {
  let rows: IndicatorRow[];
  beforeAll(async () => {
    const db = await emptyWarehouse();
    // P1 primary, N9 nine-year (two sections), K1 kindergarten, S0 primary that never reports,
    // V vocational: not among the sections of any vision target but coverage's, so it stays out.
    await givenSchools(db, { P1: "primary", N9: "nine_year", K1: "kindergarten", S0: "primary", V: "vocational" });
    // the grades with pupils; K1 sends no class sizes, so it owes all of K1-K3
    await givenClasses(db, { P1: ["1", "2"], N9: ["7"] }, [2020]);
    await givenClasses(db, { P1: ["1", "2"], N9: ["3", "8", "9"] }, [2021]);
    await given(db, "vision", [
      summary(2020, "P1", "1", 100, 100, 20, 2),
      summary(2020, "N9", "7", 50, 50, 25),
      summary(2021, "P1", "1", 100, 90, 30, 1), // replaced by the records below, enrolled kept
      summary(2021, "P1", "2", 80, 80, 16, 4),
      summary(2021, "N9", "3", 40, 40, 8), // no low-vision bands reported
      summary(2021, "N9", "8", 60, 60, 27, 3),
      summary(2021, "K1", "K2", 30, 27, 0),
      summary(2021, "V", "10", 10, 10, 9),
    ]);
    await given(db, "vision_records", [
      eyes("P1", "1", "a", 4.8, -1.0, 5.0, 0), // myopic right eye; worse eye 4.8: moderate
      eyes("P1", "1", "b", 4.9, -0.5, 4.9, -0.5), // se exactly -0.50 is not myopic; mild
      eyes("P1", "1", "c", 5.0, -2.0, 4.5, -0.75), // myopic left eye only; severe
      eyes("P1", "1", "d", 5.1, null, 5.1, null), // normal
      eyes("N9", "9", "e", 4.0, -3.0, 4.0, -3.0), // records without a summary row; severe
      eyes("N9", "9", "f", 5.0, null, 5.0, null),
    ]);
    rows = await computed(db, "vision.");
  });

  it("takes records in place of the summary row and keeps its enrolled", () => {
    // P1 2021: grade 1 from records (screened 4, myopic 2, severe 1, enrolled 100) + grade 2
    expect(row(rows, "vision.myopia_rate", 2021, "P1")).toMatchObject({
      numerator: 18,
      denominator: 84,
      status: "info",
    });
    expect(row(rows, "vision.myopia_rate", 2021, "P1").value).toBeCloseTo(18 / 84, 12);
    expect(row(rows, "vision.screening_coverage", 2021, "P1")).toMatchObject({ numerator: 84, denominator: 180 });
    expect(row(rows, "vision.low_vision_severe_share", 2021, "P1").value).toBeCloseTo(5 / 84, 12);
  });

  it("sums both sections of a nine-year school; a records-only grade has no enrolled count", () => {
    expect(row(rows, "vision.myopia_rate", 2021, "N9")).toMatchObject({ numerator: 36, denominator: 102 });
    // grade 9 came as records alone, which do not say how many pupils it has: left out of the coverage
    // (100 screened of 100 enrolled in grades 3 and 8), and N9 is incomplete rather than met
    expect(row(rows, "vision.screening_coverage", 2021, "N9")).toMatchObject({
      numerator: 100,
      denominator: 100,
      value: 1,
      threshold: 1,
      status: "incomplete",
    });
    // grade 3 reported no bands, so it stays out of the share: (3 + 1) / (60 + 2)
    expect(row(rows, "vision.low_vision_severe_share", 2021, "N9")).toMatchObject({ numerator: 4, denominator: 62 });
  });

  it("pools the district over the applicable schools only", () => {
    expect(row(rows, "vision.myopia_rate", 2021, null)).toMatchObject({ numerator: 54, denominator: 186 });
    // P1 (84 of 180) + N9 grades 3 and 8 (100 of 100) + K1 (27 of 30); N9's records-only grade 9 left out
    expect(row(rows, "vision.screening_coverage", 2021, null)).toMatchObject({ numerator: 211, denominator: 310 });
    // K1 sent its grade K2 only, of the K1-K3 a kindergarten owes: its 0.9 is on what arrived
    expect(row(rows, "vision.screening_coverage", 2021, "K1")).toMatchObject({ value: 0.9, status: "incomplete" });
    expect(row(rows, "vision.low_vision_severe_share", 2021, null)).toMatchObject({ numerator: 9, denominator: 146 });
    expect(rows.filter((r) => r.school_id === "V")).toEqual([]);
    expect(rows.filter((r) => r.target_id === "vision.myopia_rate" && r.school_id === "K1")).toEqual([]);
  });

  it("marks a school that did not report as no_data", () => {
    for (const target of ["vision.myopia_rate", "vision.myopia_rate_change", "vision.screening_coverage"]) {
      expect(row(rows, target, 2021, "S0")).toMatchObject({ value: null, status: "no_data" });
    }
  });

  it("computes no change across a switch from summary rows to student records", () => {
    // P1 and N9 sent summary rows in 2020 and, for some grades, student records in 2021: their rates
    // of the two years are not the same kind of figure, so neither has a change and the panel is empty
    expect(row(rows, "vision.myopia_rate_change", 2021, "P1")).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "vision.myopia_rate_change", 2021, "N9")).toMatchObject({ value: null, status: "no_data" });
    const district = row(rows, "vision.myopia_rate_change", 2021, null);
    expect(district).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "vision.myopia_rate_change", 2020, null)).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "vision.myopia_rate_change", 2020, "P1").status).toBe("no_data");
  });
});

describe("vision change exactly at its <= threshold", () => {
  it("counts a fall of exactly 0.5 points as met", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary" });
    await givenClasses(db, { P1: ["4"] }, [2020, 2021]);
    await given(db, "vision", [summary(2020, "P1", "4", 1000, 1000, 9), summary(2021, "P1", "4", 1000, 1000, 4)]);
    const rows = await computed(db, "vision.myopia_rate_change");
    // 0.004 - 0.009 is -0.004999999999999999 in binary, just above -0.005: met within the relative tolerance
    expect(row(rows, "vision.myopia_rate_change", 2021, "P1").value).toBeGreaterThan(-0.005);
    expect(row(rows, "vision.myopia_rate_change", 2021, "P1").status).toBe("met");
    expect(row(rows, "vision.myopia_rate_change", 2021, null).status).toBe("met");
  });
});

describe("vision_by_grade after a recompute", () => {
  it("still follows the student records: the recompute's own copy of it is not left behind", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { P1: "primary" });
    await givenClasses(db, { P1: ["1"] }, [2021]);
    await given(db, "vision_records", [
      eyes("P1", "1", "a", 4.8, -1.0, 5.0, 0), // myopic
      eyes("P1", "1", "b", 5.0, 0, 5.0, 0), // not myopic
    ]);
    const grade = async () =>
      (await db.runAndReadAll("select screened, myopic from vision_by_grade where school_id = 'P1'"))
        .getRowObjectsJS()
        .map((r) => ({ screened: Number(r.screened), myopic: Number(r.myopic) }));
    await computed(db, "vision.");
    expect(await grade()).toEqual([{ screened: 2, myopic: 1 }]);
    // two more pupils, both myopic, arrive after the recompute: the view counts them at once
    await given(db, "vision_records", [
      eyes("P1", "1", "c", 4.5, -2.0, 4.5, -2.0),
      eyes("P1", "1", "d", 4.9, -0.75, 5.0, 0),
    ]);
    expect(await grade()).toEqual([{ screened: 4, myopic: 3 }]);
    await computed(db, "vision.");
    expect(await grade()).toEqual([{ screened: 4, myopic: 3 }]);
  });
});
