// End to end: `npm run export` on the shipped sample plus a school named `=1+1`. The site is built once
// (`npm run build`) and reused with --site (the export checks it shows the same data); the files are opened
// as a user would: PDF text and pages (poppler), the workbook (exceljs), the CSV (csv-parse), and the site's
// download buttons in Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { publishExports } from "../../pipelines/export/publish.ts";
import { root, sampleDir } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { areas } from "../../src/shared/vocabulary.js";
import { createStaticServer, listen } from "../../pipelines/lib/serve.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { isFileName, latinWords } from "../helpers/latinWords.ts";
import { formulaSchool, sampleSite } from "../helpers/sampleSite.ts";
import { pageFill, pdfFonts } from "../helpers/pdf.ts";
import { neutralise } from "../../src/shared/cells.js";
import { sheetValue } from "../../src/shared/spreadsheet.js";
import { statusWords } from "../../src/shared/vocabulary.js";
import type { IndicatorRow } from "../../pipelines/lib/snapshot.ts";

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const units = new Map(readTargets().map((t) => [t.target_id, t.display_unit]));
const scopes = new Map(readTargets().map((t) => [t.target_id, t.scope]));
const formulaName = formulaSchool.name;
const formulaId = formulaSchool.id;

/** The columns of indicator_values this file reads. */
type Row = Omit<IndicatorRow, "numerator" | "denominator">;

let tmp: string;
let db: string;
let site: string;
let out: string;
let rows: Row[];
let names: Map<string, string>;
let busiest: string;
let server: http.Server;
let origin: string;
let browser: Browser;

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(tsx, ["pipelines/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env },
  });
}

function mustRun(args: string[]): void {
  const result = cli(args);
  if (result.status !== 0 && !(args[0] === "ingest" && result.status === 1)) {
    throw new Error(`${args.join(" ")} → ${result.status}\n${result.stderr.slice(-3000)}`);
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, "");
const pdfText = (file: string) =>
  spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout)?.[1]);
const key = (targetId: string, year: number | string, schoolId: string | null) =>
  `${targetId}|${year}|${schoolId ?? ""}`;

/** The latest row of each target for one school (null: the district). */
function latestOf(schoolId: string | null): Row[] {
  const latest = new Map<string, Row>();
  for (const r of rows) {
    if (r.school_id !== schoolId) continue;
    if (!latest.has(r.target_id) || latest.get(r.target_id)!.year < r.year) latest.set(r.target_id, r);
  }
  return [...latest.values()];
}

