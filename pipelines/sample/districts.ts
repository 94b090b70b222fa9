// The synthetic district: schools of every stage in realistic proportions, their streets and clusters.
import { sectionsOfStage } from "../lib/codes.ts";
import { makeRng, type Rng } from "./prng.ts";
import { brands, chineseNumber, clusters, streets, suffix } from "./names.ts";

export interface School {
  id: string;
  name: string;
  stage: string;
  ownership: "public" | "private";
  street: string;
  cluster: string;
  inclusive: boolean;
  sections: string[];
  /** Classes per grade in the first year, before year-to-year drift. */
  baseClasses: Record<string, number>;
  /** Resource level relative to the standards (1 = exactly at the threshold). */
  quality: number;
}

/** Shares of an urban district of 176 schools; scaled to any size. */
export const stageWeights: Record<string, number> = {
  kindergarten: 70,
  primary: 55,
  junior: 15,
  nine_year: 12,
  complete_secondary: 8,
  senior: 6,
  twelve_year: 3,
  vocational: 5,
  special: 2,
};

export const sectionGrades: Record<string, string[]> = {
  kindergarten: ["K1", "K2", "K3"],
  primary: ["1", "2", "3", "4", "5", "6"],
  junior: ["7", "8", "9"],
  senior: ["10", "11", "12"],
  vocational: ["10", "11", "12"],
  special: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
};

/** Counts per stage for n schools (largest remainder; every stage present from 20 schools up). */
export function stageCounts(n: number): Record<string, number> {
  const total = Object.values(stageWeights).reduce((a, b) => a + b, 0);
  const stages = Object.keys(stageWeights);
  const exact = stages.map((s) => (stageWeights[s] * n) / total);
  const counts = exact.map((x) => Math.floor(x));
  if (n >= 20) counts.forEach((c, i) => (counts[i] = Math.max(1, c)));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = stages.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (let k = 0; left !== 0; k = (k + 1) % order.length) {
    const i = order[k];
    if (left > 0) (counts[i]++, left--);
    else if (counts[i] > 1) (counts[i]--, left++);
  }
  return Object.fromEntries(stages.map((s, i) => [s, counts[i]]));
}

/** Classes per grade of a section at a school of a stage. */
function classesOf(stage: string, section: string, rng: Rng, isPrivate: boolean): number {
  if (section === "special") return 1;
  if (section === "kindergarten") return isPrivate ? rng.int(1, 3) : rng.int(2, 4);
  if (section === "vocational") return rng.int(5, 12);
  const combined = stage === "nine_year" || stage === "twelve_year";
  if (section === "primary") return combined ? rng.int(2, 4) : rng.int(2, 7);
  if (section === "junior") return combined ? rng.int(2, 5) : stage === "junior" ? rng.int(4, 10) : rng.int(4, 8);
  return stage === "senior" ? rng.int(8, 16) : stage === "twelve_year" ? rng.int(4, 8) : rng.int(6, 12);
}

const idOrder = [
  "primary",
  "nine_year",
  "junior",
  "complete_secondary",
  "senior",
  "twelve_year",
  "vocational",
  "special",
  "kindergarten",
];

export function makeSchools(n: number, seed: number): School[] {
  if (n < 20 || n > 9000) throw new RangeError("schools must be 20..9000");
  const rng = makeRng(seed, "schools");
  const counts = stageCounts(n);
  const used = new Map<string, number>();
  const schools: School[] = [];
  for (const stage of idOrder) {
    for (let k = 0; k < counts[stage]; k++) {
      const street = rng.pick(streets);
      const kg = stage === "kindergarten";
      const privateShare = kg ? 0.5 : stage === "vocational" ? 0.2 : stage === "special" ? 0 : 0.05;
      const ownership = rng.chance(privateShare) ? "private" : "public";
      const stem = street.replace(/(街道|镇)$/, "");
      const tail = kg ? (ownership === "private" ? `${rng.pick(brands)}幼儿园` : "幼儿园") : suffix[stage];
      const nth = (used.get(stem + tail) ?? 0) + 1;
      used.set(stem + tail, nth);
      const name = `示例${stem}${nth === 1 ? "" : `第${chineseNumber(nth)}`}${tail}`;
      const sections = sectionsOfStage[stage];
      const baseClasses: Record<string, number> = {};
      for (const section of sections) {
        const c = classesOf(stage, section, rng, ownership === "private");
        for (const g of sectionGrades[section]) baseClasses[g] = c;
      }
      schools.push({
        id: `500106${String(schools.length + 1).padStart(4, "0")}`,
        name: nth > 99 ? `${name}${schools.length + 1}` : name,
        stage,
        ownership,
        street,
        cluster: kg ? "" : clusters[streets.indexOf(street) % clusters.length],
        inclusive: kg && (ownership === "public" || rng.chance(0.62)),
        sections,
        baseClasses,
        quality: rng.normal(1.14, 0.12),
      });
    }
  }
  // One primary school is oversized (more than 2,000 pupils) until the last year.
  const big = schools.find((s) => s.stage === "primary");
  if (big) for (const g of sectionGrades.primary) big.baseClasses[g] = 8;
  return schools;
}
