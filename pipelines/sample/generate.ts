// The whole synthetic district as files: generateDistrict for the sample and the benchmark.
import fs from "node:fs";
import path from "node:path";
import { readDictionary } from "../lib/seeds.ts";
import { allTables } from "./tables.ts";
import type { District } from "./context.ts";
import { makeSchools } from "./districts.ts";
import type { Generated } from "./generated.ts";
import { makeLate } from "./lateness.ts";
import { makeRng } from "./prng.ts";
import { readme } from "./readme.ts";
import { makeRoster } from "./roster.ts";
import type { Table } from "./table.ts";
import { writeSampleFile } from "./writeWorkbook.ts";

export interface Options {
  schools?: number;
  seed?: number;
  years?: number[];
  /** Schools that send student-level vision records (default: one in 40, at least 3). */
  recordSchools?: number;
}

export type { Generated };

export function generateDistrict(options: Options = {}): Generated {
  const seed = options.seed ?? 2021;
  const years = options.years ?? [2019, 2020, 2021];
  const schools = makeSchools(options.schools ?? 200, seed);
  const roster = makeRoster(schools, years, seed);
  const wanted = options.recordSchools ?? Math.max(3, Math.round(schools.length / 40));
  const candidates = schools.filter((s) => ["primary", "junior", "nine_year"].includes(s.stage));
  const recordSchools = makeRng(seed, "record-schools").shuffle(candidates).slice(0, wanted);
  const district: District = { seed, years, schools, roster, recordSchools };
  const dictionary = readDictionary();
  const tables: Table[] = allTables(district);
  const late = makeLate(tables, district);
  const files = tables.map((t) => writeSampleFile(t, dictionary.get(t.dataset)!, years));
  return { files, defects: files.flatMap((f) => f.defects), district, late };
}

/** Writes the files, the defect list (defects.json) and README.md into dir (emptied first). */
export function writeDistrict(dir: string, generated: Generated): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of generated.files) {
    fs.mkdirSync(path.join(dir, path.dirname(f.file)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.file), f.bytes);
  }
  fs.writeFileSync(path.join(dir, "defects.json"), JSON.stringify(generated.defects, null, 1) + "\n");
  fs.writeFileSync(path.join(dir, "README.md"), readme(generated));
}
