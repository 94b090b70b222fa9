// The site the PDFs are printed from: one made for the same warehouse in a temp folder (the command line's
// SiteBuilder copies dist there when dist was built from this warehouse and code, else builds it), or a site
// built earlier (--site DIR) whose data fingerprint (built into _file/data/report.*.json) matches the warehouse.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { builtFingerprint, isSameData } from "../lib/current.ts";
import { UserError } from "../lib/errors.ts";
import type { FaultContext } from "../lib/faults.ts";
import type { SiteData } from "../lib/siteData.ts";

/** Throws unless the site at `dir` shows the data with `fingerprint`. */
export function assertSameData(dir: string, fingerprint: string | null, what: string): void {
  const built = builtFingerprint(dir);
  if (!built) throw new UserError(`${what} ${dir} 不是本程序生成的网站（缺少区级报告页），请先运行 npm run build。`, 2);
  if (!isSameData(built, fingerprint)) {
    throw new UserError(`${what} ${dir} 不是由当前数据仓库生成的（数据已变化），请重新运行 npm run build。`, 2);
  }
}

/**
 * Builds the site of a warehouse into a folder (the site stage's buildSite, handed down by the command line), from
 * the site data the export read.
 */
export type SiteBuilder = (
  warehouse: string,
  out: string,
  options: { faults?: FaultContext; data: SiteData },
) => Promise<unknown>;

export interface PrintableSite {
  dir: string;
  dispose(): void;
}

/**
 * --site DIR after the check, else a fresh build into a temp folder that dispose() removes; `faults` says how
 * that build tells a fault of the machine.
 */
export async function printableSite(
  warehouse: string,
  data: SiteData,
  site: string | undefined,
  buildSite: SiteBuilder,
  faults?: FaultContext,
): Promise<PrintableSite> {
  const { fingerprint } = data.facts;
  if (site) {
    const dir = path.resolve(site);
    assertSameData(dir, fingerprint, "网站目录");
    return { dir, dispose() {} };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-site-"));
  const dir = path.join(tmp, "dist");
  const dispose = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await buildSite(warehouse, dir, { faults, data });
    // Another process may have changed the warehouse while the site was built.
    assertSameData(dir, fingerprint, "刚生成的网站");
  } catch (error) {
    dispose();
    throw error;
  }
  return { dir, dispose };
}
