// `npm run dev -- [--db FILE] [--port 3001]`: Framework's preview for an analyst editing a page or a loader.
// It reads the warehouse as the build does and reloads a page when its source changes; no network needed.
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { warehousePath } from "../lib/paths.ts";
import { cacheDir, clearLoaderCache, lockDir, runFramework } from "./framework.ts";
import { withLock } from "./lock.ts";
import { seedNpmVersionCache } from "./npmCache.ts";

export function devOptions(args: string[]): { file: string; port: number } {
  const { values } = parseOptions({ args, options: { db: { type: "string" }, port: { type: "string" } } });
  const port = Number(values.port ?? 3001);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError(`端口应为 1–65535 的整数：${values.port}`, 2);
  return { file: warehousePath(values.db), port };
}

/** Runs the preview until Ctrl+C; the loaders' cached output is cleared first, so pages show this warehouse. */
export async function previewSite(file: string, port: number): Promise<number> {
  // not while a build is using the cache
  await withLock(lockDir, async () => {
    clearLoaderCache();
    seedNpmVersionCache(cacheDir);
  });
  console.error(`预览网站（修改 src/ 中的页面或数据加载程序后自动刷新）：http://127.0.0.1:${port}/ （按 Ctrl+C 停止）`);
  const args = ["preview", "--host", "127.0.0.1", "--port", String(port), "--no-open"];
  const { code } = await runFramework(args, file, undefined, { live: true });
  return code;
}
