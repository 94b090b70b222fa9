// End to end: the district report's summary (指标汇总) shows each target's status as the site's coloured
// badge with its word — on screen and as printed to PDF — and the status is the warehouse's.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { statusWords } from "../../src/shared/vocabulary.js";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

let site: Site;
let latest: Map<string, string>;

describe("the district report's summary", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    const rows = await queryRows<{ target_id: string; status: string }>(
      warehouse.connection,
      `select target_id, status from indicator_values where school_id is null
       qualify year = max(year) over (partition by target_id)`,
    );
    warehouse.close();
    latest = new Map(rows.map((r) => [r.target_id, r.status]));
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test("shows every status as a coloured badge with its word, on screen and in print", async () => {
    const { page, problems } = await openPage(site, "/report");
    const summary = page.locator("table", { has: page.locator('a[href^="#target-"]') }).first();
    await summary.waitFor();
    const read = () =>
      summary.locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => {
          const link = tr.querySelector('a[href^="#target-"]')!.getAttribute("href")!;
          const badge = tr.querySelector<HTMLElement>("td:last-child .status-badge");
          return {
            target: link.slice("#target-".length),
            classes: badge?.className ?? "",
            word: badge?.textContent ?? "",
            background: badge ? getComputedStyle(badge).backgroundColor : "",
          };
        }),
      );
    for (const media of ["screen", "print"] as const) {
      await page.emulateMedia({ media });
      const cells = await read();
      expect(cells.length).toBeGreaterThanOrEqual(latest.size);
      for (const cell of cells) {
        const status = latest.get(cell.target) ?? "no_data";
        expect(cell, `${media} ${cell.target}`).toMatchObject({
          classes: `status-badge status-${status}`,
          word: statusWords[status as keyof typeof statusWords],
        });
        expect(cell.background, `${media} ${cell.target}`).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
      }
      // each status its own colour, as on the site
      const colours = new Map(cells.map((c) => [c.classes, c.background]));
      expect(new Set(colours.values()).size).toBe(colours.size);
      expect(colours.size).toBeGreaterThan(2);
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
