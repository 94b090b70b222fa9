// Which area page shows a target.
import { expect, test } from "vitest";
import { areas } from "../../../src/shared/vocabulary.js";
import { readTargets } from "../../../pipelines/lib/targets.ts";

test("every target has an area page, milestones go to 重点任务 except preschool ones", () => {
  const slugs = new Set(areas.map((a) => a.slug));
  const targets = readTargets();
  for (const t of targets) expect(slugs.has(t.area), t.target_id).toBe(true);
  const areaOf = (id: string) => targets.find((t) => t.target_id === id)?.area;
  expect(areaOf("space.oversized_schools")).toBe("classes");
  expect(areaOf("preschool.anji_pilots")).toBe("preschool");
  expect(areaOf("construction.new_starts")).toBe("milestones");
  expect(areaOf("balance.cv.sports_area.junior")).toBe("balance");
  expect(targets.find((t) => t.target_id === "vision.myopia_rate_change")?.display_unit).toBe("pp");
});
