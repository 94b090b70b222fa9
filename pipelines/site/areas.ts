// Which area page shows a target, and which chart suits it: data, read by the loaders and the build-time markup.
import type { Target } from "../lib/registry.ts";

export interface Area {
  slug: string; // page path under src/, e.g. src/vision.md
  title: string;
}

export const areas: Area[] = [
  { slug: "vision", title: "视力健康" },
  { slug: "pe", title: "体育与军训" },
  { slug: "health", title: "卫生与心理" },
  { slug: "balance", title: "办学条件与均衡" },
  { slug: "classes", title: "班额与规模" },
  { slug: "pay", title: "教师待遇" },
  { slug: "preschool", title: "学前教育" },
  { slug: "milestones", title: "重点任务" },
];

/**
 * First matching rule wins. `id:` an exact target, `prefix:` the start of the id,
 * `applies:` a value of applies_to (milestone ledgers).
 */
export const areaRules: [rule: string, area: string][] = [
  ["id:space.oversized_schools", "classes"],
  ["prefix:vision.", "vision"],
  ["prefix:pe.", "pe"],
  ["prefix:health.", "health"],
  ["prefix:space.", "balance"],
  ["prefix:teachers.", "balance"],
  ["prefix:balance.", "balance"],
  ["prefix:class.", "classes"],
  ["prefix:pay.", "pay"],
  ["prefix:preschool.", "preschool"],
  ["applies:milestone", "milestones"],
];

type TargetLike = Pick<Target, "target_id" | "applies_to" | "scope" | "unit" | "comparator"> & {
  threshold: number | null;
};

export function areaOf(target: TargetLike): string {
  for (const [rule, area] of areaRules) {
    const [kind, value] = [rule.slice(0, rule.indexOf(":")), rule.slice(rule.indexOf(":") + 1)];
    if (kind === "id" && target.target_id === value) return area;
    if (kind === "prefix" && target.target_id.startsWith(value)) return area;
    if (kind === "applies" && target.applies_to.includes(value)) return area;
  }
  return "milestones";
}

/** The chart that suits a target on its area page. */
export function chartOf(target: TargetLike): "schools" | "cv" | "milestone" | "trend" {
  if (target.applies_to.includes("milestone")) return "milestone";
  if (target.target_id.startsWith("balance.cv.")) return "cv";
  if (target.scope === "district") return "trend";
  return "schools";
}

/** Unit used to display a value: a change of a ratio reads in percentage points. */
export function displayUnit(target: TargetLike): string {
  if (target.unit === "ratio" && (target.target_id.endsWith("_change") || (target.threshold ?? 0) < 0)) return "pp";
  return target.unit;
}
