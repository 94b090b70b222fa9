// End to end: on every area page, a filter is shown only where it can change what the page shows. A
// choice of each visible filter changes some visible text (a value, a heading, a row of a table); a filter
// that could change nothing (镇街 where the area's targets are district-level only) is not shown.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { areas } from "../../src/shared/vocabulary.js";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

let site: Site;

/** Defines window.shownText(): the page's visible text, the cells holding a filter bar left out. */
const defineShownText = `window.shownText = () =>
  [...document.querySelector("#observablehq-main").children]
    .filter((cell) => !cell.matches(".filters") && !cell.querySelector(".filters"))
    .map((cell) => cell.innerText)
    .join("\\n");`;
const shownText = () => (window as unknown as { shownText: () => string }).shownText();

describe("the filters of the area pages", () => {
  beforeAll(async () => {
    site = await openSite((await sampleSite()).dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test("every visible filter changes what the page shows", async () => {
    const seen: Record<string, string[]> = {};
    for (const area of areas) {
      const { page, problems } = await openPage(site, `/${area.slug}`);
      await page.locator(".area-blocks").waitFor();
      await page.evaluate(defineShownText);
      const selects = page.locator(".filters select");
      const shown: string[] = [];
      for (let i = 0; i < (await selects.count()); i++) {
        const select = selects.nth(i);
        if (!(await select.isVisible())) continue;
        const label = (await select.evaluate((s) => s.parentElement!.querySelector("span")!.textContent)) ?? "";
        shown.push(label);
        const initial = await select.inputValue();
        const baseline = await page.evaluate(shownText);
        const values = await select
          .locator("option")
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(values.length, `${area.title} ${label}`).toBeGreaterThan(1);
        // the first and the last other choice (every choice is one the page's rows have: area.js)
        const others = values.filter((v) => v !== initial);
        for (const value of new Set([others[0], others[others.length - 1]])) {
          await select.selectOption(value);
          const changed = await page
            .waitForFunction((before) => shownText() !== before, baseline, { timeout: 10_000 })
            .then(() => true)
            .catch(() => false);
          expect(changed, `${area.title}：${label} = ${value} changes nothing`).toBe(true);
          await select.selectOption(initial);
          await page.waitForFunction((before) => shownText() === before, baseline, { timeout: 10_000 });
        }
      }
      seen[area.slug] = shown;
      await page.close();
      expect(problems, area.slug).toEqual([]);
    }
    // 教师待遇's target is the district's ratio: no school filter there
    expect(seen.pay).not.toContain("镇街");
    expect(seen.pay).not.toContain("办学类型");
    // an area listed by school keeps its school filters
    expect(seen.vision).toEqual(expect.arrayContaining(["年度", "办学类型", "镇街", "学区集团"]));
  }, 600_000);

  test("the intro speaks of filtering schools only on a page that shows a school filter", async () => {
    const said: Record<string, boolean> = {};
    for (const area of areas) {
      const { page, problems } = await openPage(site, `/${area.slug}`);
      await page.locator(".area-blocks").waitFor();
      const labels = await page
        .locator(".filters label:visible > span")
        .evaluateAll((spans) => spans.map((s) => s.textContent));
      const schoolFilter = labels.some((l) => l === "办学类型" || l === "镇街" || l === "学区集团");
      const intro = await page.locator("#observablehq-main p.muted").first().innerText();
      said[area.slug] = intro.includes("筛选学校只改变图表和表格，不改变全区状态");
      expect(said[area.slug], `${area.title}: ${labels.join("、")}\n${intro}`).toBe(schoolFilter);
      expect(intro, area.title).toContain("状态均取自数据仓库，页面只作展示");
      await page.close();
      expect(problems, area.slug).toEqual([]);
    }
    // 教师待遇 shows no school filter, 视力 does
    expect(said.pay).toBe(false);
    expect(said.vision).toBe(true);
  }, 600_000);
});
