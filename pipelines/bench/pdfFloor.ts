// The floor of PDF printing: the same Chromium printing school pages of the built site set in as static
// HTML (scripts removed, the stylesheet inline: no server, no loading, no waiting), with the export's
// tabs, viewport and PDF options. What the export does on top of that is its own cost.
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "../export/browser.ts";
import { defaultTabs, pdfOptions } from "../export/pdf.ts";
import { viewport } from "../export/printTab.ts";

/** A built page as static HTML: no scripts, no module preloads, its stylesheets inline. */
export function staticPage(file: string): string {
  const html = fs.readFileSync(file, "utf8");
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "")
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_, href: string) => {
      const css = fs.readFileSync(path.resolve(path.dirname(file), href), "utf8");
      return `<style>${css}</style>`;
    });
}

/** Prints the first `count` school pages of `dist` as static pages into `out`; the wall time of the printing. */
export async function printFloor(dist: string, count: number, out: string): Promise<{ pdfs: number; seconds: number }> {
  const dir = path.join(dist, "schools");
  const pages = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .slice(0, count)
    .map((f) => ({ html: staticPage(path.join(dir, f)), file: path.join(out, f.replace(/\.html$/, ".pdf")) }));
  fs.mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  try {
    const started = performance.now();
    const queue = pages.slice();
    const worker = async () => {
      const context = await browser.newContext({ viewport, locale: "zh-CN" });
      const page = await context.newPage();
      await page.emulateMedia({ media: "print" });
      for (let next = queue.shift(); next; next = queue.shift()) {
        await page.setContent(next.html, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.pdf(pdfOptions({ urlPath: "", file: next.file, header: "学校报告", mark: "示例数据" }));
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: Math.min(defaultTabs, pages.length) }, worker));
    return { pdfs: pages.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await browser.close();
  }
}
