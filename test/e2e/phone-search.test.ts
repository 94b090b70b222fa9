// End to end, as a leader on a phone and an analyst at the search box: every page type fits a 390 px
// screen with no sideways scroll; the search finds a school by code, by name and by the pinyin initials
// of its name and by the last digits of its code, a target by its title, its clause (第24条) and its status
// word (未达标); an official name with full-width
// punctuation is shown as written; a card says which way its target is heading.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { areas, progressWords } from "../../src/shared/vocabulary.js";
import { openSite, type Site } from "../helpers/browser.ts";
import { fullWidthSchool, sampleSite } from "../helpers/sampleSite.ts";

let site: Site;
let school: { school_id: string; name: string };
let progress: { target_id: string; category: string; share: boolean }[];
let notMet: string[];

async function phone(urlPath: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(site.origin + urlPath, { waitUntil: "networkidle" });
  return page;
}

/** Types into the sidebar's search box and returns the titles of the results. */
async function search(query: string): Promise<string[]> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
  await page.locator("#observablehq-search input").fill(query);
  await page.waitForSelector("#observablehq-search-results div");
  const titles = await page.locator("#observablehq-search-results li a span").allTextContents();
  await page.close();
  return titles;
}

describe("on a phone, at the search box", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    [school] = await queryRows<{ school_id: string; name: string }>(
      warehouse.connection,
      "select school_id, name from schools where name like '%西永小学' order by school_id limit 1",
    );
    progress = await queryRows(warehouse.connection, "select target_id, category, share from target_progress");
    notMet = (
      await queryRows<{ target_id: string }>(
        warehouse.connection,
        `select target_id from indicator_values where school_id is null
         qualify year = max(year) over (partition by target_id) and status = 'not_met' order by target_id`,
      )
    ).map((r) => r.target_id);
    warehouse.close();
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  const pages = [
    "/",
    ...areas.map((a) => `/${a.slug}`),
    "/schools",
    "/schools/SCHOOL",
    "/quality",
    "/methods",
    "/downloads",
    "/report",
  ];
  test.each(pages)("%s fits a 390 px screen with no sideways scroll", async (urlPath) => {
    const page = await phone(urlPath.replace("SCHOOL", school.school_id));
    await page.waitForTimeout(300); // charts take the width they get after the first layout
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    await page.close();
    expect(scroll, urlPath).toBeLessThanOrEqual(client);
  });

  test("a 菜单 button one can see and hit, Chinese tooltips, zoom allowed, a slim banner", async () => {
    const page = await phone("/");
    const toggle = page.locator("#observablehq-sidebar-toggle");
    const box = (await toggle.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(60);
    expect(await toggle.evaluate((e) => getComputedStyle(e, "::after").content)).toBe('"菜单"');
    expect(await toggle.getAttribute("title")).toBe("显示或隐藏侧栏");
    const viewport = await page.locator('meta[name="viewport"]').getAttribute("content");
    expect(viewport).not.toMatch(/maximum-scale|user-scalable=no/);
    // the 示例数据 banner: one slim line, not a tenth of the screen
    const banner = (await page.locator(".sample-banner").boundingBox())!;
    expect(banner.height).toBeLessThanOrEqual(844 * 0.05);
    expect(await page.locator(".sample-banner").innerText()).toContain("示例数据");
    // opening the menu shows the sidebar
    await toggle.click();
    await page.waitForTimeout(400); // it slides in
    const sidebar = (await page.locator("#observablehq-sidebar").boundingBox())!;
    expect(sidebar.x).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  test("the school list fits: its status columns are on the screen, its sort buttons a finger's size", async () => {
    const page = await phone("/schools");
    await page.waitForSelector(".data-table tbody tr");
    const wrap = page.locator(".table-wrap").first();
    const { scroll, client } = await wrap.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    const notMet = (await page.locator(".data-table th", { hasText: "未达标" }).boundingBox())!;
    expect(notMet.x + notMet.width).toBeLessThanOrEqual(390);
    const heights = await page
      .locator(".data-table th button")
      .evaluateAll((bs) => bs.filter((b) => b.getClientRects().length).map((b) => b.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  test("the sidebar folds away on a phone", async () => {
    const page = await phone("/");
    const box = await page.locator("#observablehq-sidebar").boundingBox();
    await page.close();
    expect(box === null || box.x + box.width <= 0 || box.width === 0).toBe(true);
  });

  test("finds a school by its code, by a part of its name and by the pinyin initials of its name", async () => {
    expect(await search(school.school_id)).toContain(school.name);
    expect(await search(school.school_id.slice(0, 8))).toContain(school.name);
    expect(await search("西永小学")).toContain(school.name);
    expect(await search("xyxx")).toContain(school.name);
  });

  test("finds a school by the last four digits of its code, and the 未达标 targets by that word", async () => {
    expect(await search(school.school_id.slice(-4))).toContain(school.name);
    const titles = readTargets()
      .filter((t) => notMet.includes(t.target_id))
      .map((t) => t.title_zh);
    expect(titles.length).toBeGreaterThan(2);
    const found = await search("未达标");
    expect(found).toEqual(expect.arrayContaining(titles.slice(0, 3)));
    const met = readTargets().find((t) => !notMet.includes(t.target_id) && t.title_zh.length > 6)!;
    expect(found).not.toContain(met.title_zh);
  });

  test("finds a target by its title and by its clause", async () => {
    const target = readTargets().find((t) => t.target_id === "space.teaching_area.primary")!;
    expect(await search("教学及辅助用房")).toContain(target.title_zh);
    const clause24 = readTargets().filter((t) => t.clause === 24);
    const found = await search("第24条");
    expect(found).toEqual(expect.arrayContaining(clause24.slice(0, 5).map((t) => t.title_zh)));
  });

  test("an official name with full-width punctuation is shown as written", async () => {
    const page = await phone(`/schools/${fullWidthSchool.id}`);
    await expect(page.locator("#observablehq-main h1").textContent()).resolves.toBe(fullWidthSchool.name);
    await expect(page.title()).resolves.toContain(fullWidthSchool.name);
    await page.close();
    expect(await search("凤鸣山")).toContain(fullWidthSchool.name);
  });

  test("an overview card says which way its target is heading", async () => {
    const judged = progress.find((p) => !["met", "one_year"].includes(p.category))!;
    expect(judged).toBeDefined();
    const page = await phone("/");
    const text = await page.locator(`.target-card[data-target-id="${judged.target_id}"] .card-progress`).textContent();
    await page.close();
    expect(text).toContain(progressWords[judged.category]);
  });

  test("a target that fell is 退步 with its yearly movement, on the card and on its area page", async () => {
    const fallen = progress.find((p) => p.category === "regress")!;
    expect(fallen).toBeDefined();
    const area = readTargets().find((t) => t.target_id === fallen.target_id)!.area;
    const overview = await phone("/");
    const card = await overview
      .locator(`.target-card[data-target-id="${fallen.target_id}"] .card-progress`)
      .textContent();
    await overview.close();
    const areaPage = await phone(`/${area}`);
    const block = await areaPage.locator(`[id="target-${fallen.target_id}"] .target-progress`).textContent();
    await areaPage.close();
    for (const text of [card, block]) {
      expect(text).toContain(progressWords.regress);
      expect(text).toMatch(/年均 −[\d.]+/);
      expect(text).not.toContain("%");
    }
  });
});
