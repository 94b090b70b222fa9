// The static site (dist/) from the warehouse, with no network at all (`npm run build`, chained by pipelines/cli.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { classifyFault, makeFolder, megabytes, sizeOf, tellingFaults, type FaultContext } from "../lib/faults.ts";
import { isCurrentSite, siteInputs, writeInputs } from "../lib/current.ts";
import { warehousePath } from "../lib/paths.ts";
import { readSiteData, writeSiteData, type SiteData } from "../lib/siteData.ts";
import { cacheDir, clearLoaderCache, distDir, lockDir, runFramework } from "./framework.ts";
import { localizeDist } from "./localize.ts";
import { withLock } from "./lock.ts";
import { seedNpmVersionCache } from "./npmCache.ts";
import { writeSchoolPages } from "./schoolPages.ts";
import { readTargets } from "../lib/targets.ts";

export interface BuildOptions {
  /** Runs on the new site before it replaces the previous one (e.g. puts the exports in it), with the site's data. */
  finish?: (dir: string, data: SiteData) => Promise<void>;
  /** The warehouse's site data when the caller has read it already (the export): the build then opens it not at all. */
  data?: SiteData;
  /** How a fault of the machine is told, when the build is part of another command. */
  faults?: FaultContext;
}

/** Folders of a build inside the output folder: the new site while it is built, the previous one while replaced. */
const ownFolder = /^\.(?:building|previous)-(\d+)$/;

/**
 * Builds into a folder inside `out` and replaces the previous site's files with it only at the end: a build
 * that fails (a full disk) leaves the previous site as it was. A previous site made from the same warehouse
 * and the same code is kept as it is ("kept"; `finish` still runs on it).
 */
export async function buildSite(file: string, out = distDir, options: BuildOptions = {}): Promise<"built" | "kept"> {
  process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
  // The build's one read of the warehouse, which every page and the school pages show. A warehouse busy with an
  // ingest, or of another shape, fails here, in one plain line, before anything is written.
  const data = options.data ?? (await readSiteData(file));
  removeStale(out);
  const previous = checkOutput(out);
  const building: FaultContext = {
    doing: "生成网站",
    writes: out,
    needs: previous ? `新网站约需 ${megabytes(sizeOf(out))}，与原来的网站相当` : undefined,
    kept: previous ? `原来的网站 ${out} 保持不变。` : "",
    retry: "npm run build",
    ...options.faults,
  };
  const inputs = siteInputs(file);
  if (previous && isCurrentSite(out, inputs)) {
    await options.finish?.(out, data);
    return "kept";
  }
  const staging = path.join(out, `.building-${process.pid}`);
  await tellingFaults(building, async () => {
    makeFolder(staging);
    // The site data for Framework's process and the loader: pages the site publishes, outside the output folder.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "site-data-"));
    try {
      const dataFile = path.join(dataDir, "site-data.bin");
      writeSiteData(dataFile, data);
      await withLock(lockDir, async () => {
        clearLoaderCache();
        seedNpmVersionCache(cacheDir);
        const { code, output } = await runFramework(["build"], file, staging, { siteData: dataFile });
        // Its English build log is shown only with DEBUG (as it comes, by runFramework); a success is told in
        // one Chinese line by the command line.
        if (code === 0) return;
        // A fault it met is told below (by tellingFaults), once the new site's folder is gone.
        if (classifyFault(output)) throw new Error(output);
        // Otherwise what our loaders and pages said (in Chinese), then why the build stopped.
        const ours = new Set(output.split("\n").filter((line) => /\p{Script=Han}/u.test(line)));
        if (!process.env.DEBUG) for (const line of ours) process.stderr.write(`${line.trim()}\n`);
        throw new UserError(
          `网站构建失败（Observable Framework 退出码 ${code}）。设置环境变量 DEBUG=1 再运行可查看网站生成工具的全部输出。`,
        );
      });
      const missingLang = localizeDist(staging);
      if (missingLang.length) throw new UserError(`页面缺少 lang="zh-CN"：${missingLang[0]}`);
      writeSchoolPages(staging, data.snapshot, readTargets());
      if (fs.existsSync(path.join(staging, "_npm"))) {
        throw new UserError(`${path.join(out, "_npm")} 存在：有页面从 CDN 引入了库，请改为从 node_modules 引入。`);
      }
      await options.finish?.(staging, data);
      writeInputs(staging, inputs);
      replace(out, staging);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return "built";
}

/**
 * Copies the site in `from` (dist, built earlier) to `to` when it was made from this warehouse and this code:
 * an export then prints the very pages a build would make, without building them again. False (and nothing
 * left in `to`) otherwise, or when the copy fails: the caller builds instead, and a build tells a fault.
 * The published exports and a running build's folders are not copied.
 */
export function copyCurrentSite(from: string, file: string, to: string): boolean {
  const inputs = siteInputs(file);
  if (!isCurrentSite(from, inputs)) return false;
  const copied = (src: string) => {
    const top = path.relative(from, src).split(path.sep)[0];
    return top !== "exports" && !ownFolder.test(top);
  };
  try {
    fs.cpSync(from, to, { recursive: true, filter: copied });
    // A build that replaced `from` meanwhile was made from other inputs: a copy that may mix two sites is dropped.
    if (isCurrentSite(from, inputs) && isCurrentSite(to, inputs)) return true;
  } catch {
    // Told by the build that follows, if it meets the same fault.
  }
  fs.rmSync(to, { recursive: true, force: true });
  return false;
}

/** True when the output folder holds an earlier build; refuses any other non-empty folder. */
function checkOutput(out: string): boolean {
  const names = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => !ownFolder.test(f)) : [];
  if (names.length === 0) return false;
  if (!names.includes("_observablehq")) {
    throw new UserError(`输出目录 ${out} 不是空目录，也不是之前生成的网站，请换一个目录。`, 2);
  }
  return true;
}

/**
 * Puts the new site's files in place of the previous one's: renames inside one folder (one disk), which need
 * no space, so a full disk cannot stop it halfway.
 */
function replace(out: string, staging: string): void {
  const old = path.join(out, `.previous-${process.pid}`);
  fs.mkdirSync(old);
  for (const f of fs.readdirSync(out)) if (!ownFolder.test(f)) fs.renameSync(path.join(out, f), path.join(old, f));
  for (const f of fs.readdirSync(staging)) fs.renameSync(path.join(staging, f), path.join(out, f));
  fs.rmSync(old, { recursive: true, force: true });
}

/** Folders that a build killed before its end left in `out` (their pid no longer runs). */
function removeStale(out: string): void {
  for (const name of fs.existsSync(out) ? fs.readdirSync(out) : []) {
    const pid = Number(ownFolder.exec(name)?.[1]);
    if (pid && !running(pid)) fs.rmSync(path.join(out, name), { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The options of `npm run build`: the warehouse and the output folder. */
export function buildOptions(args: string[]): { file: string; out: string } {
  const { values } = parseOptions({ args, options: { db: { type: "string" }, out: { type: "string" } } });
  return { file: warehousePath(values.db), out: values.out ? path.resolve(values.out) : distDir };
}
