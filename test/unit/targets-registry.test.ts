import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { familyOf, readTargetsWithFamilies } from "../../pipelines/indicators/families.ts";
import { UserError } from "../../pipelines/lib/errors.ts";

const header =
  "target_id,section,clause,title_zh,scope,applies_to,comparator,threshold,unit,formula,source,datasets,area,chart,display_unit,measure,tally";
const good = "health.psych_checkup,三,10,师生心理体检完成率,both,primary|junior|senior,>=,1,ratio,f,s,health";
/** The columns after datasets, where a row's test is not about them: an area and a chart, the rest blank. */
const display = ",health,schools,,,";

/** A registry file holding the good row and then the given rows (the first given row is line 3). */
function registry(...rows: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "targets-"));
  const file = path.join(dir, "targets.csv");
  const full = (row: string) => (row.split(",").length === 12 ? row + display : row);
  fs.writeFileSync(file, [header, good, ...rows].map((r, i) => (i === 0 ? r : full(r))).join("\n") + "\n");
  return file;
}

function messageOf(file: string): string {
  try {
    readTargetsWithFamilies(file);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error("the registry was accepted");
}

describe("target registry", () => {
  it("reads the shipped registry into typed targets", () => {
    const targets = readTargetsWithFamilies();
    expect(targets.length).toBeGreaterThan(60);
    const change = targets.find((t) => t.target_id === "vision.myopia_rate_change")!;
    expect(change).toMatchObject({ scope: "both", comparator: "<=", threshold: -0.005, clause: 10, family: "vision" });
    expect(change.applies_to).toEqual(["primary", "junior", "senior"]);
    expect(change.datasets).toEqual(["vision", "vision_records"]);
    expect(targets.find((t) => t.target_id === "pe.fitness_pass_rate")!.threshold).toBeNull();
    expect(targets.find((t) => t.target_id === "preschool.anji_pilots")!.family).toBe("milestones");
  });

  it("rejects a bad comparator, naming file, line and value", () => {
    const message = messageOf(registry("health.tb_screening,三,10,结核,both,senior,=>,1,ratio,f,s,health"));
    expect(message).toMatch(/targets\.csv/);
    expect(message).toMatch(/第 3 行/);
    expect(message).toMatch(/比较符“=>”/);
  });

  it("rejects an unknown scope", () => {
    expect(messageOf(registry("health.tb_screening,三,10,结核,city,senior,>=,1,ratio,f,s,health"))).toMatch(
      /范围“city”/,
    );
  });

  it("rejects an unknown section, and milestone mixed with sections", () => {
    expect(messageOf(registry("health.tb_screening,三,10,结核,both,senior|college,>=,1,ratio,f,s,health"))).toMatch(
      /适用学段“senior\|college”/,
    );
    expect(messageOf(registry("party.x,二,5,党建,district,milestone|primary,>=,1,个,f,s,milestones"))).toMatch(
      /适用学段/,
    );
  });

  it("rejects a duplicate id, naming both lines", () => {
    const message = messageOf(registry(good));
    expect(message).toMatch(/第 3 行.*health\.psych_checkup.*重复.*第 2 行/);
  });

  it("rejects a target without SQL: no family file, or not named in it", () => {
    expect(messageOf(registry("safety.drills,三,10,演练,school,primary,>=,1,次,f,s,health"))).toMatch(/safety\.sql/);
    expect(messageOf(registry("health.typo,三,10,笔误,both,primary,>=,1,ratio,f,s,health"))).toMatch(
      /health\.sql 中找不到 'health\.typo'/,
    );
  });

  it("accepts a new milestone target with nothing but its row", () => {
    const targets = readTargetsWithFamilies(
      registry("party.new_points,二,5,新示范点,district,milestone,>=,5,个,f,s,milestones"),
    );
    expect(targets.map((t) => t.family)).toEqual(["health", "milestones"]);
  });

  it("rejects thresholds that do not fit the comparator, and unknown datasets", () => {
    expect(messageOf(registry("health.tb_screening,三,10,结核,both,senior,info,1,ratio,f,s,health"))).toMatch(/info/);
    expect(messageOf(registry("health.tb_screening,三,10,结核,both,senior,>=,百分百,ratio,f,s,health"))).toMatch(
      /目标值“百分百”/,
    );
    expect(messageOf(registry("health.tb_screening,三,10,结核,both,senior,>=,1,ratio,f,s,schools"))).toMatch(
      /数据集“schools”/,
    );
  });

  it("derives the SQL family from the id, or milestones for ledger targets", () => {
    expect(familyOf("balance.cv.teaching_area.primary", ["primary"])).toBe("balance");
    expect(familyOf("preschool.anji_pilots", ["milestone"])).toBe("milestones");
  });
});
