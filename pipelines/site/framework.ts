// Running Observable Framework's command line with the warehouse passed down to its loaders.
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "../lib/paths.ts";

export const srcDir = path.join(root, "src");
export const cacheDir = path.join(srcDir, ".observablehq", "cache");
export const distDir = path.join(root, "dist");
export const lockDir = path.join(srcDir, ".observablehq", "build.lock");

/**
 * Runs `observable <args>` in the project root, writing the site to `out`; resolves with its exit code and
 * what it wrote to stderr, which is held back (shown as it comes only with DEBUG) so that a fault of the
 * machine it met (a full disk) can be told in one line of ours instead of its English.
 */
export function runFramework(
  args: string[],
  warehouse: string,
  out = distDir,
): Promise<{ code: number; stderr: string }> {
  const bin = path.join(root, "node_modules", ".bin");
  const env = {
    ...process.env,
    WAREHOUSE: warehouse,
    SITE_OUTPUT: out, // read by observablehq.config.ts
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    // Loaders are run by `tsx`, found on PATH.
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, "observable"), args, {
      cwd: root,
      env,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (process.env.DEBUG) process.stderr.write(chunk);
    });
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stderr }));
  });
}
