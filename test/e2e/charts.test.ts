// End to end: every chart of the sample site's area pages, the district report and a school page reads its
// axis without a repeated tick label (48%, 48%, 49% or 0 1 1 2 told apart), its unit once in the axis label;
// each is one image named by a Chinese sentence of what it shows, its values in a table beside it (not on
// paper). Plot's English names of its marks are kept as data-mark, where no screen reader reads them.
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
        [...svg.querySelectorAll("g[data-mark$='tick label']")].map((g) => ({
          chart: `${i} ${svg.closest("[data-target-id]")?.getAttribute("data-target-id") ?? ""} ${g.getAttribute("data-mark")}`,
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

  test.each(pages)("%s: every chart says in Chinese what it shows and lists its values in a table", async (urlPath) => {
    const { page } = await openPage(site, urlPath);
    if (urlPath === "/report") await page.waitForSelector("[data-print-pending]", { state: "detached" });
    const charts = await page.locator("svg[viewBox]:not(.sparkline)").evaluateAll((svgs) =>
      svgs
        .filter((svg) => !svg.closest(".plot-swatches, [class$='-swatches'], [class*='-swatch']"))
        .map((svg) => {
          const figure = svg.closest("figure.chart");
          const table = figure?.querySelector(":scope > details.chart-data table");
          return {
            chart: svg.closest("[data-target-id]")?.getAttribute("data-target-id") ?? svg.outerHTML.slice(0, 80),
            role: svg.getAttribute("role"),
            label: svg.getAttribute("aria-label") ?? "",
            summary: figure?.querySelector(":scope > details.chart-data > summary")?.textContent ?? "",
            rows: table ? table.querySelectorAll("tbody tr").length : 0,
            first: table?.querySelector("tbody tr th")?.textContent ?? "",
            marks: [...svg.querySelectorAll("[data-mark]")].length,
            englishNames: [...svg.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label")),
          };
        }),
    );
    // on paper (the PDFs are printed from these pages) the chart stands alone, its table left out
    await page.emulateMedia({ media: "print" });
    const printedTables = await page
      .locator("details.chart-data")
      .evaluateAll((ds) => ds.filter((d) => d.getClientRects().length > 0).length);
    await page.close();
    expect(printedTables, urlPath).toBe(0);
    expect(charts.length, urlPath).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.role, c.chart).toBe("img");
      expect(c.label, c.chart).toMatch(/^(折线图|柱状图|条形图|短线图)/);
      expect(c.label, c.chart).toContain(c.first); // the first year, or the school at the top
      expect(c.summary, c.chart).toBe("数据表");
      expect(c.rows, c.chart).toBeGreaterThan(0);
      expect(c.marks, c.chart).toBeGreaterThan(0);
      expect(c.englishNames, c.chart).toEqual([]);
    }
  });
});
