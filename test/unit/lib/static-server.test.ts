// npm start's static server, without a build: clean URLs inside its folder only, and compression.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test } from "vitest";
import { createStaticServer, listen, resolveFile } from "../../../pipelines/lib/serve.ts";

test("the static server maps clean URLs and never leaves its folder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-serve-"));
  fs.mkdirSync(path.join(dir, "schools"));
  fs.writeFileSync(path.join(dir, "index.html"), "");
  fs.writeFileSync(path.join(dir, "schools", "S001.html"), "");
  expect(resolveFile(dir, "/")).toBe(path.join(dir, "index.html"));
  expect(resolveFile(dir, "/schools/S001?x=1#y")).toBe(path.join(dir, "schools", "S001.html"));
  expect(resolveFile(dir, "/../etc/passwd")).toBeNull();
  expect(resolveFile(dir, "/%2e%2e/%2e%2e/etc/passwd")).toBeNull();
  expect(resolveFile(dir, "/missing")).toBeNull();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("npm start's server gzips pages and data for a browser that accepts it, and sends PDFs as they are", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-gzip-"));
  const page = `<!doctype html><html lang="zh-CN"><body>${"<p>生均教学及辅助用房面积 4.5 平方米</p>".repeat(200)}</body></html>`;
  fs.writeFileSync(path.join(dir, "index.html"), page);
  fs.writeFileSync(path.join(dir, "404.html"), "<p>页面不存在</p>");
  const pdf = Buffer.from("%PDF-1.7 学校报告".repeat(100));
  fs.writeFileSync(path.join(dir, "report.pdf"), pdf);
  const server = createStaticServer(dir, { compress: true });
  const origin = await listen(server, 0);
  // Raw bytes as sent: Node's fetch would decode them.
  const get = (urlPath: string, encoding?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${origin}${urlPath}`, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  try {
    const zipped = await get("/", "gzip, deflate, br");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(zipped.body).toString("utf8")).toBe(page);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(page) / 10);

    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(page);

    const file = await get("/report.pdf", "gzip");
    expect(file.headers["content-encoding"]).toBeUndefined();
    expect(file.body.equals(pdf)).toBe(true);

    const missing = await get("/schools/X999", "gzip");
    expect(missing.status).toBe(404);
    expect(zlib.gunzipSync(missing.body).toString("utf8")).toContain("页面不存在");
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
