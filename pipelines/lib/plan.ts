// The plan's sections and clauses, read from the newest seeds/plan-<year>.txt (2021: seven sections, 41 clauses).
import fs from "node:fs";
import path from "node:path";
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
