// The plan's sections and clauses, read from the newest seeds/plan-<year>.txt (2021: seven sections, 41 clauses),
// and why a clause has no checkable target (seeds/clauses-<year>.csv beside it).
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { UserError } from "./errors.ts";
import { seedsDir } from "./paths.ts";

export interface PlanSection {
  numeral: string; // 一 … 七
  title: string;
}

export interface Clause {
  number: number;
  section: string;
  title: string; // the clause's first sentence, e.g. 加强健康管理工作
  text: string;
}

export interface Plan {
  title: string;
  sections: PlanSection[];
  clauses: Clause[];
}

/** The newest plan in seeds/ (plan-<year>.txt): next year's plan is added beside this one. */
export function latestPlanFile(dir = seedsDir): string {
  const plans = fs
    .readdirSync(dir)
    .filter((f) => /^plan-\d{4}\.txt$/.test(f))
    .sort();
  return path.join(dir, plans.at(-1) ?? "plan-2021.txt");
}

export function readPlan(file = latestPlanFile()): Plan {
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const plan: Plan = { title: lines[0].trim(), sections: [], clauses: [] };
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\[bookmark:[^\]]*\]/g, "").trim();
    const section = /^([一二三四五六七八九十]+)、(.+)$/.exec(line);
    if (section) {
      plan.sections.push({ numeral: section[1], title: section[2].trim() });
      continue;
    }
    const clause = /^(\d+)\.(.+)$/.exec(line);
    if (clause && plan.sections.length > 0) {
      const text = clause[2].trim();
      plan.clauses.push({
        number: Number(clause[1]),
        section: plan.sections[plan.sections.length - 1].numeral,
        title: text.split("。")[0],
        text,
      });
    }
  }
  return plan;
}

/** seeds/clauses-<year>.csv beside seeds/plan-<year>.txt: why a clause of that plan has no target. */
export function clauseReasonsFile(planFile = latestPlanFile()): string {
  return path.join(path.dirname(planFile), path.basename(planFile).replace(/^plan-(\d{4})\.txt$/, "clauses-$1.csv"));
}

/** clause number → the short Chinese reason it has no checkable target (columns clause, reason_zh). */
export function readClauseReasons(file = clauseReasonsFile()): Map<number, string> {
  const shown = path.relative(path.dirname(seedsDir), file) || file;
  if (!fs.existsSync(file)) throw new UserError(`条款说明表 ${shown} 不存在。`);
  const rows: Record<string, string>[] = parse(fs.readFileSync(file, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });
  const reasons = new Map<number, string>();
  rows.forEach((row, index) => {
    const fail = (what: string): never => {
      throw new UserError(`条款说明表 ${shown} 第 ${index + 2} 行：${what}`);
    };
    const clause = Number(row.clause);
    if (!Number.isInteger(clause) || clause < 1) fail(`条款号“${row.clause ?? ""}”不是正整数。`);
    if (reasons.has(clause)) fail(`第${clause}条重复。`);
    const reason = (row.reason_zh ?? "").trim();
    if (!reason) fail(`第${clause}条没有写原因。`);
    reasons.set(clause, reason);
  });
  return reasons;
}

/** One clause of the plan as the methods page's table lists it: the targets that serve it, or why none does. */
export interface ClauseCoverage {
  clause: Clause;
  targets: { target_id: string; title_zh: string }[];
  reason: string;
}

/**
 * Every clause of the plan with its targets, or the reason it has none. A clause with neither, or with
 * both (a reason left behind after a target was added), is an error of the seeds.
 */
export function clauseCoverage(
  plan: Plan,
  targets: { target_id: string; title_zh: string; clause: number }[],
  reasons: Map<number, string>,
  reasonsFile = clauseReasonsFile(),
): ClauseCoverage[] {
  const shown = path.relative(path.dirname(seedsDir), reasonsFile) || reasonsFile;
  for (const n of reasons.keys()) {
    if (!plan.clauses.some((c) => c.number === n)) throw new UserError(`条款说明表 ${shown}：工作要点没有第${n}条。`);
  }
  return plan.clauses.map((clause) => {
    const serving = targets
      .filter((t) => t.clause === clause.number)
      .map(({ target_id, title_zh }) => ({ target_id, title_zh }));
    const reason = reasons.get(clause.number) ?? "";
    if (serving.length === 0 && !reason) {
      throw new UserError(`工作要点第${clause.number}条没有指标，也没有在条款说明表 ${shown} 中写明原因。`);
    }
    if (serving.length > 0 && reason) {
      throw new UserError(`工作要点第${clause.number}条已有指标，请删去条款说明表 ${shown} 中该条的原因。`);
    }
    return { clause, targets: serving, reason };
  });
}