describe("npm run export", () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-e2e-"));
    const shared = await sampleSite();
    // A copy of the shared site: the exports are published into it.
    db = shared.db;
    site = path.join(tmp, "dist");
    fs.cpSync(shared.dist, site, { recursive: true });
    out = path.join(tmp, "exports");
    const warehouse = await openWarehouse(db, { readOnly: true });
    rows = await queryRows<Row>(
      warehouse.connection,
      "select target_id, year::integer as year, school_id, value, threshold, status from indicator_values",
    );
    const schools = await queryRows<{ school_id: string; name: string }>(
      warehouse.connection,
      "select school_id, name from schools",
    );
    warehouse.close();
    names = new Map(schools.map((s) => [s.school_id, s.name]));
    const counts = new Map<string, number>();
    for (const r of rows) if (r.school_id) counts.set(r.school_id, (counts.get(r.school_id) ?? 0) + 1);
    busiest = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    mustRun(["export", "--db", db, "--out", out, "--site", site, "--schools", `${busiest},${formulaId}`]);
    // the line names no folder: under npm start the site is still being built in a folder moved afterwards
    expect(await publishExports(db, site, out)).toMatch(/^报告文件已放入网站的 exports\/ 目录，可在“下载报告”页下载/);
    server = createStaticServer(site);
    origin = await listen(server, 0);
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("writes the contract's files, school PDFs only for --schools, and a manifest of them", () => {
    const files = fs.readdirSync(out, { recursive: true }).map(String).sort();
    expect(files).toEqual(
      [
        "district-report.pdf",
        "indicator_values.csv",
        "indicators.xlsx",
        "manifest.json",
        "schools",
        `schools/${busiest}.pdf`,
        `schools/${formulaId}.pdf`,
      ].sort(),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(manifest.isSample).toBe(true);
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(`schools/${formulaId}.pdf`);
    for (const f of manifest.files) expect(f.bytes, f.path).toBe(fs.statSync(path.join(out, f.path)).size);
    expect(fs.existsSync(path.join(site, "_npm"))).toBe(false);
  });

  test("the district report: cover says 示例数据, every target title and area, A4 pages, fonts embedded", () => {
    const file = path.join(out, "district-report.pdf");
    const text = squeeze(pdfText(file));
    expect(text).toContain("沙坪坝区2021年教育工作要点");
    expect(text).toContain("示例数据");
    expect(text).toMatch(/数据截至\d{4}-\d\d-\d\d\d\d:\d\d/);
    for (const t of readTargets()) expect(text, t.target_id).toContain(squeeze(t.title_zh));
    for (const a of areas) expect(text, a.slug).toContain(a.title);
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThan(areas.length + 2);
    expect(pages).toBeLessThan(400);
    expect(text).toContain(`第1页/共${pages}页`);
    const info = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe("yes"); // emb
  });

  test("the district report ends with the appendix 指标说明: every target's explanation and sources", () => {
    const text = squeeze(pdfText(path.join(out, "district-report.pdf")));
    const appendix = text.slice(text.lastIndexOf("附录：指标说明"));
    expect(appendix.length).toBeGreaterThan(1000);
    for (const t of readTargets()) {
      expect(appendix, t.target_id).toContain(squeeze(t.explanation_zh));
      expect(appendix, t.target_id).toContain(squeeze(t.source_zh));
    }
  });

  test("indicators.xlsx explains every target on the sheet 指标说明", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "indicators.xlsx"));
    const sheet = workbook.getWorksheet("指标说明")!;
    const targets = readTargets();
    expect(sheet.rowCount).toBe(targets.length + 1);
    targets.forEach((t, i) => {
      const [id, title, , , explanation, , , source] = (sheet.getRow(i + 2).values as unknown[]).slice(1);
      expect([id, title, explanation, source]).toEqual([t.target_id, t.title_zh, t.explanation_zh, t.source_zh]);
    });
  });

  test("a school's PDF names the school and the titles of its targets", () => {
    const titles = new Map(readTargets().map((t) => [t.target_id, t.title_zh]));
    for (const id of [busiest, formulaId]) {
      const file = path.join(out, "schools", `${id}.pdf`);
      const text = squeeze(pdfText(file));
      expect(text).toContain(squeeze(names.get(id)!));
      expect(text).toContain("示例数据");
      const applicable = latestOf(id);
      expect(applicable.length).toBeGreaterThan(0);
      for (const r of applicable) expect(text, r.target_id).toContain(squeeze(titles.get(r.target_id)!));
      const pages = pdfPages(file);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThan(30);
    }
  });

  test("a school's PDF is a sheet a bureau files: 一校一档, school, year, issuing body and date, no web link", () => {
    const text = squeeze(pdfText(path.join(out, "schools", `${busiest}.pdf`)));
    const year = Math.max(...rows.map((r) => r.year));
    for (const words of [
      "一校一档",
      `${names.get(busiest)}（${busiest}）`,
      `${year}年`,
      "出具单位",
      "沙坪坝区教育委员会",
      "生成日期",
    ])
      expect(text, words).toContain(squeeze(words));
    expect(text).toMatch(/生成日期\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain("返回");
    // the district report names its issuing body on the cover
    expect(squeeze(pdfText(path.join(out, "district-report.pdf")))).toContain("出具单位沙坪坝区教育委员会");
  });

  test("the PDFs are small and searchable: every font an embedded subset CID font (no Type 3), within the limits", () => {
    const district = path.join(out, "district-report.pdf");
    const schools = [busiest, formulaId].map((id) => path.join(out, "schools", `${id}.pdf`));
    for (const file of [district, ...schools]) {
      const fonts = pdfFonts(file);
      expect(fonts.length, file).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.type, `${file} ${font.name}`).toMatch(/^CID /);
        expect(font.embedded && font.subset, `${file} ${font.name}`).toBe(true);
      }
    }
    expect(fs.statSync(district).size).toBeLessThanOrEqual(2_000_000);
    for (const file of schools) expect(fs.statSync(file).size, file).toBeLessThanOrEqual(200_000);
  });

  test("the district report's summary links to every target's block inside the PDF; no link leads to the print server", () => {
    const file = path.join(out, "district-report.pdf");
    const dests = spawnSync("pdfinfo", ["-dests", file], { encoding: "utf8" }).stdout;
    for (const t of readTargets()) expect(dests, t.target_id).toContain(`"target-${t.target_id}"`);
    for (const pdf of [file, path.join(out, "schools", `${busiest}.pdf`)])
      expect(fs.readFileSync(pdf).includes("/URI"), pdf).toBe(false);
  });

  test("a school's report on paper: cards span the sheet, and no page but the last is mostly empty", async () => {
    const marginPt = (16 / 25.4) * 72; // the PDFs' top and bottom margins hold the running head and page number
    const fill = pageFill(path.join(out, "schools", `${busiest}.pdf`), marginPt);
    expect(fill.length).toBeGreaterThan(1);
    for (const [i, reached] of fill.slice(0, -1).entries()) expect(reached, `page ${i + 1}`).toBeGreaterThan(0.75);
    const page = await browser.newPage({ viewport: { width: 703, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    await page.goto(`${origin}/schools/${busiest}`);
    const shares = await page.evaluate(() => {
      const main = document.querySelector("#observablehq-main")!.getBoundingClientRect().width;
      return [...document.querySelectorAll(".target-card")].map((card) => card.getBoundingClientRect().width / main);
    });
    await page.close();
    expect(shares.length).toBe(latestOf(busiest).length);
    for (const share of shares) expect(share).toBeGreaterThan(0.95);
  });

  test("indicator_values.csv parses with the contract's headers and the warehouse's numbers", () => {
    const bytes = fs.readFileSync(path.join(out, "indicator_values.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual([
      "指标编号",
      "指标名称",
      "年度",
      "学校代码",
      "学校名称",
      "值",
      "目标值",
      "状态",
      // the sample's rows say they are synthetic, after the contract's columns
      "数据说明",
    ]);
    expect(new Set(records.map((r) => r["数据说明"]))).toEqual(new Set(["示例数据（合成，非真实数据）"]));
    expect(records.length).toBe(rows.length);
    const byKey = new Map(records.map((r) => [key(r["指标编号"], r["年度"], r["学校代码"] || null), r]));
    for (const r of rows) {
      const record = byKey.get(key(r.target_id, r.year, r.school_id))!;
      expect(record["值"] === "" ? null : Number(record["值"])).toBe(r.value);
      expect(record["状态"]).toBe(statusWords[r.status]);
    }
    const formulaRows = records.filter((r) => r["学校代码"] === formulaId);
    expect(formulaRows.length).toBeGreaterThan(0);
    for (const r of formulaRows) expect(r["学校名称"]).toBe(`'${formulaName}`);
    expect(records.findIndex((r) => r["学校代码"] !== "")).toBe(rows.filter((r) => r.school_id === null).length);
  });

  test("indicators.xlsx reads back with the warehouse's numbers, district rows first, formats and frozen header", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "indicators.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["汇总", ...areas.map((a) => a.title), "指标说明"]);
    const sheet = workbook.getWorksheet("汇总")!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const byKey = new Map(rows.map((r) => [key(r.target_id, r.year, r.school_id), r]));
    let schoolRowsStarted = false;
    for (let n = 2; n <= sheet.rowCount; n++) {
      const [id, , year, school, name, value, threshold, status] = (sheet.getRow(n).values as unknown[]).slice(1);
      const schoolId = school == null ? null : String(school);
      if (schoolId !== null) schoolRowsStarted = true;
      else expect(schoolRowsStarted, `row ${n}`).toBe(false);
      const stored = byKey.get(key(String(id), Number(year), schoolId))!;
      expect(stored, `row ${n}`).toBeDefined();
      // in the target's unit: a change of a rate in 个百分点 (−0.005 → −0.5), any other value as stored
      const unit = units.get(stored.target_id)!;
      const share = schoolId === null && scopes.get(stored.target_id) === "school";
      expect(value ?? null).toBe(sheetValue(stored.value, unit, share));
      expect(threshold ?? null).toBe(sheetValue(stored.threshold, unit, share));
      expect(status).toBe(statusWords[stored.status]);
      if (schoolId === formulaId) expect(name).toBe(`'${formulaName}`);
    }
    expect(sheet.getRow(1).getCell(14).value).toBe("数据说明");
    expect(sheet.getRow(2).getCell(14).value).toBe("示例数据（合成，非真实数据）");
    expect(workbook.subject).toBe("示例数据（合成，非真实数据）");
    const myopia = (sheet.getColumn(1).values as unknown[]).indexOf("vision.myopia_rate");
    expect(sheet.getRow(myopia).getCell(6).numFmt).toBe("0.0%");
  });

  test("without Chromium the command says in one line how to install it", () => {
    const result = cli(["export", "--db", db, "--out", path.join(tmp, "none")], {
      CHROMIUM_PATH: path.join(tmp, "no-chromium"),
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("apt-get install -y chromium fonts-noto-cjk");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("without a Chinese font the command says in one line which package to install, instead of printing squares", () => {
    const fonts = path.join(tmp, "no-fonts.conf");
    fs.writeFileSync(
      fonts,
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n',
    );
    const result = cli(["export", "--db", db, "--out", path.join(tmp, "none")], { FONTCONFIG_FILE: fonts });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "未找到中文字体，生成的 PDF 中汉字会显示为方框。请先安装：apt-get install -y fonts-noto-cjk fonts-wqy-microhei",
    );
  });

  test("an unknown school code in --schools is a usage error naming it", () => {
    const result = cli(["export", "--db", db, "--out", path.join(tmp, "none"), "--schools", `${busiest},NOPE9`]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("参数有误：--schools 中的学校代码 NOPE9 不在学校名录中。");
  });

  test("a built site from other data is refused for --site, and the exports are not published into it", async () => {
    const other = path.join(tmp, "other.duckdb");
    fs.copyFileSync(db, other);
    const extra = path.join(tmp, "extra2");
    fs.mkdirSync(extra);
    fs.writeFileSync(
      path.join(extra, "schools_more.csv"),
      `学校代码,学校名称,办学类型,办学性质,所属镇街,学区集团\nEXP002,另一所小学,小学,公办,井口镇,测试学区\n`,
    );
    mustRun(["ingest", "--input", extra, "--db", other]);
    const result = cli(["export", "--db", other, "--out", path.join(tmp, "other"), "--site", site]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("不是由当前数据仓库生成的");
    // Nor are these exports put into a site built from the other warehouse.
    const otherSite = path.join(tmp, "other-site");
    fs.mkdirSync(otherSite);
    await expect(publishExports(other, otherSite, out)).resolves.toContain("不是由当前数据生成的");
    // only a manifest that lists no file, so that the 下载报告 page says so without a failing request
    expect(fs.readdirSync(path.join(otherSite, "exports"))).toEqual(["manifest.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(otherSite, "exports", "manifest.json"), "utf8"))).toEqual({
      files: [],
    });
  });

  let lastName = "";
  async function download(page: Page, button: string, within: string): Promise<Buffer> {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(within).locator(".table-downloads button", { hasText: button }).first().click(),
    ]);
    lastName = file.suggestedFilename();
    return fs.readFileSync(await file.path());
  }

  test("a table's CSV and Excel buttons download the table's rows, formula-like names neutralised", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${origin}/vision`, { waitUntil: "networkidle" });
    const block = '.target-block[data-target-id="vision.myopia_rate"]';
    await page.waitForSelector(`${block} .data-table tbody tr`);
    const shown = await page
      .locator(`${block} .data-table tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    const year = Math.max(...rows.filter((r) => r.target_id === "vision.myopia_rate").map((r) => r.year));
    const expected = rows.filter((r) => r.target_id === "vision.myopia_rate" && r.year === year && r.school_id);
    expect(shown.length).toBe(expected.length);

    const csv = parse(await download(page, "下载 CSV", block), { bom: true }) as string[][];
    // the sample's downloads say so in their name
    expect(lastName).toMatch(/^示例数据_.*\.csv$/);
    expect(csv[0]).toEqual(["学校代码", "年度", "学校", "办学类型", "镇街", "学区集团", "数值（比率）", "状态"]);
    // Rows as shown, in the same order; a name like =1+1 is written '=1+1.
    expect(csv.slice(1).map((r) => [r[2], r[7]])).toEqual(shown.map((r) => [neutralise(r[0]), r[5]]));
    const statusByName = new Map(expected.map((r) => [neutralise(names.get(r.school_id!)!), statusWords[r.status]]));
    for (const r of csv.slice(1)) expect(r[7]).toBe(statusByName.get(r[2]));
    // each row names its school by code and its year
    const idByName = new Map(expected.map((r) => [neutralise(names.get(r.school_id!)!), r.school_id]));
    for (const r of csv.slice(1)) expect([r[0], r[1]]).toEqual([idByName.get(r[2]), String(year)]);
    // the value as a number an analyst can compute with (a rate as a fraction), rounded as the page shows it
    // (45.2% is 0.452), never fifteen digits
    const valueOf = new Map(expected.map((r) => [neutralise(names.get(r.school_id!)!), r.value]));
    for (const r of csv.slice(1)) {
      const stored = valueOf.get(r[2]);
      expect(r[6] === "" ? null : Number(r[6])).toBe(stored == null ? null : Math.round(stored * 1000) / 1000);
      expect(r[6].replace(/^0\./, "").length).toBeLessThanOrEqual(3);
    }

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(page, "下载 Excel", block)) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected.length + 1);
    const valueByName = new Map(expected.map((r) => [neutralise(names.get(r.school_id!)!), r.value]));
    for (let n = 2; n <= sheet.rowCount; n++) {
      const name = String(sheet.getCell(`C${n}`).value);
      const value = sheet.getCell(`G${n}`).value as number | null;
      const stored = valueByName.get(name);
      if (stored == null) expect(value).toBeNull();
      else {
        expect(typeof value).toBe("number");
        expect(value).toBe(stored);
        expect(sheet.getCell(`G${n}`).numFmt).toBe("0.0%");
      }
    }

    await page.goto(`${origin}/schools`, { waitUntil: "networkidle" });
    await page.locator("#observablehq-main input[type=search]").fill(formulaId);
    await page.waitForFunction(() => document.querySelectorAll(".data-table tbody tr").length === 1);
    const list = parse(await download(page, "下载 CSV", "#observablehq-main"), { bom: true }) as string[][];
    expect(list[1].slice(0, 2)).toEqual([formulaId, `'${formulaName}`]);
    // a filtered download is named after its filter, not taken for the whole list
    expect(lastName).toBe(`示例数据_学校_含“${formulaId}”.csv`);
    await page.close();
  });

  test("every status is printed with the same word on the site, in the CSV, in the workbook and in the PDFs", async () => {
    const words = (statuses: Iterable<string>) => [...new Set([...statuses].map((s) => statusWords[s]))].sort();
    // the sample has all five statuses
    expect([...new Set(rows.map((r) => r.status))].sort()).toEqual(Object.keys(statusWords).sort());
    const csv = parse(fs.readFileSync(path.join(out, "indicator_values.csv")), { bom: true, columns: true });
    expect([...new Set((csv as Record<string, string>[]).map((r) => r["状态"]))].sort()).toEqual(
      words(rows.map((r) => r.status)),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "indicators.xlsx"));
    const sheet = workbook.getWorksheet("汇总")!;
    const inSheet = new Set<string>();
    for (let n = 2; n <= sheet.rowCount; n++) inSheet.add(String(sheet.getCell(`H${n}`).value));
    expect([...inSheet].sort()).toEqual(words(rows.map((r) => r.status)));
    const page = await browser.newPage();
    for (const urlPath of ["/", `/schools/${busiest}`]) {
      await page.goto(origin + urlPath, { waitUntil: "networkidle" });
      const cards = await page
        .locator(".target-card")
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute("data-status"), e.querySelector(".status-badge")?.textContent]),
        );
      expect(cards.length, urlPath).toBeGreaterThan(0);
      for (const [status, word] of cards) expect(word, `${urlPath} ${status}`).toBe(statusWords[status!]);
    }
    await page.close();
    const latestDistrict = latestOf(null).map((r) => r.status);
    const district = squeeze(pdfText(path.join(out, "district-report.pdf")));
    for (const word of words(latestDistrict)) expect(district, word).toContain(word);
    const school = squeeze(pdfText(path.join(out, "schools", `${busiest}.pdf`)));
    for (const word of words(latestOf(busiest).map((r) => r.status))) expect(school, word).toContain(word);
  });

  test("the 下载报告 page links the exported files", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/downloads`, { waitUntil: "networkidle" });
    await page.waitForSelector(".download-files a");
    const links = await page
      .locator("#observablehq-main a[href*='exports/']")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.some((href) => href.endsWith("/exports/district-report.pdf"))).toBe(true);
    expect(links.some((href) => href.endsWith(`/exports/schools/${formulaId}.pdf`))).toBe(true);
    const response = await page.request.get(`${origin}/exports/district-report.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    // with the files listed, the page still shows no Latin word but file names, formats and commands
    const words = await latinWords(page, [...names.keys(), ...names.values()], [/npm (?:run [a-z]+|start)/g]);
    const allowed = new Set(["CSV", "Excel", "PDF", "UTF-8", "KB", "MB"]);
    expect(words.filter((w) => !allowed.has(w.word) && !isFileName(w.word)).map((w) => w.word)).toEqual([]);
    await page.close();
  });
});
