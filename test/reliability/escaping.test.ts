// The site built from a school whose name is markup (test/helpers/hostileSite.ts): data strings are shown as
// text and no script runs.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { hostileSite, markup } from "../helpers/hostileSite.ts";

let dist: string;
let site: Site;

beforeAll(async () => {
  dist = (await hostileSite()).dist;
  site = await openSite(dist);
}, 1_200_000);

afterAll(async () => {
  await site?.close();
});

describe("data strings are rendered as text", () => {
  it("h() of the built dom.js makes text nodes of strings and drops script URLs", async () => {
    const built = fs.readdirSync(path.join(dist, "_import", "components")).find((f) => /^dom\.\w+\.js$/.test(f));
    expect(built).toBeDefined();
    const { page, dialogs } = await openPage(site, "/404");
    // A string, not a function: the test runner would rewrite a function's import().
    const url = `${site.origin}/_import/components/${built}`;
    const result = await page.evaluate(`(async () => {
      const { h } = await import(${JSON.stringify(url)});
      const p = h("p", { title: '"><img src=x onerror=alert(2)>' }, "<img src=x onerror=alert(1)>", ["<b>粗</b>"]);
      const a = h("a", { href: " javascript:alert(3)" }, "链接");
      document.body.append(p, a);
      return {
        html: p.innerHTML,
        nodes: [...p.childNodes].map((n) => n.nodeType),
        title: p.getAttribute("title"),
        href: a.getAttribute("href"),
        images: document.querySelectorAll("img").length,
      };
    })()`);
    expect(result).toEqual({
      html: "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;粗&lt;/b&gt;",
      nodes: [3, 3],
      title: '"><img src=x onerror=alert(2)>',
      href: null,
      images: 0,
    });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.each(["/schools/S02", "/schools", "/vision", "/quality", "/"])(
    "%s shows the school named with markup as literal text and runs nothing",
    async (urlPath) => {
      const { page, problems, dialogs } = await openPage(site, urlPath);
      if (urlPath === "/schools") {
        await page.locator("#observablehq-main input[type=search]").fill("onerror");
        await page.waitForFunction(() => document.querySelectorAll(".data-table tbody tr").length === 1);
      }
      if (urlPath === "/vision") await page.locator("form.filters select").last().selectOption("S02");
      if (urlPath !== "/quality" && urlPath !== "/") {
        await expect(page.locator("#observablehq-main").textContent()).resolves.toContain(markup);
      }
      await expect(page.locator('#observablehq-main img[src="x"]').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
