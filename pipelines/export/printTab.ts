// The tabs PDFs are printed in, and how a page that draws with scripts is known to be drawn: by its own
// markers (Framework's loading cells, the page's [data-print-pending]), with no fixed delay and no waiting
// for the network to go idle.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { UserError } from "../lib/errors.ts";

/** A4 less the side margins at 96 dpi: the page lays out as it will print, charts at their printed width. */
export const viewport = { width: 703, height: 1000 };
export const renderTimeoutMs = 120_000;

/** What a page shows until its scripts have drawn it: Framework's loading cells, and a page's own marker. */
const pendingMarkers = "observablehq-loading, [data-print-pending]";
/** The same markers in the HTML as served. */
export const pendingInHtml = /<observablehq-loading[\s>]|\sdata-print-pending[\s>=]/;

/** True once the page has loaded and its scripts have removed every pending marker. */
function drawn(markers: string): boolean {
  return document.readyState === "complete" && !document.querySelector(markers);
}

/** One tab: a page with scripts off for the pages complete as served, one with scripts on made when needed. */
export class Tab {
  private contexts: BrowserContext[] = [];
  private scripted?: Page;
  private constructor(
    private browser: Browser,
    readonly plain: Page,
  ) {}

  static async open(browser: Browser): Promise<Tab> {
    const context = await browser.newContext({ viewport, locale: "zh-CN", javaScriptEnabled: false });
    const tab = new Tab(browser, await Tab.printPage(context));
    tab.contexts.push(context);
    return tab;
  }

  private static async printPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.emulateMedia({ media: "print" });
    return page;
  }

  async withScripts(): Promise<Page> {
    if (!this.scripted) {
      const context = await this.browser.newContext({ viewport, locale: "zh-CN" });
      this.contexts.push(context);
      this.scripted = await Tab.printPage(context);
    }
    return this.scripted;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
  }
}

/** Loads the page with its scripts and waits until they have drawn it; throws what the page showed as an error. */
export async function drawWithScripts(page: Page, url: string, job: { urlPath: string; file: string }): Promise<void> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message.split("\n")[0]);
  page.on("pageerror", onError);
  try {
    await page.goto(url, { waitUntil: "load", timeout: renderTimeoutMs });
    await page.waitForFunction(drawn, pendingMarkers, { timeout: renderTimeoutMs, polling: 50 }).catch(() => {
      throw new UserError(`页面 ${job.urlPath} 在 ${renderTimeoutMs / 1000} 秒内未完成渲染，未生成 ${job.file}。`);
    });
    const shown = await page
      .locator(".observablehq--error")
      .first()
      .textContent({ timeout: 1 })
      .catch(() => null);
    if (shown || errors.length) {
      throw new UserError(`页面 ${job.urlPath} 出错（${shown ?? errors[0]}），未生成 ${job.file}。`);
    }
  } finally {
    page.off("pageerror", onError);
  }
}
