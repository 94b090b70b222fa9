// End to end: every page type of the built sample site, rendered in Chromium, shows Chinese words only.
// Allowed Latin words: file names, the target ids and codes in their own small elements for analysts,
// CSV / Excel / PDF, encoding names on the quality page, and commands on the 下载报告 page. School names and
// codes come from the warehouse (a test school is named with markup) and are not words of the page.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readPlan } from "../../pipelines/lib/plan.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { encodingWords, reasonWords } from "../../src/shared/vocabulary.js";
import { openPage, openSite, pageTypes, type Site } from "../helpers/browser.ts";
import { isFileName, latinWords } from "../helpers/latinWords.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

const formats = ["CSV", "Excel", "PDF"];
const commands = /npm (?:run [a-z]+|start|ci|install)/g;
/** Latin words of the plan itself (1+X证书, NGO): the methods page quotes its clauses as written. */
const planWords = readPlan().clauses.flatMap((c) => [...c.text.matchAll(/(?<![A-Za-z])[A-Za-z]+/g)].map(([w]) => w));

let site: Site;
/** School names and codes (data, not words of the page). */
let schoolData: string[];
/** The school with the most targets: its page shows every kind of card. */
let busiest: string;

describe("the pages speak Chinese", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    const schools = await queryRows<{ school_id: string; name: string }>(
      warehouse.connection,
      "select school_id, name from schools",
    );
    [{ school_id: busiest }] = await queryRows<{ school_id: string }>(
      warehouse.connection,
      `select school_id from indicator_values where school_id is not null
       group by school_id order by count(distinct target_id) desc, school_id limit 1`,
    );
    warehouse.close();
    schoolData = schools.flatMap((s) => [s.school_id, s.name]);
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test.each(pageTypes)("$name ($path) shows no Latin word beyond the allow-list", async ({ path }) => {
    const urlPath = path === "school" ? `/schools/${busiest}` : path;
    const { page, problems } = await openPage(site, urlPath);
    if (path === "/report") await page.waitForSelector("[data-print-pending]", { state: "detached" });
    const allowed = new Set([
      ...formats,
      ...(path === "/quality" ? Object.values(encodingWords) : []),
      ...(path === "/methods" ? planWords : []),
    ]);
    const words = await latinWords(page, schoolData, path === "/downloads" ? [commands] : []);
    await page.close();
    // the sample site carries no exports: the 下载报告 page asks for their manifest and says so; the 404 page is a 404
    expect(
      problems.filter(
        (p) =>
          !p.includes("exports/manifest.json") && !p.includes("status of 404") && p !== `404: ${site.origin}${urlPath}`,
      ),
    ).toEqual([]);
    const unexpected = words.filter((w) => !w.forAnalysts && !allowed.has(w.word) && !isFileName(w.word));
    expect(
      unexpected.map((w) => `${w.word} ← ${w.context}`),
      urlPath,
    ).toEqual([]);
  });

  test("the methods page explains corrections, owed grades, bounds and progress in Chinese", async () => {
    const { page } = await openPage(site, "/methods");
    const text = await page.locator("#observablehq-main").innerText();
    await page.close();
    for (const words of ["以最新一次报送为准", "有班级的年级", "缺报 3 校，不影响结论", "结论待定", "退步", "小样本"])
      expect(text, words).toContain(words);
  });

  test("the methods page explains every target in Chinese, its sources beside it, the formula folded under 技术说明", async () => {
    const { page } = await openPage(site, "/methods");
    for (const t of readTargets()) {
      const row = page.locator(`div[id="method-${t.target_id}"]`);
      expect(await row.locator("p.explanation").innerText()).toBe(t.explanation_zh);
      expect(await row.locator("small.target-id").innerText()).toBe(t.target_id);
      expect(await row.innerText()).toContain(t.source_zh);
      const formula = row.locator("details.formula");
      expect(await formula.locator("summary").innerText()).toBe("技术说明");
      expect(await formula.locator("code").isVisible()).toBe(false);
      await formula.locator("summary").click();
      expect(await formula.locator("code").innerText()).toBe(t.formula);
    }
    // a clause of the plan cited as 工作要点第N条 links to its text on the page
    const link = page.locator('div[id="method-party.brand_demo_points"] a[href="#clause-5"]');
    expect(await link.innerText()).toBe("工作要点第5条");
    await page.close();
  });

  test("the quality page names each reason of rejected rows in words, its code only beside them", async () => {
    const { page } = await openPage(site, "/quality");
    const summaries = page.locator("details.reject-group > summary");
    const count = await summaries.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const code = await summaries.nth(i).locator("small.code").innerText();
      expect(await summaries.nth(i).locator("strong").innerText()).toBe(reasonWords[code as keyof typeof reasonWords]);
    }
    await page.close();
  });
});
