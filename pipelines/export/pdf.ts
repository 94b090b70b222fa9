// Printing built pages to A4 PDFs with page numbers: one browser, a few tabs at once. A page complete as
// served (a school's report: its cards are static HTML) is set into a tab with scripts off and printed once
// loaded (setting its HTML into one document prints twice as fast as navigating to it); a page that draws
// with scripts (the district report) is opened and printed once its own markers are gone.
import type { Browser } from "playwright-core";
import { escapeHtml as esc } from "../../src/shared/format.js";
import { UserError } from "../lib/errors.ts";
import { printFont } from "./browser.ts";
import { drawWithScripts, pendingInHtml, renderTimeoutMs, Tab } from "./printTab.ts";

export interface PrintJob {
  urlPath: string; // e.g. /schools/5001060001
  file: string;
  header: string; // running head, left
  mark?: string; // running head, right (示例数据)
  preface?: string; // HTML set at the top of the page's main before printing (the school sheet's head)
}

/** Pages printing at once: while one tab loads its page, the others print. */
export const defaultTabs = 3;
const margin = { top: "16mm", bottom: "16mm", left: "12mm", right: "12mm" };

const templateStyle = `font-family:'${printFont}',sans-serif;font-size:8px;color:#666;width:100%`;

function headerTemplate(job: PrintJob): string {
  return `<div style="${templateStyle};margin:0 12mm;display:flex;justify-content:space-between"><span>${esc(job.header)}</span><span>${esc(job.mark ?? "")}</span></div>`;
}

const footerTemplate = `<div style="${templateStyle};text-align:center">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;

/**
 * Links that leave the page would point at the print server's passing address in the PDF: they are made
 * plain text (on paper they look the same). Links within the page stay, as the PDF's own links.
 */
function dropOutwardLinks(): void {
  for (const a of document.querySelectorAll("a[href]"))
    if (!a.getAttribute("href")!.startsWith("#")) a.removeAttribute("href");
}

/** The page's HTML as the site serves it. */
async function served(url: string, job: PrintJob): Promise<string> {
  const response = await fetch(url);
  if (!response.ok)
    throw new UserError(`页面 ${job.urlPath} 无法打开（HTTP ${response.status}），未生成 ${job.file}。`);
  return response.text();
}

async function printOne(tab: Tab, origin: string, job: PrintJob): Promise<void> {
  const url = origin + job.urlPath;
  const html = await served(url, job);
  let page = tab.plain;
  if (pendingInHtml.test(html)) {
    page = await tab.withScripts();
    await drawWithScripts(page, url, job);
  } else {
    // <base>: its stylesheet and links resolve as they do at its own address.
    const based = html
      .replace(/<head>/i, `<head><base href="${esc(url)}">`)
      .replace(/(<main id="observablehq-main"[^>]*>)/, (open) => `${open}${job.preface ?? ""}`);
    await page.setContent(based, { waitUntil: "load", timeout: renderTimeoutMs });
  }
  await page.evaluate(dropOutwardLinks);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.pdf(pdfOptions(job));
}

/** A4 with the running head and page numbers; the same for the benchmark's floor. */
export function pdfOptions(job: PrintJob) {
  return {
    path: job.file,
    format: "A4",
    margin,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(job),
    footerTemplate,
    // Untagged: the structure tree of the district report's tables weighed 6 of its 8 MB. Chromium writes
    // bookmarks only into a tagged PDF; the district report's summary links to each target instead.
    tagged: false,
    outline: false,
  };
}

/** Prints every job with `tabs` pages of one browser; calls onPrinted after each file. */
export async function printAll(
  browser: Browser,
  origin: string,
  jobs: PrintJob[],
  { tabs = defaultTabs, onPrinted = (_job: PrintJob) => {} } = {},
): Promise<void> {
  const queue = jobs.slice();
  const worker = async () => {
    const tab = await Tab.open(browser);
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        await printOne(tab, origin, job);
        onPrinted(job);
      }
    } finally {
      await tab.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(tabs, jobs.length) }, worker));
}
