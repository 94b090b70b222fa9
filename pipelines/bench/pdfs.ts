// The PDF benchmark at one size: `npm run export -- --site DIR` as a user runs it on a built site (the
// district report and one report per school), the sizes, pages and fonts of what it wrote, and beside it
// the floor (pdfFloor.ts) in the same run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { npmRun } from "./measure.ts";
import { printFloor } from "./pdfFloor.ts";

export interface PdfResult {
  pdfs: number;
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  floor: { pdfs: number; seconds: number };
  school: { medianBytes: number; maxBytes: number; maxPages: number };
  district: { bytes: number; pages: number };
  /** Fonts of the district report and the largest school report as pdffonts lists them, subset tag dropped. */
  fonts: { name: string; type: string; count: number }[];
}

/** School pages the floor prints: enough for a steady rate, few enough to keep the benchmark short. */
const floorPages = 120;

const pagesOf = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout)?.[1] ?? 0);

function fontsOf(files: string[]): PdfResult["fonts"] {
  const seen = new Map<string, PdfResult["fonts"][number]>();
  for (const file of files) {
    const lines = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
    for (const line of lines) {
      const m = /^(\S+)\s+(.+?)\s+\S+\s+(?:yes|no)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+$/.exec(line.trim());
      if (!m) continue;
      const [name, type] = [m[1].replace(/^[A-Z]{6}\+/, ""), m[2]];
      const font = seen.get(`${name}|${type}`) ?? { name, type, count: 0 };
      font.count += 1;
      seen.set(`${name}|${type}`, font);
    }
  }
  return [...seen.values()];
}

export async function benchPdfs(
  db: string,
  site: string,
  work: string,
  env: Record<string, string>,
): Promise<PdfResult> {
  const out = path.join(work, "exports");
  const run = await npmRun("export", ["--db", db, "--site", site, "--out", out], env);
  if (run.code !== 0) throw new Error(`npm run export exited with ${run.code}: ${run.stderr.trim().split("\n").pop()}`);
  const schoolDir = path.join(out, "schools");
  const schools = fs
    .readdirSync(schoolDir)
    .map((f) => ({ file: path.join(schoolDir, f), bytes: fs.statSync(path.join(schoolDir, f)).size }))
    .sort((a, b) => a.bytes - b.bytes);
  const largest = schools[schools.length - 1];
  const district = path.join(out, "district-report.pdf");
  const floor = await printFloor(site, floorPages, path.join(work, "floor"));
  return {
    pdfs: schools.length + 1,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakBytes: run.peakBytes,
    floor,
    school: {
      medianBytes: schools[Math.floor(schools.length / 2)].bytes,
      maxBytes: largest.bytes,
      maxPages: pagesOf(largest.file),
    },
    district: { bytes: fs.statSync(district).size, pages: pagesOf(district) },
    fonts: fontsOf([district, largest.file]),
  };
}
