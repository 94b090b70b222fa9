import { describe, expect, it } from "vitest";
import { computed, emptyWarehouse, given, row } from "../../helpers/given.ts";

const entry = (target_id: string, year: number, as_of: string, achieved: number) => ({
  target_id,
  year,
  as_of,
  achieved,
});

describe("milestones family", () => {
  it("takes what was achieved at the latest as_of of each year", async () => {
    const db = await emptyWarehouse();
    await given(db, "milestones", [
      entry("preschool.anji_pilots", 2021, "2021-06-30", 2),
      entry("preschool.anji_pilots", 2021, "2021-09-30", 5),
      entry("preschool.anji_pilots", 2021, "2021-12-31", 3), // the latest counts, not the largest
      entry("party.brand_demo_points", 2021, "2021-03-31", 8),
      entry("law.enforcement_certified", 2020, "2020-12-31", 1),
      entry("vision.myopia_rate", 2021, "2021-12-31", 0.4), // not a ledger target: ignored
    ]);
    const rows = await computed(db, "");
    expect(row(rows, "preschool.anji_pilots", 2021, null)).toMatchObject({ value: 3, threshold: 3, status: "met" });
    expect(row(rows, "party.brand_demo_points", 2021, null)).toMatchObject({ value: 8, status: "not_met" });
    expect(row(rows, "law.enforcement_certified", 2020, null)).toMatchObject({ value: 1, status: "met" });
    // a year with ledger rows but none for the target
    expect(row(rows, "law.enforcement_certified", 2021, null)).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "construction.new_starts", 2020, null).status).toBe("no_data");
    expect(rows.filter((r) => r.target_id.startsWith("vision."))).toEqual([]);
    // 26 ledger targets (8 counts and ratios of clauses 5, 21-23, 36; 11 documents to issue; 6 coverages and
    // the doctors of clauses 10, 21, 23, 36, 38, 40) × 2 years, district rows only
    expect(rows).toHaveLength(52);
  });

  it("counts a document issued by 31 December as 1, one issued after its deadline as 0", async () => {
    const db = await emptyWarehouse();
    const issued = (
      target_id: string,
      as_of: string,
      achieved: number,
      doc_number: string | null,
      issued_on: string | null,
    ) => ({
      ...entry(target_id, 2021, as_of, achieved),
      doc_number,
      issued_on,
    });
    await given(db, "milestones", [
      issued("docs.head_teacher_rules", "2021-06-30", 0, null, null),
      issued("docs.head_teacher_rules", "2021-12-31", 1, "沙教发〔2021〕88号", "2021-11-20"),
      issued("docs.canteen_rules", "2022-01-31", 1, "沙教发〔2022〕3号", "2022-01-15"), // after its deadline
      issued("docs.labour_education_plan", "2021-12-31", 0, null, null), // not issued
      issued("docs.five_year_plan", "2021-12-31", 1, "沙教发〔2021〕99号", null), // said issued, no date
      issued("docs.temporary_staff_rules", "2021-12-31", 1, null, "2021-12-31"), // on the last day
      entry("law.legal_counsellor_coverage", 2021, "2021-12-31", 0.9),
      entry("campus.doctors_in_schools", 2021, "2021-12-31", 120),
    ]);
    const rows = await computed(db, "");
    expect(row(rows, "docs.head_teacher_rules", 2021, null)).toMatchObject({ value: 1, threshold: 1, status: "met" });
    expect(row(rows, "docs.canteen_rules", 2021, null)).toMatchObject({ value: 0, status: "not_met" });
    expect(row(rows, "docs.labour_education_plan", 2021, null)).toMatchObject({ value: 0, status: "not_met" });
    expect(row(rows, "docs.five_year_plan", 2021, null)).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "docs.temporary_staff_rules", 2021, null)).toMatchObject({ value: 1, status: "met" });
    expect(row(rows, "docs.home_school_opinion", 2021, null)).toMatchObject({ value: null, status: "no_data" });
    expect(row(rows, "law.legal_counsellor_coverage", 2021, null)).toMatchObject({ value: 0.9, status: "not_met" });
    expect(row(rows, "campus.doctors_in_schools", 2021, null)).toMatchObject({
      value: 120,
      threshold: 100,
      status: "met",
    });
  });
});
