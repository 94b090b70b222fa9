// What every dataset generator gets: the district, its class sizes and the years.
import type { School } from "./districts.ts";
import type { Roster } from "./roster.ts";

export interface District {
  seed: number;
  years: number[];
  schools: School[];
  roster: Roster;
  /** Schools that send student-level vision records in the last year. */
  recordSchools: School[];
}

export const has = (school: School, section: string) => school.sections.includes(section);
export const schoolLabel = (school: School) => `${school.name}(${school.id})`;
