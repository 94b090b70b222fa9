// `npm run export -- [--db FILE] [--out DIR] [--schools ID,ID] [--site DIR]`: the report files of the
// contract (indicator_values.csv, indicators.xlsx, district-report.pdf, schools/<id>.pdf) from the warehouse.
import fs from "node:fs";
import path from "node:path";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { defaultExportsDir, warehousePath } from "../lib/paths.ts";
import { openWarehouse, queryRows } from "../lib/warehouse.ts";
import { createStaticServer, listen } from "../lib/serve.ts";
import { readSiteTargets } from "../lib/targets.ts";
import { assertChromium, launchChromium } from "./browser.ts";
import { writeIndicatorCsv } from "./csv.ts";
import { readReportFacts } from "../lib/facts.ts";
import { manifestName, writeManifest } from "./manifest.ts";
import { printAll, type PrintJob } from "./pdf.ts";
import { readExportRows } from "./rows.ts";
import { printableSite, type SiteBuilder } from "./site.ts";
import { writeIndicatorWorkbook } from "./xlsx.ts";

interface School {
  school_id: string;
  name: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const localTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

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
    },
  });
  const started = Date.now();
  const file = warehousePath(values.db);
  const out = path.resolve(values.out ?? defaultExportsDir);
  assertChromium(); // before anything slow
  const targets = readSiteTargets();
  const warehouse = await openWarehouse(file, { readOnly: true });
  let rows, schools;
  try {
    rows = await readExportRows(warehouse.connection, targets);
    schools = await queryRows<School>(warehouse.connection, "select school_id, name from schools order by school_id");
  } finally {
    warehouse.close();
  }
  const chosen = chooseSchools(schools, values.schools);
  const facts = await readReportFacts(file);
  const generatedAt = localTime(new Date());

  fs.mkdirSync(path.join(out, "schools"), { recursive: true });
  // Until this export completes, the folder has no manifest: nothing publishes a half-written export.
  fs.rmSync(path.join(out, manifestName), { force: true });
  clearSchoolPdfs(path.join(out, "schools"));
  writeIndicatorCsv(path.join(out, "indicator_values.csv"), rows);
  await writeIndicatorWorkbook(path.join(out, "indicators.xlsx"), rows);
  console.error(`已写出 indicator_values.csv 与 indicators.xlsx（${rows.length} 行）。`);

  if (!values.site) console.error("正在从同一数据仓库生成网站，用于打印 PDF（约需一两分钟）……");
  const site = await printableSite(file, facts.fingerprint, values.site, buildSite);
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
        urlPath: `/report?generated=${encodeURIComponent(generatedAt)}`,
        file: path.join(out, "district-report.pdf"),
        header: `${facts.planTitle} · 指标监测报告`,
        mark,
      },
      ...chosen.map((s) => ({
        urlPath: `/schools/${encodeURIComponent(s.school_id)}`,
        file: path.join(out, "schools", `${s.school_id}.pdf`),
        header: `${s.name}（${s.school_id}） · ${facts.planTitle}指标监测`,
        mark,
      })),
    ];
    console.error(`正在打印区级报告和 ${chosen.length} 所学校的报告……`);
    await printAll(browser, origin, jobs, { onPrinted: progress(jobs.length) });
  } finally {
    await browser.close();
    server.close();
    site.dispose();
  }

  writeManifest(out, facts, generatedAt, [
    { path: "district-report.pdf", label: "区级报告（PDF）" },
    { path: "indicators.xlsx", label: "指标汇总表（Excel）" },
    { path: "indicator_values.csv", label: "指标数据（CSV，UTF-8）" },
    ...chosen.map((s) => ({ path: `schools/${s.school_id}.pdf`, label: s.name })),
  ]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(`报告已生成：${out}（区级报告 1 份、学校报告 ${chosen.length} 份，用时 ${seconds} 秒）`);
  return 0;
}
