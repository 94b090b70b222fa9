// The registry's words for readers (explanation_zh, source_zh) stay in step with the registry's numbers,
// the formulas' parameters, the pupil weights and the plan: a changed threshold or a misquoted clause fails here.
import { describe, expect, it } from "vitest";
import { readPlan } from "../../pipelines/lib/plan.ts";
import { readParameters, readSectionWeights } from "../../pipelines/lib/seeds.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";

const targets = readTargets();
const latin = /[A-Za-z]/;

/** The ways a number may be written in the words: 4.5, 2000, 100% (a ratio), 0.5个百分点 (a change). */
function spellings(value: number, unit: string): string[] {
  const plain = String(value);
  const percent = `${+(value * 100).toFixed(6)}%`;
  if (unit === "pp") return [`${+Math.abs(value * 100).toFixed(6)}个百分点`];
  if (unit === "ratio") return [percent];
  return [plain, percent];
}

describe("the registry's explanations and sources", () => {
  it("every target has both, in Chinese (no Latin letter)", () => {
    for (const t of targets) {
      expect(t.explanation_zh.length, t.target_id).toBeGreaterThan(40);
      expect(t.source_zh.length, t.target_id).toBeGreaterThan(5);
      expect(t.explanation_zh, t.target_id).not.toMatch(latin);
      expect(t.source_zh, t.target_id).not.toMatch(latin);
    }
  });

  it("an explanation states its threshold, or that the target has none", () => {
    for (const t of targets) {
      if (t.comparator === "info") expect(t.explanation_zh, t.target_id).toContain("不设目标值");
      else {
        const words = spellings(t.threshold!, t.display_unit);
        expect(
          words.some((w) => t.explanation_zh.includes(w)),
          `${t.target_id}: ${words.join(" / ")}`,
        ).toBe(true);
      }
    }
  });

  it("an explanation states every parameter of its formula (seeds/parameters.csv)", () => {
    for (const p of readParameters().filter((p) => p.target_id)) {
      const t = targets.find((t) => t.target_id === p.target_id)!;
      const words = spellings(p.value, "");
      expect(
        words.some((w) => t.explanation_zh.includes(w)),
        `${p.target_id} ${p.parameter}`,
      ).toBe(true);
    }
  });

  it("an explanation that splits a 全校 row by weights states every weight (seeds/section_weights.csv)", () => {
    const weights = [...new Set(readSectionWeights().map((w) => String(w.weight)))];
    const weighted = targets.filter((t) => t.explanation_zh.includes("乘权重的比例分到各学段"));
    expect(weighted.length).toBeGreaterThan(20);
    for (const t of weighted) for (const w of weights) expect(t.explanation_zh, `${t.target_id} ${w}`).toContain(w);
  });

  it("words quoted from the plan are the clause's own words", () => {
    const clauses = new Map(readPlan().clauses.map((c) => [c.number, c.text]));
    let quotes = 0;
    for (const t of targets) {
      for (const [, n, words] of t.source_zh.matchAll(/工作要点第(\d+)条：“((?:[^“”])+)”/g)) {
        const asWritten = words.replaceAll("‘", "“").replaceAll("’", "”");
        expect(clauses.get(Number(n)), `${t.target_id}: ${words}`).toContain(asWritten);
        quotes++;
      }
    }
    expect(quotes).toBeGreaterThan(30);
  });

  it("keeps to the documents the registry's source names, and adds no 文号 the registry lacks", () => {
    const registrySources = targets.map((t) => t.source).join("\n");
    for (const t of targets) {
      for (const [, title] of t.source.matchAll(/《([^》]+)》/g)) {
        expect(t.source_zh, t.target_id).toContain(title.replace(/\((\d{4}[^)]*)\)/, "（$1）"));
      }
      for (const [, n] of t.source.matchAll(/plan clause (\d+)/g))
        expect(t.source_zh, t.target_id).toContain(`工作要点第${n}条`);
      for (const [number] of t.source_zh.matchAll(/[\u4e00-\u9fff]+〔\d{4}〕\d+号/g)) {
        expect(registrySources, `${t.target_id}: ${number}`).toContain(number);
      }
    }
  });
});
