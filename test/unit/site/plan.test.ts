import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { latestPlanFile, readPlan } from "../../../pipelines/lib/plan.ts";

describe("the work plan", () => {
  it("reads the 2021 plan: its title, seven sections and 41 clauses", () => {
    const plan = readPlan();
    expect(plan.title).toContain("2021年教育工作要点");
    expect(plan.sections).toHaveLength(7);
    expect(plan.clauses.map((c) => c.number)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  });

  it("takes next year's plan once it is added beside this one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    for (const f of ["plan-2021.txt", "plan-2022.txt", "plan-notes.txt"]) fs.writeFileSync(path.join(dir, f), "");
    expect(path.basename(latestPlanFile(dir))).toBe("plan-2022.txt");
  });
});
