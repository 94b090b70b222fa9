// End to end: the overview's status tiles are filters. A leader clicks 未达标 and sees exactly the targets whose
// district status is 未达标 (as the warehouse says), with a line saying how many and a way back to all.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

let site: Site;
let notMet: string[];
let total: number;

describe("the status tiles", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    const latest = await queryRows<{ target_id: string; status: string }>(
      warehouse.connection,
      `select target_id, status from indicator_values where school_id is null
       qualify year = max(year) over (partition by target_id)`,
    );
    warehouse.close();
    notMet = latest
      .filter((r) => r.status === "not_met")
      .map((r) => r.target_id)
      .sort();
    total = latest.length;
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test("clicking 未达标 shows exactly the 未达标 cards, says how many, and 显示全部 brings the rest back", async () => {
    const { page, problems } = await openPage(site, "/");
    const visible = () =>
      page
        .locator(".target-card")
        .evaluateAll((cards) =>
          cards.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getAttribute("data-target-id")!),
        );
    const all = await visible();
    expect(all.length).toBeGreaterThan(notMet.length);
    const tile = page.locator('.status-summary [data-filter="not_met"]');
    expect(await tile.locator(".summary-count").innerText()).toBe(String(notMet.length));
    await tile.click();
    expect((await visible()).sort()).toEqual(notMet);
    expect(await tile.getAttribute("aria-pressed")).toBe("true");
    const note = page.locator(".filter-note");
    expect(await note.innerText()).toContain(`只显示未达标的 ${notMet.length} 项指标`);
    // a plan section with no 未达标 card is hidden with its cards
    const emptyShown = await page
      .locator(".plan-section")
      .evaluateAll(
        (sections) =>
          sections.filter(
            (s) => (s as HTMLElement).offsetParent !== null && !s.querySelector(".target-card:not([hidden])"),
          ).length,
      );
    expect(emptyShown).toBe(0);
    await note.getByRole("button", { name: "显示全部" }).click();
    expect((await visible()).length).toBe(all.length);
    expect(await note.isHidden()).toBe(true);
    // the keyboard works too: Enter on a focused tile
    await page.locator('.status-summary [data-filter="met"]').focus();
    await page.keyboard.press("Enter");
    expect((await visible()).length).toBe(Number(await page.locator('[data-filter="met"] .summary-count').innerText()));
    await page.close();
    expect(problems).toEqual([]);
    expect(all.length).toBeLessThanOrEqual(total);
  });
});
