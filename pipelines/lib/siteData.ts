// The warehouse as the site and the print jobs show it, read once per build: the snapshot the pages' markup is
// written from (Framework's configuration, the school pages), the facts of report.json (with the data
// fingerprint) and every data file the pages load (the site.zip loader). The build reads it in its own process
// and hands it to Framework's process and the loader as one file (SITE_DATA); `npm run dev`, which has no
// build around it, reads the warehouse itself with the same function.
import fs from "node:fs";
import v8 from "node:v8";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryReportFacts, type ReportFacts } from "./facts.ts";
import { warehousePath } from "./paths.ts";
import { siteFiles, type SiteFiles } from "./siteFiles.ts";
import { emptySnapshot, querySnapshot, type Snapshot } from "./snapshot.ts";
import { readWarehouse } from "./warehouse.ts";

export interface SiteData {
  snapshot: Snapshot;
  facts: ReportFacts;
  /** The data files the pages load: name in site.zip → contents. */
  files: SiteFiles;
}

/** The environment variable that names the file holding a build's site data. */
export const siteDataVariable = "SITE_DATA";

/** The site data of an open warehouse, or of none (null: a site built before any ingest). */
export async function querySiteData(connection: DuckDBConnection | null): Promise<SiteData> {
  const facts = await queryReportFacts(connection);
  const snapshot = connection ? await querySnapshot(connection) : emptySnapshot;
  return { snapshot, facts, files: await siteFiles(connection, facts, snapshot) };
}

/** Opens the warehouse once, read-only, and reads the site data (that of no warehouse when there is none). */
export async function readSiteData(file: string): Promise<SiteData> {
  return readWarehouse(file, querySiteData, await querySiteData(null));
}

export function writeSiteData(file: string, data: SiteData): void {
  fs.writeFileSync(file, v8.serialize(data), { mode: 0o600 });
}

/** What the pages and the loader show: the build's site data (SITE_DATA), else the warehouse read now. */
export async function siteDataForPages(): Promise<SiteData> {
  const file = process.env[siteDataVariable];
  if (file) return v8.deserialize(fs.readFileSync(file)) as SiteData;
  return readSiteData(warehousePath());
}
