// End to end, as a reader with a screen reader, a keyboard or a phone: every page type of the built sample
// site, at 390 px and at 1400 px, passes axe-core's WCAG 2.0 / 2.1 A and AA rules with no serious or
// critical violation (axe-core is read from node_modules and injected: no network); its headings never
// skip a level on the way down; no label, tooltip, placeholder or alternative text is in English; where
// the keyboard is shows; a reader who asks for reduced motion gets none.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { openSite, pageTypes, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

const axeSource = fs.readFileSync(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let site: Site;
/** The school with the most targets: its page shows every kind of card. */
let busiest: string;
/** School names and codes: what a school wrote, not words of the page (a test school is named with markup). */
let schoolData: string[];

async function open(urlPath: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(site.origin + (urlPath === "school" ? `/schools/${busiest}` : urlPath), {
    waitUntil: "networkidle",
  });
  if (urlPath === "/report") await page.waitForSelector("[data-print-pending]", { state: "detached" });
  await page.waitForTimeout(300); // charts take the width they get after the first layout
  return page;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe("accessibility (WCAG 2 AA)", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    [{ school_id: busiest }] = await queryRows<{ school_id: string }>(
      warehouse.connection,
      `select school_id from indicator_values where school_id is not null
       group by school_id order by count(distinct target_id) desc, school_id limit 1`,
    );
    const schools = await queryRows<{ school_id: string; name: string }>(
      warehouse.connection,
      "select school_id, name from schools",
    );
    warehouse.close();
    schoolData = schools.flatMap((s) => [s.school_id, s.name]);
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  const widths = [390, 1400];
  const cases = pageTypes.flatMap((p) => widths.map((width) => ({ ...p, width })));

  test.each(cases)(
    "$name ($path) at $width px: no serious or critical axe-core violation",
    async ({ path: urlPath, width }) => {
      const page = await open(urlPath, width);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(
        (tags) =>
          (
            window as unknown as {
              axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> };
            }
          ).axe
            .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
            .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes }))),
        wcag,
      );
      await page.close();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.help} — ` +
            v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | "),
        );
      expect(serious, `${urlPath} at ${width} px`).toEqual([]);
    },
    480_000,
  );

  test.each(pageTypes)("$name ($path): headings never skip a level on the way down", async ({ path: urlPath }) => {
    const page = await open(urlPath, 1400);
    const levels = await page
      .locator("#observablehq-main")
      .evaluate((main) =>
        [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")]
          .filter((h) => h.getClientRects().length > 0 || h.closest("details"))
          .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? "").trim().slice(0, 40) })),
      );
    await page.close();
    expect(levels[0]?.level, urlPath).toBe(1);
    const jumps = levels
      .slice(1)
      .filter((h, i) => h.level > levels[i].level + 1)
      .map((h, i) => `h${levels[i].level} → h${h.level} ${h.text}`);
    expect(jumps, urlPath).toEqual([]);
  });

  test.each(pageTypes)(
    "$name ($path): no English in a label, tooltip, placeholder or alternative text",
    async ({ path: urlPath }) => {
      const page = await open(urlPath, 1400);
      const texts = await page.evaluate(() => {
        const attributes = ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title"];
        const found: { where: string; text: string }[] = [];
        for (const element of document.querySelectorAll("*")) {
          if (element.closest("head, script, style, template")) continue;
          for (const name of [...attributes, "placeholder", "alt"]) {
            const value = element.getAttribute(name);
            if (value) found.push({ where: `${element.tagName.toLowerCase()}[${name}]`, text: value });
          }
          // an svg's <title> is the tooltip of the mark it sits in
          if (element.tagName.toLowerCase() === "title" && element.closest("svg"))
            found.push({ where: "svg title", text: element.textContent ?? "" });
        }
        return found;
      });
      await page.close();
      expect(texts.length, urlPath).toBeGreaterThan(0);
      const longestFirst = schoolData.filter((d) => /[A-Za-z]/.test(d)).sort((a, b) => b.length - a.length);
      const english = texts.flatMap(({ where, text }) => {
        let rest = text;
        for (const d of longestFirst) rest = rest.replaceAll(d, " ");
        // a word starts with a letter not glued to a digit; codes (S001) and units (m²) are no words
        const words = [...rest.matchAll(/(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_-]*(?![A-Za-z0-9²³_])/g)]
          .map(([w]) => w)
          .filter((w) => !allowed.has(w));
        return words.length ? [`${where}: ${words.join(" ")} ← ${text.slice(0, 80)}`] : [];
      });
      expect(english, urlPath).toEqual([]);
    },
    120_000,
  );

  test("the keyboard's place shows: a link reached with Tab has a clear outline", async () => {
    const page = await open("/", 1400);
    let outline = { style: "none", width: 0, tag: "" };
    for (let i = 0; i < 30 && !(outline.tag === "a" && outline.style !== "none"); i++) {
      await page.keyboard.press("Tab");
      outline = await page.evaluate(() => {
        const e = document.activeElement!;
        const style = getComputedStyle(e);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), tag: e.tagName.toLowerCase() };
      });
    }
    await page.close();
    expect(outline.tag).toBe("a");
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  test("a reader who asks for reduced motion sees nothing slide: the sidebar has no transition", async () => {
    const moving = async (reducedMotion: "reduce" | "no-preference") => {
      const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion });
      await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
      const durations = await page.evaluate(() =>
        [...document.querySelectorAll("body *")].flatMap((e) =>
          [getComputedStyle(e).transitionDuration, getComputedStyle(e).animationDuration].flatMap((d) =>
            d.split(", ").map(parseFloat),
          ),
        ),
      );
      await page.close();
      return durations.filter((d) => d > 0).length;
    };
    expect(await moving("no-preference")).toBeGreaterThan(0); // the sidebar slides in by default
    expect(await moving("reduce")).toBe(0);
  });
});

/** Latin words a label may hold: the file formats and the encoding of what a user downloads. */
const allowed = new Set(["CSV", "Excel", "PDF", "XLSX", "xlsx", "UTF"]);
