// Which way a target is heading (Open SDG / Statistics Canada): the observed compound annual growth rate
// over the rate that reaches the threshold by the target year. Every rate below worked out by hand.
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { queryRows } from "../../../pipelines/lib/warehouse.ts";
import { emptyWarehouse, given, section } from "./given.ts";

interface Progress {
  target_id: string;
  first_year: number;
  latest_year: number;
  target_year: number;
  observed_rate: number | null;
  required_rate: number | null;
  ratio: number | null;
  category: string;
}

/** One public kindergarten of `students` pupils each year, and 1000 children aged 3–5 in the district. */
async function enrolment(students: Record<number, number>) {
  const db = await emptyWarehouse();
  await given(db, "schools", [{ school_id: "K1", name: "K1", stage: "kindergarten", ownership: "public" }]);
  for (const [year, n] of Object.entries(students)) {
    await given(db, "facilities", [
      { ...section("K1", "kindergarten", n, 20, [1, 1, 1, 1, 1, 1, 1]), year: Number(year) },
    ]);
    await given(db, "district_reference", [{ year: Number(year), children_3_5: 1000 }]);
  }
  await computeIndicators(db);
  const [row] = await queryRows<Progress>(
    db,
    "select * from target_progress where target_id = 'preschool.gross_enrollment'",
  );
  return row;
}

describe("the progress judgement", () => {
  it("needs to speed up: 70% → 74% in two years, 85% asked by 2025", async () => {
    const p = await enrolment({ 2019: 700, 2021: 740 });
    // observed (0.74 / 0.70)^(1/2) − 1 = 2.817 %; required (0.85 / 0.70)^(1/6) − 1 = 3.289 %; ratio 0.857
    expect(p).toMatchObject({ first_year: 2019, latest_year: 2021, target_year: 2025, category: "accelerate" });
    expect(p.observed_rate).toBeCloseTo(0.028174, 5);
    expect(p.required_rate).toBeCloseTo(0.032889, 5);
    expect(p.ratio).toBeCloseTo(0.8566, 3);
  });

  it("is on track from 95 % of the required rate, limited below 60 %, regressing below 0", async () => {
    // 70% → 76%: observed 4.198 % over 3.289 %: ratio 1.28
    expect((await enrolment({ 2019: 700, 2021: 760 })).category).toBe("on_track");
    // 70% → 72%: observed 1.419 %: ratio 0.431
    expect((await enrolment({ 2019: 700, 2021: 720 })).category).toBe("limited");
    // 70% → 68%: observed −1.440 %: ratio −0.438
    const down = await enrolment({ 2019: 700, 2021: 680 });
    expect(down.category).toBe("regress");
    expect(down.ratio).toBeCloseTo(-0.4375, 3);
  });

  it("says 已达标 when met, and that one year cannot be judged yet", async () => {
    expect((await enrolment({ 2019: 700, 2021: 900 })).category).toBe("met");
    expect(await enrolment({ 2021: 740 })).toMatchObject({ category: "one_year", observed_rate: null });
  });

  it("works for a count that must fall to 0: 20 large classes → 10 in two years", async () => {
    const db = await emptyWarehouse();
    await given(db, "schools", [{ school_id: "P1", name: "P1", stage: "primary", ownership: "public" }]);
    const classes = (year: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ year, school_id: "P1", grade: "3", class_name: `${i}班`, students: 60 }));
    await given(db, "class_sizes", [...classes(2019, 20), ...classes(2021, 10)]);
    await computeIndicators(db);
    const [p] = await queryRows<Progress>(
      db,
      "select * from target_progress where target_id = 'class.large_classes.compulsory'",
    );
    // observed (10 / 20)^(1/2) − 1 = −29.29 %; required (0 / 20)^(1/6) − 1 = −100 %; ratio 0.293
    expect(p.observed_rate).toBeCloseTo(-0.29289, 4);
    expect(p.required_rate).toBeCloseTo(-1, 9);
    expect(p).toMatchObject({ category: "limited" });
  });
});
