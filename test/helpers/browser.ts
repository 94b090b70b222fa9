// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) over a built site served
// by the project's own static server, recording anything a user should never meet.
import type http from "node:http";
import { type Browser, type Dialog, type Page } from "playwright-core";
import { createStaticServer, listen } from "../../pipelines/lib/serve.ts";
import { launchChromium } from "../../pipelines/export/browser.ts";

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves `dist` as `npm start` does (gzip-compressed) on a free port and starts the browser, with the design's flags. */
export async function openSite(dist: string): Promise<Site> {
  const server: http.Server = createStaticServer(dist, { compress: true });
  const origin = await listen(server, 0);
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors, failed responses and requests off the origin. */
  problems: string[];
  /** alert/confirm/prompt dialogs the page opened (each dismissed). */
  dialogs: string[];
}

/** Opens a path of the site and waits for the network to settle. */
export async function openPage(site: Site, urlPath: string): Promise<OpenedPage> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on("dialog", (d: Dialog) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(site.origin) && !url.startsWith("data:")) problems.push(`off origin: ${url}`);
  });
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(site.origin + urlPath, { waitUntil: "networkidle" });
  return { page, problems, dialogs };
}

/** One page of every kind the site has ("school": the busiest school's page), for the tests that visit them all. */
export const pageTypes = [
  { path: "/", name: "总览" },
  { path: "/vision", name: "领域页" },
  { path: "/classes", name: "班额与规模" },
  { path: "/schools", name: "学校列表" },
  { path: "school", name: "学校页" },
  { path: "/quality", name: "数据质量" },
  { path: "/methods", name: "方法" },
  { path: "/report", name: "区级报告" },
  { path: "/downloads", name: "下载报告" },
  { path: "/no-such-page", name: "404" },
];
