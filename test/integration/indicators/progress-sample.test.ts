// The shipped sample: target_progress of every level target recomputed here, independently of the SQL, from
// the district values by the rule (Statistics Canada's ratio with direction; a school-scope target aims at
// every school; a goal of 0 counts as 0.001; the base is the first year judged with every owed school in).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { readTargetsWithFamilies } from "../../../pipelines/indicators/families.ts";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { sampleDir } from "../../../pipelines/lib/paths.ts";
import { readParameters } from "../../../pipelines/lib/seeds.ts";
import { progressText } from "../../../src/shared/format.js";
import { tempWarehouse, type TempWarehouse } from "../../helpers/ingest.ts";

process.env.STUDENT_ID_SALT = "test-salt-progress";

interface DistrictRow {
  target_id: string;
  year: number;
  value: number;
  status: string;
  schools_owed: number | null;
  schools_reported: number | null;
}

interface Judged {
  target_id: string;
  category: string;
  first_year: number | null;
  latest_year: number;
  target_year: number;
  threshold: number;
  share: boolean;
  unit: string;
  direction: number;
  observed_rate: number | null;
  required_rate: number | null;
  ratio: number | null;
  observed_change: number | null;
  required_change: number | null;
}

let w: TempWarehouse;
let district: DistrictRow[];
let progress: Judged[];
beforeAll(async () => {
  w = await tempWarehouse();
  await runIngest(w.connection, { input: sampleDir, isSample: true });
  await computeIndicators(w.connection);
  district = await w.rows<DistrictRow>(
    `select target_id, year::INTEGER as year, value, status, schools_owed::INTEGER as schools_owed,
       schools_reported::INTEGER as schools_reported
     from indicator_values where school_id is null and value is not null order by target_id, year`,
  );
  progress = await w.rows<Judged>(
    `select * replace (first_year::INTEGER as first_year, latest_year::INTEGER as latest_year,
       target_year::INTEGER as target_year, direction::INTEGER as direction)
     from target_progress order by target_id`,
  );
}, 120_000);
afterAll(() => w.cleanup());

/** The rule, written out once more from its words. */
function judge(): Judged[] {
  const setting = (name: string) => readParameters().find((p) => !p.target_id && p.parameter === name)!.value;
  const out: Judged[] = [];
  for (const t of readTargetsWithFamilies()) {
    if (t.comparator === "info" || t.display_unit === "pp") continue;
    const rows = district.filter((r) => r.target_id === t.target_id);
    if (rows.length === 0) continue;
    const share = t.scope === "school";
    const goal = share ? 1 : t.threshold!;
    const d = share || t.comparator === ">=" ? 1 : -1;
    const targetYear = t.target_year ?? setting("target_year");
    const judgedWhole = (r: DistrictRow) =>
      (r.status === "met" || r.status === "not_met") &&
      (r.schools_owed == null || r.schools_reported! >= r.schools_owed);
    const base = rows.find(judgedWhole);
    const latest = rows[rows.length - 1];
    const span = base ? latest.year - base.year : 0;
    const observed = base && span > 0 && base.value > 0 ? (latest.value / base.value) ** (1 / span) - 1 : null;
    const required =
      base && targetYear > base.year && base.value > 0
        ? ((goal === 0 ? 0.001 : goal) / base.value) ** (1 / (targetYear - base.year)) - 1
        : null;
    const ratio = observed != null && required != null && required !== 0 ? (d * observed) / Math.abs(required) : null;
    let category: string;
    if (latest.status === "met") category = "met";
    else if (latest.status !== "not_met") category = "incomplete";
    else if (!base || base.year >= latest.year) category = "one_year";
    else if (observed == null || required == null) category = "cannot";
    else if (d * observed < 0) category = "regress";
    else if (ratio == null) category = "cannot";
    else if (ratio >= setting("progress_on_track")) category = "on_track";
    else if (ratio >= setting("progress_accelerate")) category = "accelerate";
    else category = "limited";
    out.push({
      target_id: t.target_id,
      category,
      first_year: base?.year ?? null,
      latest_year: latest.year,
      target_year: targetYear,
      threshold: goal,
      share,
      unit: t.display_unit,
      direction: d,
      observed_rate: observed,
      required_rate: required,
      ratio,
      observed_change: base && span > 0 ? (latest.value - base.value) / span : null,
      required_change: base && targetYear > base.year ? (goal - base.value) / (targetYear - base.year) : null,
    });
  }
  return out.sort((a, b) => a.target_id.localeCompare(b.target_id));
}

const close = (a: number | null, b: number | null) => (a == null || b == null ? a === b : Math.abs(a - b) < 1e-9);

describe("progress on the shipped sample", () => {
  it("matches the rule recomputed from the district values, for every level target", () => {
    const expected = judge();
    expect(expected.length).toBeGreaterThan(50);
    expect(progress.map((p) => p.target_id)).toEqual(expected.map((p) => p.target_id));
    const differences = expected.flatMap((e, i) => {
      const p = progress[i];
      const numbers = [
        "observed_rate",
        "required_rate",
        "ratio",
        "observed_change",
        "required_change",
        "threshold",
      ] as const;
      const same =
        p.category === e.category &&
        p.first_year === e.first_year &&
        p.latest_year === e.latest_year &&
        p.target_year === e.target_year &&
        p.share === e.share &&
        p.unit === e.unit &&
        p.direction === e.direction &&
        numbers.every((k) => close(p[k], e[k]));
      return same ? [] : [{ computed: p, rule: e }];
    });
    expect(differences).toEqual([]);
  });

  it("says 退步 for the falls the issue named, and never a percentage growth of a share", () => {
    const of = (id: string) => progress.find((p) => p.target_id === id)!;
    // 每百名学生体育艺术教师(初中): 90.7 % of schools met in 2019, 88.4 % in 2021
    expect(of("teachers.pe_art_per100.junior").category).toBe("regress");
    // 重点项目前期研究: 4 projects (met, goal 3) in 2019, 2 in 2021
    expect(of("construction.prestudies").category).toBe("regress");
    for (const id of ["pe.military_days", "pe.military_hours"]) {
      const text = progressText(of(id));
      expect(text).toContain("个百分点");
      expect(text).not.toContain("%");
    }
  });
});
