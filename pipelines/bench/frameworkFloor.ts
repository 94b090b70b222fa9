// The Framework floor of a district's build: Observable Framework building as many trivial pages as the
// built site has (one heading and one line each, no data, no loaders, no imports), in the same run, with
// the same binary and no network. The build's time over it shows what is ours.
import fs from "node:fs";
import path from "node:path";
import { root } from "../lib/paths.ts";
import { seedNpmVersionCache } from "../site/npmCache.ts";
import { run } from "./measure.ts";

export interface FrameworkFloor {
  pages: number;
  seconds: number;
  cpuSeconds: number;
}

/** The HTML pages of a built site. */
export function countPages(dist: string): number {
  return fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .filter((e) => !path.relative(dist, e.parentPath).split(path.sep)[0].startsWith("_")).length;
}

/** Builds `pages` trivial pages (one parameterised page and the home page) in `dir`, and measures it. */
export async function frameworkFloor(dir: string, pages: number): Promise<FrameworkFloor> {
  const src = path.join(dir, "src");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(src, "p"), { recursive: true });
  fs.writeFileSync(path.join(src, "index.md"), "# 首页\n\n一段文字。\n");
  fs.writeFileSync(path.join(src, "p", "[n].md"), "# 第 ${observable.params.n} 页\n\n一段文字。\n");
  const paths = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => `/p/${i + 1}`);
  const config = path.join(dir, "observablehq.config.js");
  fs.writeFileSync(
    config,
    `export default ${JSON.stringify({ root: src, output: path.join(dir, "dist"), title: "下限", dynamicPaths: paths })};\n`,
  );
  seedNpmVersionCache(path.join(src, ".observablehq", "cache"));
  const m = await run(path.join(root, "node_modules", ".bin", "observable"), ["build", "--config", config]);
  if (m.code !== 0) throw new Error(`the Framework floor exited with ${m.code}: ${m.stderr.trim().split("\n").pop()}`);
  const built = countPages(path.join(dir, "dist"));
  fs.rmSync(dir, { recursive: true, force: true });
  return { pages: built, seconds: m.seconds, cpuSeconds: m.cpuSeconds };
}
