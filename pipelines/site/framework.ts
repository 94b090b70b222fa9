// Running Observable Framework's command line with the warehouse passed down to its loaders.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "../lib/paths.ts";
import { siteDataVariable } from "../lib/siteData.ts";

export const srcDir = path.join(root, "src");
export const cacheDir = path.join(srcDir, ".observablehq", "cache");
export const distDir = path.join(root, "dist");
export const lockDir = path.join(srcDir, ".observablehq", "build.lock");

/**
 * Runs `observable <args>` in the project root, writing the site to `out`, its configuration and loader showing
 * `options.siteData` (the build's one read of the warehouse) or, without it, the warehouse itself; resolves with its exit code and
 * what it wrote (its English build log on stdout, its errors on stderr), held back — shown as it comes only
 * with DEBUG — so that a success is told in one Chinese line and a fault of the machine it met (a full disk)
 * in one line of ours instead of its English.
 */
export function runFramework(
  args: string[],
  warehouse: string,
  out = distDir,
  options: { live?: boolean; siteData?: string } = {},
): Promise<{ code: number; output: string }> {
  const bin = path.join(root, "node_modules", ".bin");
  const env = {
    ...process.env,
    WAREHOUSE: warehouse,
    SITE_OUTPUT: out, // read by observablehq.config.ts
    ...(options.siteData ? { [siteDataVariable]: options.siteData } : {}),
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    // Loaders are run by `tsx`, found on PATH.
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, "observable"), args, {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        output += chunk;
        if (process.env.DEBUG || options.live) process.stderr.write(chunk);
      });
    }
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * Framework reuses a loader's cached output while the loader's code is unchanged, not when the warehouse
 * changed: every cached output goes. What it bundled from node_modules stays (~11 s of a 200-school build):
 * each bundle's folder is named by the package's version, so an upgraded package is bundled afresh.
 */
export function clearLoaderCache(): void {
  const kept = new Set(["_node", "_npm"]);
  for (const name of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : [])
    if (!kept.has(name)) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
}
