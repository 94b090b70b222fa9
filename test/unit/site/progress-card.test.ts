// The overview card's 进度 line, written at build time: a school-scope target moves in 百分点 of schools a
// year toward every school, never as a percentage growth of its share or toward the per-school threshold.
import { describe, expect, it } from "vitest";
import { emptySnapshot } from "../../../pipelines/lib/snapshot.ts";
import { readTargets } from "../../../pipelines/lib/targets.ts";
import { districtCards as overviewMarkup } from "../../../pipelines/site/overview.ts";

const cardProgress = (html: string, targetId: string) => {
  const card = html.split("<article").find((a) => a.includes(`data-target-id="${targetId}"`)) ?? "";
  return /<dd class="card-progress">([^<]*)<\/dd>/.exec(card)?.[1] ?? null;
};

describe("the overview card's progress", () => {
  it("shows a falling share of schools as 退步 in 个百分点 a year, and a judgement it cannot make as its reason", () => {
    const html = overviewMarkup(
      {
        ...emptySnapshot,
        progress: [
          {
            target_id: "teachers.pe_art_per100.junior",
            category: "regress",
            observed_rate: -0.0129,
            required_rate: 0.0164,
            ratio: -0.787,
            target_year: 2025,
            first_year: 2019,
            latest_year: 2021,
            unit: "teachers",
            share: true,
            direction: 1,
            observed_change: -0.012,
            required_change: 0.016,
          },
          {
            target_id: "pe.military_days",
            category: "one_year",
            observed_rate: null,
            required_rate: null,
            target_year: 2025,
            first_year: null,
            latest_year: 2021,
            unit: "days",
            share: true,
            direction: 1,
            observed_change: null,
            required_change: null,
          },
        ],
      },
      readTargets(),
    );
    expect(cardProgress(html, "teachers.pe_art_per100.junior")).toBe(
      "退步（2019–2021年达标学校占比年均 −1.2个百分点；2025年全部学校达标需年均 +1.6个百分点）",
    );
    expect(cardProgress(html, "pe.military_days")).toBe("仅一年完整数据，暂无法判断进度");
  });
});
