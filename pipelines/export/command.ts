// `npm run export -- [--db FILE] [--out DIR] [--schools ID,ID] [--site DIR]`: the report files of the
// contract (indicator_values.csv, indicators.xlsx, district-report.pdf, schools/<id>.pdf) from the warehouse.
import fs from "node:fs";
import path from "node:path";
import { localTime } from "../../src/shared/format.js";
import { defaultIssuer } from "../../src/shared/vocabulary.js";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { makeFolder, megabytes, sizeOf, tellingFaults, type FaultContext } from "../lib/faults.ts";
import { defaultExportsDir, warehousePath } from "../lib/paths.ts";
import { openWarehouse, queryRows } from "../lib/warehouse.ts";
import { createStaticServer, listen } from "../lib/serve.ts";
import { querySiteData, type SiteData } from "../lib/siteData.ts";
import { readTargets } from "../lib/targets.ts";
import { assertChineseFont, assertChromium, launchChromium, printFontWarning } from "./browser.ts";
import { writeIndicatorCsv } from "./csv.ts";
import { manifestName, writeManifest } from "./manifest.ts";
import { schoolSheetHead } from "./sheetHead.ts";
import { printAll, type PrintJob } from "./pdf.ts";
import { readExportRows, type ExportRow } from "./rows.ts";
import { printableSite, type SiteBuilder } from "./site.ts";
import { writeIndicatorWorkbook } from "./xlsx.ts";

interface School {
  school_id: string;
  name: string;
}

/** All schools, or those --schools names (comma-separated codes); an unknown code is a usage error. */
export function chooseSchools(all: School[], option?: string): School[] {
  if (option === undefined) return all;
  const byId = new Map(all.map((s) => [s.school_id, s]));
  const ids = option
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.find((id) => !byId.has(id));
  if (unknown !== undefined) throw new UserError(`参数有误：--schools 中的学校代码 ${unknown} 不在学校名录中。`, 2);
  return [...new Set(ids)].map((id) => byId.get(id)!);
}

/** Removes the school PDFs of an earlier export, so the folder holds one export of one warehouse. */
function clearSchoolPdfs(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) if (f.endsWith(".pdf")) fs.rmSync(path.join(dir, f));
}

/**
 * Moves a complete export from `staging` into `out` (renames on one disk need no space), the manifest last:
 * until then the folder has no manifest, so nothing publishes a half-replaced export.
 */
function putInPlace(staging: string, out: string): void {
  fs.mkdirSync(path.join(out, "schools"), { recursive: true });
  fs.rmSync(path.join(out, manifestName), { force: true });
  clearSchoolPdfs(path.join(out, "schools"));
  // reports name schools and their figures: readable by their owner only, as the warehouse is
  const move = (from: string, to: string) => {
    fs.chmodSync(from, 0o600);
    fs.renameSync(from, to);
  };
  for (const dir of [out, path.join(out, "schools")]) fs.chmodSync(dir, 0o700);
  for (const f of fs.readdirSync(path.join(staging, "schools")))
    move(path.join(staging, "schools", f), path.join(out, "schools", f));
  for (const f of fs.readdirSync(staging).filter((f) => f !== "schools" && f !== manifestName))
    move(path.join(staging, f), path.join(out, f));
  move(path.join(staging, manifestName), path.join(out, manifestName));
}

/** Staging folders (.export-<pid>) that an export killed before its end left in `out`. */
function removeStaleStaging(out: string): void {
  for (const name of fs.existsSync(out) ? fs.readdirSync(out) : []) {
    const pid = Number(/^\.export-(\d+)$/.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") fs.rmSync(path.join(out, name), { recursive: true });
    }
  }
}

function progress(total: number) {
  let done = 0;
  const tty = process.stderr.isTTY;
  return () => {
    done += 1;
    if (tty) process.stderr.write(`\r已打印 ${done}/${total} 个 PDF`);
    else if (done % 25 === 0 || done === total) console.error(`已打印 ${done}/${total} 个 PDF`);
    if (tty && done === total) process.stderr.write("\n");
  };
}

