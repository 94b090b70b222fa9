// The static site (dist/) from the warehouse, with no network at all (`npm run build`, chained by pipelines/cli.ts).
import fs from "node:fs";
import path from "node:path";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { warehousePath } from "../lib/paths.ts";
import { openWarehouse } from "../lib/warehouse.ts";
import { cacheDir, distDir, lockDir, runFramework } from "./framework.ts";
import { localizeDist } from "./localize.ts";
import { withLock } from "./lock.ts";
import { seedNpmVersionCache } from "./npmCache.ts";

export async function buildSite(file: string, out = distDir): Promise<void> {
  process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
  // A warehouse busy with an ingest fails here, in one plain line, before the previous site is removed.
  if (fs.existsSync(file)) (await openWarehouse(file, { readOnly: true })).close();
  clearOutput(out);
  await withLock(lockDir, async () => {
    // Framework reuses a loader's cached output while the loader is unchanged: start from nothing.
    fs.rmSync(cacheDir, { recursive: true, force: true });
    seedNpmVersionCache(cacheDir);
    const code = await runFramework(["build"], file, out);
    if (code !== 0) throw new UserError(`网站构建失败（Observable Framework 退出码 ${code}）。`);
  });
  const missingLang = localizeDist(out);
  if (missingLang.length) throw new UserError(`页面缺少 lang="zh-CN"：${missingLang[0]}`);
  if (fs.existsSync(path.join(out, "_npm"))) {
    throw new UserError(`${path.join(out, "_npm")} 存在：有页面从 CDN 引入了库，请改为从 node_modules 引入。`);
  }
}

/** Empties the output folder when it holds an earlier build; refuses any other non-empty folder. */
function clearOutput(out: string): void {
  if (!fs.existsSync(out) || fs.readdirSync(out).length === 0) return;
  if (!fs.existsSync(path.join(out, "_observablehq"))) {
    throw new UserError(`输出目录 ${out} 不是空目录，也不是之前生成的网站，请换一个目录。`, 2);
  }
  fs.rmSync(out, { recursive: true, force: true });
}

/** The options of `npm run build`: the warehouse and the output folder. */
export function buildOptions(args: string[]): { file: string; out: string } {
  const { values } = parseOptions({ args, options: { db: { type: "string" }, out: { type: "string" } } });
  return { file: warehousePath(values.db), out: values.out ? path.resolve(values.out) : distDir };
}
