// The district benchmark at one size: a synthetic district of N schools (the sample's generator),
// then `npm run ingest`, `npm run indicators` and `npm run build` as a user runs them, the build again on
// the unchanged warehouse, the Framework floor (as many trivial pages built in the same run), the bytes
// the overview, one school page, the school list and the largest area page transfer, and every PDF of
// the built site (`npm run export -- --site`, pdfs.ts).
import fs from "node:fs";
import path from "node:path";
import { generateDistrict, writeDistrict } from "../sample/generate.ts";
import { areas } from "../../src/shared/vocabulary.js";
import { readTargets } from "../lib/targets.ts";
import { npmRun, type Measured } from "./measure.ts";
import { pageBytes, type PageBytes } from "./pageBytes.ts";
import { countPages, frameworkFloor, type FrameworkFloor } from "./frameworkFloor.ts";
import { benchPdfs, type PdfResult } from "./pdfs.ts";

export interface DistrictResult {
  schools: number;
  rows: number;
  ingest: { seconds: number; loaded: number; rejected: number; peakBytes: number };
  indicators: { seconds: number };
  build: { seconds: number; cpuSeconds: number; peakBytes: number; schoolPages: number; pages: number };
  /** `npm run build` again, the warehouse and the code unchanged. */
  rebuild: { seconds: number; kept: boolean };
  frameworkFloor: FrameworkFloor;
  overview: PageBytes;
  school: PageBytes;
  schoolList: PageBytes;
  /** The area page with the most targets, and its title. */
  area: PageBytes & { title: string };
  pdf: PdfResult;
}

/** The area page with the most targets (the largest of its kind). */
function largestArea(): { path: string; title: string } {
  const targets = readTargets();
  const count = (slug: string) => targets.filter((t) => t.area === slug).length;
  const area = areas.reduce((best, a) => (count(a.slug) > count(best.slug) ? a : best));
  return { path: `/${area.slug}`, title: area.title };
}

function ok(m: Measured, what: string): Measured {
  // Exit 1 of ingest means a file was rejected whole, which the sample's defects may cause.
  if (m.code !== 0 && !(what === "ingest" && m.code === 1))
    throw new Error(`npm run ${what} exited with ${m.code}: ${m.stderr.trim().split("\n").pop()}`);
  return m;
}

export async function benchDistrict(work: string, schools: number, seed: number): Promise<DistrictResult> {
  const dir = path.join(work, `district-${schools}`);
  const generated = generateDistrict({ schools, seed });
  writeDistrict(path.join(dir, "input"), generated);
  const db = path.join(dir, "warehouse.duckdb");
  const out = path.join(dir, "dist");
  const env = { STUDENT_ID_SALT_FILE: path.join(work, "student-id.salt") };
  const ingest = ok(await npmRun("ingest", ["--input", path.join(dir, "input"), "--db", db, "--json"], env), "ingest");
  const totals = (JSON.parse(ingest.stdout) as { total: { loaded: number; rejected: number } }).total;
  const indicators = ok(await npmRun("indicators", ["--db", db], env), "indicators");
  const build = ok(await npmRun("build", ["--db", db, "--out", out], env), "build");
  const rebuild = ok(await npmRun("build", ["--db", db, "--out", out], env), "build");
  const pageCount = countPages(out);
  const floor = await frameworkFloor(path.join(dir, "framework-floor"), pageCount);
  const pages = fs
    .readdirSync(path.join(out, "schools"))
    .filter((f) => f.endsWith(".html"))
    .sort();
  const largest = largestArea();
  const [overview, school, schoolList, area] = await pageBytes(out, [
    "/",
    `/schools/${pages[0].replace(/\.html$/, "")}`,
    "/schools",
    largest.path,
  ]);
  const pdf = await benchPdfs(db, out, dir, env);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    schools,
    rows: generated.files.reduce((n, f) => n + f.dataRows, 0),
    ingest: { seconds: ingest.seconds, ...totals, peakBytes: ingest.peakBytes },
    indicators: { seconds: indicators.seconds },
    build: {
      seconds: build.seconds,
      cpuSeconds: build.cpuSeconds,
      peakBytes: build.peakBytes,
      schoolPages: pages.length,
      pages: pageCount,
    },
    rebuild: { seconds: rebuild.seconds, kept: rebuild.stderr.includes("沿用已生成的网站") },
    frameworkFloor: floor,
    overview,
    school,
    schoolList,
    area: { ...area, title: largest.title },
    pdf,
  };
}
