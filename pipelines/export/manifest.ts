// exports/manifest.json: what the last export wrote, from which data, when. The 下载报告 page lists it, and
// `npm run build` / `npm start` copy the exports into the site only when its fingerprint matches the warehouse.
import fs from "node:fs";
import path from "node:path";
import { defaultExportsDir } from "../lib/paths.ts";
import type { ReportFacts } from "../lib/facts.ts";

export interface ExportFile {
  path: string; // relative, "/" separators
  label: string;
  bytes: number;
}

export interface Manifest {
  generatedAt: string;
  loadedAt: string | null;
  isSample: boolean;
  fingerprint: string | null;
  files: ExportFile[];
}

export const manifestName = "manifest.json";

export function writeManifest(
  out: string,
  facts: ReportFacts,
  generatedAt: string,
  files: Omit<ExportFile, "bytes">[],
): Manifest {
  const manifest: Manifest = {
    generatedAt,
    loadedAt: facts.loadedAt,
    isSample: facts.isSample,
    fingerprint: facts.fingerprint,
    files: files.map((f) => ({ ...f, bytes: fs.statSync(path.join(out, f.path)).size })),
  };
  fs.writeFileSync(path.join(out, manifestName), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

export function readManifest(dir = defaultExportsDir): Manifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, manifestName), "utf8")) as Manifest;
  } catch {
    return null;
  }
}
