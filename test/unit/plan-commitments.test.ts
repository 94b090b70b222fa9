// Every checkable commitment of the plan is a target of the registry, and the methods page accounts for
// every clause of the plan: the targets that serve it, or why it has none.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clauseCoverage, readClauseReasons, readPlan } from "../../pipelines/lib/plan.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { methodsMarkup } from "../../pipelines/site/methods.ts";

/** The 21 commitments the plan makes for 2021 beyond the national formulas: clause and the plan's words. */
const commitments: [number, string][] = [
  [9, "中小学班主任工作条例"],
  [10, "学校食堂管理办法"],
  [10, "明厨亮灶"],
  [10, "百名医师进校园"],
  [10, "专题心理讲座"],
  [10, "心理访谈"],
  [12, "艺术水平"],
  [13, "劳动教育实施方案"],
  [14, "家校社共育工作意见"],
  [16, "“十四五”规划"],
  [20, "配套文件"],
  [21, "法治辅导员"],
  [23, "教研网络"],
  [26, "公共基础课程"],
  [29, "一人一案"],
  [33, "临聘人员管理办法"],
  [36, "重点维修项目"],
  [38, "应贷尽贷"],
  [39, "内涵发展三年规划"],
  [40, "安全防范建设三年行动计划"],
  [40, "非正常死亡"],
];

describe("the plan's commitments", () => {
  const targets = readTargets();

  it("each of the 21 has a target of its clause whose title or explanation names it", () => {
    expect(commitments).toHaveLength(21);
    for (const [clause, words] of commitments) {
      const named = targets.filter(
        (t) => t.clause === clause && (t.title_zh.includes(words) || t.explanation_zh.includes(words)),
      );
      expect(named.length, `第${clause}条 ${words}`).toBeGreaterThan(0);
    }
  });

  it("the four 配套文件 of clause 20 are four documents, each to be issued by 31 December", () => {
    const documents = targets.filter((t) => t.clause === 20 && t.unit === "documents");
    expect(documents.map((t) => t.title_zh.replace(/（配套文件）$/, ""))).toEqual([
      "出台中学生综合素质评价实施方案",
      "出台义务教育质量评价方案",
      "出台幼儿园保教质量评估方案",
      "出台普通高中办学质量评价方案",
    ]);
    for (const t of documents) expect(t.explanation_zh).toContain("当年12月31日前出台");
  });
});

describe("the methods page's table of clauses", () => {
  it("lists all 41 clauses, each with its targets or the reason it has none", () => {
    const html = methodsMarkup(readTargets());
    const rows = [...html.matchAll(/<tr data-clause="(\d+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => Number(r[1]))).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    const row = (n: number) => rows.find((r) => r[1] === String(n))![2];
    expect(row(9)).toContain("出台《沙坪坝区中小学班主任工作条例（试行）》");
    expect(row(9)).toContain('href="#method-docs.head_teacher_rules"');
    expect(row(3)).toContain("无可检查的指标：巡察整改");
    for (const r of rows) expect(r[2]).toMatch(/href="#method-|无可检查的指标：/);
  });

  it("stops on a clause with neither a target nor a reason, or a reason left beside a target", () => {
    const plan = readPlan();
    const targets = readTargets();
    const reasons = readClauseReasons();
    const lacking = new Map(reasons);
    lacking.delete(41);
    expect(() => clauseCoverage(plan, targets, lacking)).toThrow(
      /第41条没有指标，也没有在条款说明表 seeds\/clauses-2021\.csv 中写明原因/,
    );
    expect(() => clauseCoverage(plan, targets, new Map([...reasons, [29, "定性要求"]]))).toThrow(
      /第29条已有指标，请删去/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clauses-"));
    const file = path.join(dir, "clauses-2021.csv");
    fs.writeFileSync(file, "clause,reason_zh\n3,巡察材料\n3,重复\n");
    expect(() => readClauseReasons(file)).toThrow(/第 3 行：第3条重复/);
  });
});
