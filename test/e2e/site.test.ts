// End to end: build the site from the shipped sample (plus a school whose name holds markup) without a
// network, serve dist with a plain static server and read the pages in headless Chromium.
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sampleDir } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { areas } from "../../src/shared/vocabulary.js";
import { readTargetRows, readTargets } from "../../pipelines/lib/targets.ts";
import { createStaticServer, listen } from "../../pipelines/lib/serve.ts";
import { buildFixtureSite, markupSchool, sampleSite } from "../helpers/sampleSite.ts";
import { launchChromium } from "../../pipelines/export/browser.ts";

const markupName = markupSchool.name;

interface Row {
  target_id: string;
  school_id: string | null;
  year: number;
  status: string;
}

let tmp: string;
let out: string;
/** The ledger's latest record of each document the plan says to issue (target, year, 文号, 印发日期). */
let documents: { target_id: string; year: number; doc_number: string | null; issued_on: string | null }[];
let rows: Row[];
/** Rows with a value (the years a sparkline draws). */
let valued: Row[];
let isSample: boolean;
let server: http.Server;
let origin: string;
let browser: Browser;

/** The latest row of every (target, school) pair; school "" is the district. */
function latest(): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.target_id}|${r.school_id ?? ""}`;
    if (!map.has(key) || map.get(key)!.year < r.year) map.set(key, r);
  }
  return map;
}

const input = process.env.E2E_INPUT ?? sampleDir;

// A missing input folder is a failure (the build below throws), never a skip.
describe("built site", () => {
  beforeAll(async () => {
    // The shipped sample's site is shared with the other end-to-end files; another input gets its own.
    if (input !== sampleDir) tmp = fs.mkdtempSync(path.join(os.tmpdir(), "site-e2e-"));
    const { db, dist } = input === sampleDir ? await sampleSite() : buildFixtureSite(tmp, input);
    out = dist;
    const warehouse = await openWarehouse(db, { readOnly: true });
    rows = await queryRows<Row>(
      warehouse.connection,
      "select target_id, school_id, year::integer as year, status from indicator_values",
    );
    valued = await queryRows<Row>(
      warehouse.connection,
      "select target_id, school_id, year::integer as year, status from indicator_values where value is not null",
    );
    const [run] = await queryRows<{ s: boolean }>(
      warehouse.connection,
      "select bool_or(is_sample) as s from ingest_runs",
    );
    isSample = Boolean(run?.s);
    documents = await queryRows(
      warehouse.connection,
      `select target_id, year::integer as year, doc_number, strftime(issued_on, '%Y-%m-%d') as issued_on
       from milestones where starts_with(target_id, 'docs.')
       qualify row_number() over (partition by target_id, year order by as_of desc) = 1`,
    );
    warehouse.close();
    server = createStaticServer(out);
    origin = await listen(server, 0);
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a page and records every console error, page error, failed response and request off the origin. */
  async function open(urlPath: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on(
      "request",
      (r) => !r.url().startsWith(origin) && !r.url().startsWith("data:") && problems.push(`off origin: ${r.url()}`),
    );
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
    await page.goto(origin + urlPath, { waitUntil: "networkidle" });
    return { page, problems };
  }

  test("every page is zh-CN, carries the sample banner when the data is the sample, and nothing comes from npm", () => {
    expect(fs.existsSync(path.join(out, "_npm"))).toBe(false);
    const pages = fs
      .readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = fs.readFileSync(path.join(out, file), "utf8");
      expect(html, file).toContain('<html lang="zh-CN">');
      expect(html.includes("示例数据"), file).toBe(isSample);
      expect(html, file).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|registry\.npmjs/);
    }
  });

  test("a page exists for every school", () => {
    const schools = new Set(rows.filter((r) => r.school_id).map((r) => r.school_id));
    for (const id of schools) expect(fs.existsSync(path.join(out, "schools", `${id}.html`)), id!).toBe(true);
  });

  test("the overview and a school page load no indicator file: their trends are in the page, so their size does not grow with the schools", async () => {
    const school = rows.find((r) => r.school_id && r.school_id !== "E2E001")!.school_id!;
    for (const urlPath of ["/", `/schools/${school}`]) {
      const page = await browser.newPage();
      const data: string[] = [];
      page.on("request", (r) => r.url().includes("/_file/") && data.push(new URL(r.url()).pathname));
      await page.goto(origin + urlPath, { waitUntil: "networkidle" });
      await page.waitForSelector(".spark svg");
      await page.close();
      expect(data, urlPath).toEqual([]);
    }
  });

  test("an area page loads the rows of its own targets, not every row of every target", async () => {
    for (const { slug } of areas) {
      const page = await browser.newPage();
      const data: string[] = [];
      page.on("request", (r) => r.url().includes("/_file/data/") && data.push(new URL(r.url()).pathname));
      await page.goto(`${origin}/${slug}`, { waitUntil: "networkidle" });
      await page.close();
      expect(
        data.filter((p) => p.includes("/areas/")).map((p) => p.split("/").pop()!.split(".")[0]),
        slug,
      ).toEqual([slug]);
      expect(
        data.filter((p) => p.includes("/indicators.")),
        slug,
      ).toEqual([]);
    }
  });

  test("the school list shows each school's status counts from the warehouse without loading any indicator rows", async () => {
    const counts = new Map<string, Record<string, number>>();
    for (const r of latest().values()) {
      if (!r.school_id) continue;
      const c = counts.get(r.school_id) ?? { met: 0, not_met: 0, incomplete: 0, no_data: 0 };
      c[r.status] = (c[r.status] ?? 0) + 1;
      counts.set(r.school_id, c);
    }
    const [school, expected] = [...counts].sort((a, b) => b[1].not_met - a[1].not_met)[0];
    const page = await browser.newPage();
    const data: string[] = [];
    page.on("request", (r) => r.url().includes("/_file/data/") && data.push(new URL(r.url()).pathname));
    await page.goto(`${origin}/schools`, { waitUntil: "networkidle" });
    await page.locator("#observablehq-main input[type=search]").fill(school);
    await page.waitForFunction(() => document.querySelectorAll(".data-table tbody tr").length === 1);
    const cells = await page.locator(".data-table tbody tr td").allTextContents();
    await page.close();
    // 学校代码, 名称, 办学类型, 镇街, 学区集团, 未达标, 数据不全, 无数据, 达标
    expect(cells.slice(5).map(Number)).toEqual([expected.not_met, expected.incomplete, expected.no_data, expected.met]);
    expect(data.filter((p) => !p.includes("/schools."))).toEqual([]);
  });

  test("a school page's sparkline has one dot for each year the warehouse holds a value of that school", async () => {
    const years = new Map<string, number>();
    for (const r of valued)
      if (r.school_id)
        years.set(`${r.target_id}|${r.school_id}`, (years.get(`${r.target_id}|${r.school_id}`) ?? 0) + 1);
    const [key, count] = [...years].sort((a, b) => b[1] - a[1])[0];
    expect(count).toBeGreaterThan(1);
    const [target, school] = key.split("|");
    const { page, problems } = await open(`/schools/${school}`);
    const spark = page.locator(`[data-target-id="${target}"] .spark svg`);
    await expect(spark.locator("circle").count()).resolves.toBe(count);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("overview shows every target of the registry with the district status of its latest year", async () => {
    const { page, problems } = await open("/");
    const map = latest();
    for (const t of readTargetRows()) {
      const cards = page.locator(`[data-target-id="${t.target_id}"]`);
      await expect(cards.count(), t.target_id).resolves.toBe(1);
      const expected = map.get(`${t.target_id}|`)?.status ?? "no_data";
      await expect(cards.getAttribute("data-status"), t.target_id).resolves.toBe(expected);
    }
    await page.waitForSelector(".spark svg");
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("#observablehq-sidebar")!).display)).toBe(
      "none",
    );
    expect(problems).toEqual([]);
  });

  test.each(areas.map((a) => [a.title, a.slug]))(
    "area page %s shows its targets with the warehouse's status",
    async (_, slug) => {
      const { page, problems } = await open(`/${slug}`);
      const targets = readTargets().filter((t) => t.area === slug);
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll(".target-block")].filter((b) => (b as HTMLElement).dataset.status).length === n,
        targets.length,
      );
      const year = Number(await page.locator(".filters select").first().inputValue());
      for (const t of targets) {
        const expected = rows.find(
          (r) => r.target_id === t.target_id && r.school_id === null && r.year === year,
        )?.status;
        const block = page.locator(`.target-block[data-target-id="${t.target_id}"]`);
        await expect(block.getAttribute("data-status"), t.target_id).resolves.toBe(expected ?? "no_data");
      }
      expect(problems).toEqual([]);
    },
  );

  test("a school page shows each applicable target with the school's latest status", async () => {
    const map = latest();
    const counts = new Map<string, number>();
    for (const r of rows) if (r.school_id) counts.set(r.school_id, (counts.get(r.school_id) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    for (const id of [busiest, "E2E001"]) {
      const { page, problems } = await open(`/schools/${id}`);
      const applicable = [...map.values()].filter((r) => r.school_id === id);
      await expect(page.locator("[data-target-id]").count()).resolves.toBe(applicable.length);
      for (const r of applicable) {
        await expect(page.locator(`[data-target-id="${r.target_id}"]`).getAttribute("data-status")).resolves.toBe(
          r.status,
        );
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  test("a school name containing markup is shown as text", async () => {
    const { page, problems } = await open("/schools/E2E001");
    await expect(page.locator("#observablehq-main h1").textContent()).resolves.toBe(markupName);
    await expect(page.locator("#observablehq-main h1 b, #observablehq-main h1 i").count()).resolves.toBe(0);
    await expect(page.title()).resolves.toContain(markupName);
    const list = await open("/schools");
    await list.page.locator("#observablehq-main input[type=search]").fill("标记");
    await list.page.waitForFunction(() => document.querySelectorAll(".data-table tbody tr").length === 1);
    await expect(list.page.locator(".data-table a").first().textContent()).resolves.toBe(markupName);
    expect([...problems, ...list.problems]).toEqual([]);
  });

  test("data quality, methods and the school list open cleanly", async () => {
    for (const [urlPath, text] of [
      ["/quality", "导入日志"],
      ["/methods", "第10条"],
      ["/schools", "学校名称"],
    ]) {
      const { page, problems } = await open(urlPath);
      await expect(page.locator("#observablehq-main").textContent()).resolves.toContain(text);
      expect(problems, urlPath).toEqual([]);
    }
  });

  test("the 重点任务 page and the district report list each document to issue with the ledger's 文号 and 印发日期 and the warehouse's status", async () => {
    const statusOf = new Map(
      rows.filter((r) => r.school_id === null).map((r) => [`${r.target_id}|${r.year}`, r.status]),
    );
    const words: Record<string, string> = { met: "达标", not_met: "未达标", incomplete: "数据不全", no_data: "无数据" };
    expect(documents.length).toBeGreaterThan(0);
    for (const [urlPath, area] of [
      ["/milestones", "milestones"],
      ["/report", null],
    ] as const) {
      const { page, problems } = await open(urlPath);
      await page.waitForSelector(".documents-table tbody tr");
      const listed = readTargets().filter((t) => t.unit === "documents" && (area === null || t.area === area));
      await expect(page.locator(".documents-table tbody tr").count()).resolves.toBe(listed.length);
      for (const t of listed) {
        const ledger = documents
          .filter((d) => d.target_id === t.target_id)
          .sort((a, b) => a.year - b.year)
          .at(-1);
        const cells = await page.locator(`.documents-table tr[data-target-id="${t.target_id}"] td`).allTextContents();
        expect(cells[0]).toBe(t.title_zh);
        if (!ledger) continue;
        expect(cells.slice(1, 4), t.target_id).toEqual([
          `${ledger.year}年`,
          ledger.doc_number ?? "—",
          ledger.issued_on ?? "未印发",
        ]);
        expect(cells[5], t.target_id).toBe(words[statusOf.get(`${t.target_id}|${ledger.year}`)!]);
      }
      expect(problems, urlPath).toEqual([]);
    }
  });

  test("search finds a Chinese word in mid-sentence and a part of a school name", async () => {
    const { page, problems } = await open("/");
    const input = page.locator("#observablehq-search input");
    await expect(input.getAttribute("placeholder")).resolves.toMatch(/搜索/);
    await input.fill("分段管理");
    await expect(page.locator("#observablehq-search-results a").first().getAttribute("href")).resolves.toBeTruthy();
    await input.fill("测试");
    await page.waitForSelector('#observablehq-search-results a[href*="schools/E2E001"]');
    await expect(page.locator("#observablehq-search-results").textContent()).resolves.toContain("条结果");
    expect(problems).toEqual([]);
  });
});
