// Puts data/exports into a built site (dist/exports) so the 下载报告 page links work under `npm start` and
// nginx alike — only when the exports were made from the data the site shows.
import fs from "node:fs";
import path from "node:path";
import { defaultExportsDir } from "../lib/paths.ts";
import { isSameData } from "../lib/current.ts";
import { readReportFacts, type ReportFacts } from "../lib/facts.ts";
import { manifestName, readManifest } from "./manifest.ts";

/**
 * Where no exports are put into the site, an empty manifest says so: the 下载报告 page then reads that
 * there is nothing to download, with no failing request.
 */
function publishNone(site: string): void {
  const target = path.join(site, "exports");
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, manifestName), JSON.stringify({ files: [] }));
}

/**
 * Returns what it did, as a line for the console (null: there are no exports). `facts`: the warehouse's, when the
 * caller has read them already (a build), else they are read from `warehouse`.
 */
export async function publishExports(
  warehouse: string,
  site: string,
  exportsDir = defaultExportsDir,
  facts?: ReportFacts,
) {
  const manifest = readManifest(exportsDir);
  if (!manifest) {
    publishNone(site);
    return null;
  }
  const { fingerprint } = facts ?? (await readReportFacts(warehouse));
  if (!isSameData(manifest.fingerprint, fingerprint)) {
    publishNone(site);
    return `${exportsDir} 中的报告不是由当前数据生成的，未放入网站；请运行 npm run export 重新生成。`;
  }
  const files = [...manifest.files.map((f) => f.path), manifestName];
  const missing = files.find((f) => !fs.existsSync(path.join(exportsDir, f)));
  if (missing) {
    publishNone(site);
    return `${exportsDir} 中缺少 ${missing}，报告未放入网站；请运行 npm run export 重新生成。`;
  }
  const target = path.join(site, "exports");
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(exportsDir, file), path.join(target, file));
    // the exports are the owner's; their copies in the site are published, as every page is
    fs.chmodSync(path.join(target, file), 0o644);
  }
  // `site` may be the folder a build is writing (moved into place afterwards): the line names no such path
  return `报告文件已放入网站的 exports/ 目录，可在“下载报告”页下载（生成于 ${manifest.generatedAt}）。`;
}
