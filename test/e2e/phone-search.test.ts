// End to end, as a leader on a phone and an analyst at the search box: every page type fits a 390 px
// screen with no sideways scroll; the search finds a school by code, by name and by the pinyin initials
// of its name, a target by its title and by its clause (第24条); an official name with full-width
// punctuation is shown as written; a card says which way its target is heading.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readSiteTargets } from "../../pipelines/lib/targets.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { areas, progressWords } from "../../src/shared/vocabulary.js";
import { openSite, type Site } from "../helpers/browser.ts";
import { fullWidthSchool, sampleSite } from "../helpers/sampleSite.ts";

let site: Site;
let school: { school_id: string; name: string };
let progress: { target_id: string; category: string; share: boolean }[];

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

  test("finds a target by its title and by its clause", async () => {
    const target = readSiteTargets().find((t) => t.target_id === "space.teaching_area.primary")!;
    expect(await search("教学及辅助用房")).toContain(target.title_zh);
    const clause24 = readSiteTargets().filter((t) => t.clause === 24);
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
    const area = readSiteTargets().find((t) => t.target_id === fallen.target_id)!.area;
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
