// End to end: the shipped sample has late and partial reports (seeds/sample/README.md), so the built site
// shows 数据不全, how many schools sent each target's data, and the list of what is missing — on the
// overview, the quality page and a school page — with the warehouse's own counts.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { queryMissing, type MissingReport } from "../../pipelines/lib/reports.ts";
import { readSiteTargets } from "../../pipelines/lib/targets.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { reportedWords, statusWords } from "../../src/shared/vocabulary.js";
import { openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

interface District {
  target_id: string;
  status: string;
  schools_owed: number | null;
  schools_reported: number | null;
}

let site: Site;
let missing: MissingReport[];
let districts: District[];
let owed: { owed: number; complete: number };
const targets = new Map(readSiteTargets().map((t) => [t.target_id, t]));

async function open(urlPath: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(site.origin + urlPath, { waitUntil: "networkidle" });
  return page;
}

describe("late and partial reports of the sample", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    missing = await queryMissing(warehouse.connection);
    districts = await queryRows<District>(
      warehouse.connection,
      `select target_id, status, schools_owed, schools_reported from indicator_values
       where school_id is null and year = (select max(year) from indicator_values)`,
    );
    [owed] = await queryRows<{ owed: number; complete: number }>(
      warehouse.connection,
      `select count(*)::INTEGER as owed, count(*) filter (where complete)::INTEGER as complete from (
         select bool_and(received and not rejected) as complete from reports
         where year = (select max(year) from reports) group by school_id, dataset)`,
    );
    warehouse.close();
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test("the sample is late somewhere: reports missing, targets incomplete", () => {
    expect(missing.filter((m) => m.state === "missing").length).toBeGreaterThanOrEqual(5);
    expect(missing.filter((m) => m.state === "partial").length).toBeGreaterThanOrEqual(2);
    expect(districts.filter((d) => d.status === "incomplete").length).toBeGreaterThan(0);
  });

  test("the overview says how complete the latest year is and shows 数据不全 as its own status", async () => {
    const page = await open("/");
    const line = page.locator(".completeness");
    await expect(line.getAttribute("data-owed")).resolves.toBe(String(owed.owed));
    await expect(line.getAttribute("data-complete")).resolves.toBe(String(owed.complete));
    expect(await line.textContent()).toContain(`已收齐 ${owed.complete} 份`);
    const incomplete = districts.filter((d) => d.status === "incomplete");
    const cards = page.locator('.target-card[data-status="incomplete"]');
    await expect(cards.count()).resolves.toBe(incomplete.length);
    await expect(cards.first().locator(".status-badge").textContent()).resolves.toBe(statusWords.incomplete);
    const box = page.locator(".summary-item.status-incomplete .summary-count");
    await expect(box.textContent()).resolves.toBe(String(incomplete.length));
    // each incomplete card says how many of the schools that owe its data sent it
    for (const d of incomplete.slice(0, 5)) {
      const shown = await page.locator(`.target-card[data-target-id="${d.target_id}"] .card-reported`).textContent();
      const change = targets.get(d.target_id)!.display_unit === "pp"; // a change: its matched panel
      expect(shown, d.target_id).toBe(reportedWords(d.schools_reported, d.schools_owed, { panel: change }));
    }
    await page.close();
  });

  test("the quality page lists each report not received whole, school by school", async () => {
    const page = await open("/quality");
    await page.waitForSelector(".data-table tbody tr");
    const text = (await page.locator("#observablehq-main").textContent()) ?? "";
    for (const m of missing) {
      expect(text, `${m.school_id} ${m.label}`).toContain(m.school_id);
      expect(text).toContain(m.label);
    }
    expect(text).toContain("未报送");
    expect(text).toContain("缺高中学段");
    await page.close();
  });

  test("a late school's page says what it still owes", async () => {
    const late = missing.find((m) => m.state === "missing")!;
    const page = await open(`/schools/${late.school_id}`);
    const owedList = await page.locator(".owed li").allTextContents();
    expect(owedList).toContain(`${late.label}：未报送`);
    await page.close();
  });
});
