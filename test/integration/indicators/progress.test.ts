// Which way a target is heading (Open SDG / Statistics Canada): the observed compound annual growth rate
// over the rate that reaches the goal by the target year, with direction, and the same movement shown in
// the target's own unit. Every rate below worked out by hand.
import type { DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { queryRows } from "../../../pipelines/lib/warehouse.ts";
import { progressText } from "../../../src/shared/format.js";
import type { Progress } from "../../../src/shared/vocabulary.js";
import { emptyWarehouse, given, givenSchools, section } from "../../helpers/given.ts";

interface ProgressRow extends Progress {
  first_year: number | null;
  latest_year: number;
  threshold: number;
  observed_change: number | null;
  required_change: number | null;
}

async function progressOf(db: DuckDBConnection, targetId: string): Promise<ProgressRow> {
  await computeIndicators(db);
  const [row] = await queryRows<ProgressRow>(
    db,
    `select *, target_year::INTEGER as target_year, first_year::INTEGER as first_year,
       latest_year::INTEGER as latest_year, direction::INTEGER as direction
     from target_progress where target_id = $targetId`,
    { targetId },
  );
  return row;
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
  return progressOf(db, "preschool.gross_enrollment");
}

/** One primary school with `n` classes of 60 pupils (each a large class) in grade 3, per year. */
async function largeClasses(counts: Record<number, number>) {
  const db = await emptyWarehouse();
  await givenSchools(db, { P1: "primary" });
  for (const [year, n] of Object.entries(counts)) {
    const rows = Array.from({ length: n }, (_, i) => ({
      year: Number(year),
      school_id: "P1",
      grade: "3",
      class_name: `${i}班`,
      students: 60,
    }));
    await given(db, "class_sizes", rows);
  }
  return progressOf(db, "class.large_classes.compulsory");
}

/** Four senior schools; in each year the first `met` of them train 7 days (83 hours), the others 5 days. */
async function militaryTraining(met: Record<number, number>) {
  const db = await emptyWarehouse();
  await givenSchools(db, { H1: "senior", H2: "senior", H3: "senior", H4: "senior" });
  for (const [year, n] of Object.entries(met)) {
    await given(
      db,
      "military_training",
      ["H1", "H2", "H3", "H4"].map((school_id, i) => ({
        year: Number(year),
        school_id,
        days: i < n ? 7 : 5,
        hours: i < n ? 83 : 60,
      })),
    );
  }
  return progressOf(db, "pe.military_days");
}

/** A ledger count at the end of each year: projects under pre-study (goal ≥ 3) or newly started (goal ≥ 4). */
async function ledger(targetId: string, counts: Record<number, number>) {
  const db = await emptyWarehouse();
  for (const [year, achieved] of Object.entries(counts)) {
    await given(db, "milestones", [{ target_id: targetId, year: Number(year), as_of: `${year}-12-31`, achieved }]);
  }
  return progressOf(db, targetId);
}

describe("the progress judgement of a `>=` target (a district rate)", () => {
  it("needs to speed up: 70% → 74% in two years, 85% asked by 2025", async () => {
    const p = await enrolment({ 2019: 700, 2021: 740 });
    // observed (0.74 / 0.70)^(1/2) − 1 = 2.817 %; required (0.85 / 0.70)^(1/6) − 1 = 3.289 %; ratio 0.857
    expect(p).toMatchObject({ first_year: 2019, latest_year: 2021, target_year: 2025, category: "accelerate" });
    expect(p.observed_rate).toBeCloseTo(0.028174, 5);
    expect(p.required_rate).toBeCloseTo(0.032889, 5);
    expect(p.ratio).toBeCloseTo(0.8566, 3);
    // in its unit: (0.74 − 0.70) / 2 = 2 points a year observed, (0.85 − 0.70) / 6 = 2.5 points needed
    expect(p.observed_change).toBeCloseTo(0.02, 9);
    expect(p.required_change).toBeCloseTo(0.025, 9);
    expect(progressText(p)).toBe("需加快（2019–2021年年均 +2个百分点；2025年达标需年均 +2.5个百分点）");
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
    expect(progressText(down)).toBe("退步（2019–2021年年均 −1个百分点；2025年达标需年均 +2.5个百分点）");
  });

  it("says 已达标 when met, and that one year cannot be judged yet", async () => {
    expect((await enrolment({ 2019: 700, 2021: 900 })).category).toBe("met");
    const one = await enrolment({ 2021: 740 });
    expect(one).toMatchObject({ category: "one_year", observed_rate: null });
    expect(progressText(one)).toBe("仅一年完整数据，暂无法判断进度");
  });
});

describe("a `<=` target whose goal is 0 (taken as 0.001 for the rates)", () => {
  it("20 large classes → 10 in two years: falling, but too slowly", async () => {
    const p = await largeClasses({ 2019: 20, 2021: 10 });
    // observed (10 / 20)^(1/2) − 1 = −29.289 %; required (0.001 / 20)^(1/6) − 1 = 0.191938 − 1 = −80.806 %;
    // ratio −1 × −0.292893 ÷ 0.808062 = 0.3625: limited
    expect(p.observed_rate).toBeCloseTo(-0.292893, 5);
    expect(p.required_rate).toBeCloseTo(-0.808062, 5);
    expect(p.ratio).toBeCloseTo(0.36246, 4);
    expect(p).toMatchObject({ category: "limited", direction: -1, threshold: 0 });
    // in classes a year: (10 − 20) / 2 = −5 observed; toward the real goal 0: (0 − 20) / 6 = −3.33 needed
    expect(progressText(p)).toBe("进展有限（2019–2021年年均 −5 个；2025年达标需年均 −3.3 个）");
  });

  it("10 → 20 large classes is the wrong way: negative ratio, 退步", async () => {
    const p = await largeClasses({ 2019: 10, 2021: 20 });
    // observed 2^(1/2) − 1 = +41.421 %; required (0.001 / 10)^(1/6) − 1 = 10^(−2/3) − 1 = −78.456 %;
    // ratio −1 × 0.414214 ÷ 0.784557 = −0.52796
    expect(p.observed_rate).toBeCloseTo(0.414214, 5);
    expect(p.required_rate).toBeCloseTo(-0.784557, 5);
    expect(p.ratio).toBeCloseTo(-0.52796, 4);
    expect(p.category).toBe("regress");
    expect(progressText(p)).toBe("退步（2019–2021年年均 +5 个；2025年达标需年均 −1.7 个）");
  });
});

describe("a school-scope target: the district value is the share of schools met, its goal 1", () => {
  it("2 of 4 schools training 7 days → 3 of 4: on track toward every school, not toward 7 days", async () => {
    const p = await militaryTraining({ 2019: 2, 2021: 3 });
    // observed (0.75 / 0.5)^(1/2) − 1 = 22.474 %; required (1 / 0.5)^(1/6) − 1 = 12.246 %; ratio 1.8352
    expect(p).toMatchObject({ threshold: 1, share: true, direction: 1, category: "on_track" });
    expect(p.observed_rate).toBeCloseTo(0.224745, 5);
    expect(p.required_rate).toBeCloseTo(0.122462, 5);
    expect(p.ratio).toBeCloseTo(1.83523, 4);
    // (0.75 − 0.5) / 2 = 12.5 points a year; (1 − 0.5) / 6 = 8.33 points needed; never "+43.9 %"
    const text = progressText(p);
    expect(text).toBe("进度正常（2019–2021年达标学校占比年均 +12.5个百分点；2025年全部学校达标需年均 +8.3个百分点）");
    expect(text).not.toContain("%");
  });

  it("3 of 4 → 2 of 4 is 退步, whatever the size of the fall", async () => {
    const p = await militaryTraining({ 2019: 3, 2021: 2 });
    // observed (0.5 / 0.75)^(1/2) − 1 = −18.350 %; required (1 / 0.75)^(1/6) − 1 = 4.9115 %; ratio −3.7362
    expect(p.observed_rate).toBeCloseTo(-0.183503, 5);
    expect(p.required_rate).toBeCloseTo(0.049115, 5);
    expect(p.ratio).toBeCloseTo(-3.7362, 3);
    expect(p.category).toBe("regress");
    expect(progressText(p)).toBe(
      "退步（2019–2021年达标学校占比年均 −12.5个百分点；2025年全部学校达标需年均 +4.2个百分点）",
    );
  });
});

describe("falling from a met base", () => {
  it("4 projects (goal 3, met) → 2: the way back to the goal points down, yet the fall is 退步", async () => {
    const p = await ledger("construction.prestudies", { 2019: 4, 2021: 2 });
    // observed (2 / 4)^(1/2) − 1 = −29.289 %; required (3 / 4)^(1/6) − 1 = −4.6816 %;
    // ratio +1 × −0.292893 ÷ |−0.046816| = −6.2563
    expect(p.observed_rate).toBeCloseTo(-0.292893, 5);
    expect(p.required_rate).toBeCloseTo(-0.046816, 5);
    expect(p.ratio).toBeCloseTo(-6.2563, 3);
    expect(p.category).toBe("regress");
    expect(progressText(p)).toBe("退步（2019–2021年年均 −1 个；2019年曾达标）");
  });

  it("4 new starts (goal 4, met exactly) → 3: no required rate, still 退步", async () => {
    const p = await ledger("construction.new_starts", { 2019: 4, 2021: 3 });
    expect(p.required_rate).toBeCloseTo(0, 12);
    expect(p).toMatchObject({ ratio: null, category: "regress" });
  });
});

describe("the base year", () => {
  it("is the first year with every owed school in: a year one school missed is not the base", async () => {
    const db = await emptyWarehouse();
    await givenSchools(db, { H1: "senior", H2: "senior", H3: "senior", H4: "senior" });
    const training = (year: number, days: Record<string, number>) =>
      given(
        db,
        "military_training",
        Object.entries(days).map(([school_id, d]) => ({ year, school_id, days: d, hours: d === 7 ? 83 : 60 })),
      );
    await training(2019, { H1: 7, H2: 5, H3: 5 }); // H4 sent nothing
    await training(2020, { H1: 7, H2: 7, H3: 5, H4: 5 });
    await training(2021, { H1: 7, H2: 7, H3: 7, H4: 5 });
    const p = await progressOf(db, "pe.military_days");
    // base 2020 (2 of 4): observed 0.75 / 0.5 − 1 = 50 %; required (1 / 0.5)^(1/5) − 1 = 14.870 %; ratio 3.3625
    expect(p).toMatchObject({ first_year: 2020, latest_year: 2021, category: "on_track" });
    expect(p.observed_rate).toBeCloseTo(0.5, 9);
    expect(p.required_rate).toBeCloseTo(0.148698, 5);
    expect(p.ratio).toBeCloseTo(3.36253, 4);
  });
});
