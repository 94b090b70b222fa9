// `npm run build -- [--db FILE]`: the static site in dist/ from the warehouse, with no network at all.
import fs from "node:fs";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { warehousePath } from "../lib/paths.ts";
import { cacheDir, distDir, runFramework } from "./framework.ts";
import { localizeDist } from "./localize.ts";
import { seedNpmVersionCache } from "./npmCache.ts";

/** Ingests the default input into the warehouse (exit 1, a file rejected whole, still leaves a warehouse). */
export async function ingestDefault(file: string): Promise<void> {
  const ingest = await import("../ingest/command.ts");
  const code = await ingest.main(["--db", file]);
  if (code !== 0 && code !== 1) throw new UserError(`导入失败（退出码 ${code}），未生成网站。`, code);
}

export async function buildSite(file: string): Promise<void> {
  process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
  // Framework reuses a loader's cached output while the loader is unchanged: start from nothing.
  fs.rmSync(cacheDir, { recursive: true, force: true });
  seedNpmVersionCache(cacheDir);
  const code = await runFramework(["build"], file);
  if (code !== 0) throw new UserError(`网站构建失败（Observable Framework 退出码 ${code}）。`);
  const missingLang = localizeDist(distDir);
  if (missingLang.length) throw new UserError(`页面缺少 lang="zh-CN"：${missingLang[0]}`);
  if (fs.existsSync(`${distDir}/_npm`)) {
    throw new UserError("dist/_npm 存在：有页面从 CDN 引入了库，请改为从 node_modules 引入。");
  }
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { db: { type: "string" } } });
  const file = warehousePath(values.db);
  const started = Date.now();
  if (!fs.existsSync(file)) {
    console.error(`数据仓库 ${file} 不存在，先导入默认输入……`);
    await ingestDefault(file);
  }
  await buildSite(file);
  console.error(`网站已生成：dist/（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  return 0;
}
