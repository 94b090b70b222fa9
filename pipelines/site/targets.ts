// The target registry as the site shows it: registry columns plus area, chart, display unit and clause.
import { readTargetRows } from "../lib/registry.ts";
import { readPlan } from "./plan.ts";

export interface SiteTarget {
  target_id: string;
  section: string;
  clause: number;
  clause_title: string;
  title_zh: string;
  scope: string;
  applies_to: string[];
  comparator: string;
  threshold: number | null;
  unit: string;
  display_unit: string;
  formula: string;
  source: string;
  area: string;
  chart: string;
  measure: string;
  tally: boolean;
}

export function readSiteTargets(): SiteTarget[] {
  const clauses = new Map(readPlan().clauses.map((c) => [c.number, c]));
  return readTargetRows().map((r) => {
    const base = {
      target_id: r.target_id,
      applies_to: r.applies_to.split("|"),
      scope: r.scope as "school" | "both" | "district",
      unit: r.unit,
      comparator: r.comparator as ">=" | "<=" | "info",
      threshold: r.threshold === "" || r.threshold == null ? null : Number(r.threshold),
    };
    return {
      ...base,
      section: r.section,
      clause: Number(r.clause),
      clause_title: clauses.get(Number(r.clause))?.title ?? "",
      title_zh: r.title_zh,
      display_unit: r.display_unit,
      formula: r.formula,
      source: r.source,
      area: r.area,
      chart: r.chart,
      measure: r.measure,
      tally: r.tally === "yes",
    };
  });
}
