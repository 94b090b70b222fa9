// End to end: every chart of the sample site's area pages, the district report and a school page reads its
// axis without a repeated tick label (48%, 48%, 49% or 0 1 1 2 told apart), its unit once in the axis label.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { areas } from "../../src/shared/vocabulary.js";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

let site: Site;

describe("chart axes", () => {
  beforeAll(async () => {
    site = await openSite((await sampleSite()).dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  const pages = [...areas.map((a) => `/${a.slug}`), "/report"];

  test.each(pages)("%s: no axis repeats a tick label", async (urlPath) => {
    const { page } = await openPage(site, urlPath);
    if (urlPath === "/report") await page.waitForSelector("[data-print-pending]", { state: "detached" });
    await page.waitForTimeout(300);
    const axes = await page.locator("svg").evaluateAll((svgs) =>
      svgs.flatMap((svg, i) =>
        [...svg.querySelectorAll("g[aria-label$='tick label']")].map((g) => ({
          chart: `${i} ${svg.closest("[data-target-id]")?.getAttribute("data-target-id") ?? ""} ${g.getAttribute("aria-label")}`,
          labels: [...g.querySelectorAll("text")].map((t) => t.textContent ?? ""),
        })),
      ),
    );
    await page.close();
    expect(axes.length, urlPath).toBeGreaterThan(0);
    const repeated = axes
      .map(({ chart, labels }) => ({ chart, labels, unique: new Set(labels).size }))
      .filter(({ labels, unique }) => unique < labels.length)
      .map(({ chart, labels }) => `${chart}: ${labels.join(" ")}`);
    expect(repeated, urlPath).toEqual([]);
  });
});
