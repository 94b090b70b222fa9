// Printing built pages to A4 PDFs with page numbers: one browser, a few tabs at once, each page printed
// only when its cells have rendered (no chart missing, no error shown).
import type { Browser, Page } from "playwright-core";
import { escapeHtml as esc } from "../../src/shared/format.js";
import { UserError } from "../lib/errors.ts";

export interface PrintJob {
  urlPath: string; // e.g. /schools/5001060001
  file: string;
  header: string; // running head, left
  mark?: string; // running head, right (示例数据)
}

/** A4 less the side margins at 96 dpi: the page lays out as it will print, charts at their printed width. */
const viewport = { width: 703, height: 1000 };
const margin = { top: "16mm", bottom: "16mm", left: "12mm", right: "12mm" };
const renderTimeoutMs = 120_000;

/** True once Framework's cells have run: no loading marker, and no pending marker a page keeps until it is drawn. */
function rendered(): boolean {
  if (document.readyState !== "complete") return false;
  return !document.querySelector("observablehq-loading, [data-print-pending]");
}

function headerTemplate(job: PrintJob): string {
  return `<div style="font-size:8px;color:#666;width:100%;margin:0 12mm;display:flex;justify-content:space-between"><span>${esc(job.header)}</span><span>${esc(job.mark ?? "")}</span></div>`;
}

const footerTemplate = `<div style="font-size:8px;color:#666;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;

async function printOne(page: Page, origin: string, job: PrintJob): Promise<void> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message.split("\n")[0]);
  page.on("pageerror", onError);
  try {
    await page.goto(origin + job.urlPath, { waitUntil: "load", timeout: renderTimeoutMs });
    await page.waitForFunction(rendered, undefined, { timeout: renderTimeoutMs, polling: 100 }).catch(() => {
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
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.pdf({
      path: job.file,
      format: "A4",
      margin,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(job),
      footerTemplate,
      outline: true,
      tagged: true,
    });
  } finally {
    page.off("pageerror", onError);
  }
}

/** Prints every job with `tabs` pages of one browser; calls onPrinted after each file. */
export async function printAll(
  browser: Browser,
  origin: string,
  jobs: PrintJob[],
  { tabs = 3, onPrinted = (_job: PrintJob) => {} } = {},
): Promise<void> {
  const queue = jobs.slice();
  const worker = async () => {
    const context = await browser.newContext({ viewport, locale: "zh-CN" });
    const page = await context.newPage();
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        await printOne(page, origin, job);
        onPrinted(job);
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(tabs, jobs.length) }, worker));
}
