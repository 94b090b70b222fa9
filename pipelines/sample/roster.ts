// Class sizes of every school, grade and year: the one source of enrolment for all datasets.
import { sectionsOfGrade } from "../lib/codes.ts";
import { sectionGrades, type School } from "./districts.ts";
import { clamp, makeRng } from "./prng.ts";

export interface Roster {
  /** `${year}|${schoolId}|${grade}` → students of each class. */
  classes: Map<string, number[]>;
}

const classSize: Record<string, [number, number, number, number]> = {
  // mean, sd, min, max
  kindergarten: [28, 3, 20, 35],
  primary: [43, 3, 38, 50],
  junior: [46, 3, 38, 50],
  senior: [47, 2.5, 38, 50],
  vocational: [40, 4, 30, 50],
  special: [10, 2, 6, 14],
};

/** Chance that a class has 56 or more students, by the year's position: large classes are being removed. */
const largeChance = [0.005, 0.002, 0.0007];

export function gradesOf(school: School): string[] {
  return school.sections.flatMap((s) => sectionGrades[s]);
}

export function sectionOf(school: School, grade: string): string {
  return school.sections.find((s) => sectionsOfGrade(grade).includes(s) && sectionGrades[s].includes(grade))!;
}

export function makeRoster(schools: School[], years: number[], seed: number): Roster {
  const rng = makeRng(seed, "roster");
  const classes = new Map<string, number[]>();
  for (const school of schools) {
    for (const grade of gradesOf(school)) {
      let count = school.baseClasses[grade];
      years.forEach((year, i) => {
        if (i > 0 && rng.chance(0.15)) count = Math.max(1, count + rng.pick([-1, 1]));
        // the oversized primary school opens a new campus in the last year
        if (count === 8 && i === years.length - 1 && school.stage === "primary") count = 7;
        const section = sectionOf(school, grade);
        const [mu, sd, lo, hi] = classSize[section];
        const sizes: number[] = [];
        for (let c = 0; c < count; c++) {
          const large = ["primary", "junior", "senior"].includes(section);
          const p = largeChance[Math.min(i, largeChance.length - 1)];
          sizes.push(large && rng.chance(p) ? rng.int(56, 63) : Math.round(clamp(rng.normal(mu, sd), lo, hi)));
        }
        classes.set(`${year}|${school.id}|${grade}`, sizes);
      });
    }
  }
  return { classes };
}

export function students(roster: Roster, year: number, school: School, grade: string): number {
  return (roster.classes.get(`${year}|${school.id}|${grade}`) ?? []).reduce((a, b) => a + b, 0);
}

export function sectionStudents(roster: Roster, year: number, school: School, section: string): number {
  return sectionGrades[section].reduce((sum, g) => sum + students(roster, year, school, g), 0);
}

export function sectionClasses(roster: Roster, year: number, school: School, section: string): number {
  return sectionGrades[section].reduce((n, g) => n + (roster.classes.get(`${year}|${school.id}|${g}`)?.length ?? 0), 0);
}