/** `buildSite` builds the site the PDFs are printed from (given by the command line, which chains the stages). */
export async function main(args: string[], { buildSite }: { buildSite: SiteBuilder }): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      db: { type: "string" },
      out: { type: "string" },
      schools: { type: "string" },
      site: { type: "string" },
      issuer: { type: "string" },
    },
  });
  const issuer = values.issuer || process.env.REPORT_ISSUER || defaultIssuer;
  const started = Date.now();
  const file = warehousePath(values.db);
  const out = path.resolve(values.out ?? defaultExportsDir);
  assertChromium(); // before anything slow
  assertChineseFont();
  const fontWarning = printFontWarning();
  if (fontWarning) console.error(fontWarning);
  const targets = readTargets();
  // The export's one read of the warehouse: the rows of the spreadsheets, the schools, and the site data the
  // PDFs are printed from (a build for them opens the warehouse no more).
  const warehouse = await openWarehouse(file, { readOnly: true });
  let rows, schools, data;
  try {
    rows = await readExportRows(warehouse.connection, targets);
    schools = await queryRows<School>(warehouse.connection, "select school_id, name from schools order by school_id");
    data = await querySiteData(warehouse.connection);
  } finally {
    warehouse.close();
  }
  const chosen = chooseSchools(schools, values.schools);
  const facts = data.facts;
  const generatedAt = localTime(new Date());

  // Everything is written into a staging folder inside `out` and moved into place at the end: an export
  // that fails (a full disk) leaves the previous reports as they were.
  const previous = sizeOf(path.join(out, manifestName)) > 0;
  const exporting: FaultContext = {
    doing: "导出报告",
    writes: out,
    needs: previous ? `新报告约需 ${megabytes(sizeOf(out))}，与原来的报告相当` : undefined,
    kept: previous ? `${out} 中原来的报告保持不变。` : "",
    retry: "npm run export",
  };
  const staging = path.join(out, `.export-${process.pid}`);
  await tellingFaults(exporting, async () => {
    removeStaleStaging(out);
    makeFolder(path.join(staging, "schools"));
    try {
      await writeExport(staging, {
        file,
        site: values.site,
        rows,
        chosen,
        data,
        generatedAt,
        issuer,
        exporting,
        buildSite,
      });
      putInPlace(staging, out);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(`报告已生成：${out}（区级报告 1 份、学校报告 ${chosen.length} 份，用时 ${seconds} 秒）`);
  return 0;
}

interface ExportJob {
  buildSite: SiteBuilder;
  file: string;
  site: string | undefined;
  rows: ExportRow[];
  chosen: School[];
  data: SiteData;
  generatedAt: string;
  issuer: string;
  exporting: FaultContext;
}

/** Writes every report file into `dir`, the manifest last. */
async function writeExport(dir: string, job: ExportJob): Promise<void> {
  const { file, rows, chosen, data, generatedAt, issuer, buildSite } = job;
  const { facts } = data;
  const year = Math.max(...rows.map((r) => r.year));
  writeIndicatorCsv(path.join(dir, "indicator_values.csv"), rows, { sample: facts.isSample });
  await writeIndicatorWorkbook(path.join(dir, "indicators.xlsx"), rows, undefined, { sample: facts.isSample });
  console.error(`已写出 indicator_values.csv 与 indicators.xlsx（${rows.length} 行）。`);

  const { kept, retry } = job.exporting;
  const site = await printableSite(file, data, job.site, buildSite, {
    doing: "生成用于打印 PDF 的网站",
    kept,
    retry,
  });
  const server = createStaticServer(site.dir);
  const browser = await launchChromium().catch((error) => {
    site.dispose();
    throw error;
  });
  try {
    const origin = await listen(server, 0);
    const mark = facts.isSample ? "示例数据" : "";
    const jobs: PrintJob[] = [
      {
        urlPath: `/report?generated=${encodeURIComponent(generatedAt)}&issuer=${encodeURIComponent(issuer)}`,
        file: path.join(dir, "district-report.pdf"),
        header: `${facts.planTitle} · 指标监测报告`,
        mark,
      },
      ...chosen.map((s) => ({
        urlPath: `/schools/${encodeURIComponent(s.school_id)}`,
        file: path.join(dir, "schools", `${s.school_id}.pdf`),
        header: `${s.name}（${s.school_id}） · ${facts.planTitle}指标监测`,
        mark,
        preface: schoolSheetHead({ school: s, year, issuer, generatedAt, sample: facts.isSample }),
      })),
    ];
    console.error(`正在打印区级报告和 ${chosen.length} 所学校的报告……`);
    await printAll(browser, origin, jobs, { onPrinted: progress(jobs.length) });
  } finally {
    await browser.close();
    server.close();
    site.dispose();
  }

  writeManifest(dir, facts, generatedAt, [
    { path: "district-report.pdf", label: "区级报告（PDF）" },
    { path: "indicators.xlsx", label: "指标汇总表（Excel）" },
    { path: "indicator_values.csv", label: "指标数据（CSV，UTF-8）" },
    ...chosen.map((s) => ({ path: `schools/${s.school_id}.pdf`, label: s.name })),
  ]);
}
