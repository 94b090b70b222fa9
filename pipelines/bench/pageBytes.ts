// The bytes a page transfers: Chromium loads it from the static server of `npm start` (which gzips text and
// data files, as the README's nginx does) until the network is idle, and the bodies of every response (HTML,
// JS, CSS, data files) are summed, as sent and as decoded.
import { createStaticServer, listen } from "../lib/serve.ts";
import { launchChromium } from "../export/browser.ts";

export interface PageBytes {
  path: string;
  /** As sent over the network (gzip-compressed where the server compresses). */
  bytes: number;
  /** The same bodies decoded: what the page holds, and what a server without compression would send. */
  decoded: number;
  requests: number;
}

export async function pageBytes(dist: string, paths: string[]): Promise<PageBytes[]> {
  const server = createStaticServer(dist, { compress: true });
  const origin = await listen(server, 0);
  const browser = await launchChromium();
  try {
    const out: PageBytes[] = [];
    for (const urlPath of paths) {
      // A fresh context per page: nothing comes from the cache of the page before.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const sizes: Promise<{ sent: number; decoded: number }>[] = [];
      page.on("requestfinished", (request) =>
        sizes.push(
          (async () => {
            const sent = (await request.sizes()).responseBodySize;
            const body = await (await request.response())?.body().catch(() => null);
            return { sent, decoded: body?.length ?? sent };
          })(),
        ),
      );
      await page.goto(origin + urlPath, { waitUntil: "networkidle", timeout: 120_000 });
      const bodies = await Promise.all(sizes);
      const sum = (key: "sent" | "decoded") => bodies.reduce((a, b) => a + b[key], 0);
      out.push({ path: urlPath, bytes: sum("sent"), decoded: sum("decoded"), requests: bodies.length });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}
