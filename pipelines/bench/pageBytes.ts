// The bytes a page transfers: Chromium loads it from a plain static server until the network is
// idle, and the bodies of every response (HTML, JS, CSS, data files) are summed.
import { createStaticServer, listen } from "../lib/serve.ts";
import { launchChromium } from "../export/browser.ts";

export interface PageBytes {
  path: string;
  bytes: number;
  requests: number;
}

export async function pageBytes(dist: string, paths: string[]): Promise<PageBytes[]> {
  const server = createStaticServer(dist);
  const origin = await listen(server, 0);
  const browser = await launchChromium();
  try {
    const out: PageBytes[] = [];
    for (const urlPath of paths) {
      // A fresh context per page: nothing comes from the cache of the page before.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on("requestfinished", (request) => sizes.push(request.sizes().then((s) => s.responseBodySize)));
      await page.goto(origin + urlPath, { waitUntil: "networkidle", timeout: 120_000 });
      const bodies = await Promise.all(sizes);
      out.push({ path: urlPath, bytes: bodies.reduce((a, b) => a + b, 0), requests: bodies.length });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}
