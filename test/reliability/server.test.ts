// The site's server (npm start, the exports' printing, the browser tests) asked as an attacker would, with real
// HTTP requests on 127.0.0.1: only the regular files inside the site folder, never a symbolic link out of it nor
// a dotfile (the build's own files), GET and HEAD only, and byte ranges so that a large download can resume.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer, listen } from "../../pipelines/lib/serve.ts";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let dir: string;
let outside: string;
let server: http.Server;
let origin: string;

/** A PDF-sized download of known bytes (0, 1, …, 255, 0, 1, …). */
const pdf = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 256));
const page = `<!doctype html><html lang="zh-CN"><body>${"<p>学校报告</p>".repeat(300)}</body></html>`;

beforeAll(async () => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "server-"));
  dir = path.join(top, "dist");
  outside = path.join(top, "secret.txt");
  fs.mkdirSync(path.join(dir, "exports", "schools"), { recursive: true });
  fs.writeFileSync(path.join(dir, "index.html"), page);
  fs.writeFileSync(path.join(dir, "404.html"), "<p>页面不存在</p>");
  fs.writeFileSync(path.join(dir, "exports", "district-report.pdf"), pdf);
  fs.writeFileSync(path.join(dir, "exports", "indicator_values.csv"), "\uFEFF指标编号,年度\r\nA01,2021\r\n");
  // What the build leaves beside the pages: the hash of its inputs, a build under way.
  fs.writeFileSync(path.join(dir, ".built-from"), "0123abcd\n");
  fs.mkdirSync(path.join(dir, ".building-4242"));
  fs.writeFileSync(path.join(dir, ".building-4242", "index.html"), "<p>半成品</p>");
  // Links a careless hand or an attacker with write access to dist could leave.
  fs.writeFileSync(outside, "机密：不在网站目录中");
  fs.symlinkSync(outside, path.join(dir, "secret.txt"));
  fs.symlinkSync("/etc/passwd", path.join(dir, "passwd"));
  fs.symlinkSync(path.dirname(outside), path.join(dir, "up"));
  fs.symlinkSync(path.join(dir, ".built-from"), path.join(dir, "built.txt"));
  // A link that stays inside the site is served.
  fs.symlinkSync(path.join(dir, "exports", "district-report.pdf"), path.join(dir, "report.pdf"));
  server = createStaticServer(dir, { compress: true });
  origin = await listen(server, 0);
});

afterAll(() => {
  server?.close();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

/** One raw request (the bytes as sent: Node's fetch would decode gzip and refuses a body on some methods). */
function ask(method: string, urlPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = method === "GET" || method === "HEAD" ? undefined : "x=1";
    if (body)
      headers = { ...headers, "content-type": "application/x-www-form-urlencoded", "content-length": body.length };
    const request = http.request(`${origin}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("what the server answers", () => {
  it("a symbolic link out of the site is not found, whatever it points to; one that stays inside is served", async () => {
    for (const urlPath of ["/secret.txt", "/passwd", "/up/secret.txt"]) {
      const answer = await ask("GET", urlPath);
      expect(answer.status, urlPath).toBe(404);
      expect(answer.body.toString("utf8"), urlPath).not.toMatch(/机密|root:/);
    }
    const inside = await ask("GET", "/report.pdf");
    expect(inside.status).toBe(200);
    expect(inside.body.equals(pdf)).toBe(true);
  });

  it("the build's dotfiles and folders are not found, named directly, encoded or through a link", async () => {
    for (const urlPath of [
      "/.built-from",
      "/%2Ebuilt-from",
      "/.building-4242/",
      "/.building-4242/index.html",
      "/.building-4242/index",
      "/exports/../.built-from",
      "/built.txt",
    ]) {
      const answer = await ask("GET", urlPath);
      expect(answer.status, urlPath).toBe(404);
      expect(answer.body.toString("utf8"), urlPath).not.toMatch(/0123abcd|半成品/);
    }
  });

  it("POST, PUT, DELETE and PATCH get 405 with the methods allowed, and change nothing", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      for (const urlPath of ["/", "/exports/district-report.pdf", "/missing"]) {
        const answer = await ask(method, urlPath);
        expect(answer.status, `${method} ${urlPath}`).toBe(405);
        expect(answer.headers.allow, `${method} ${urlPath}`).toBe("GET, HEAD");
      }
    }
    expect(fs.readFileSync(path.join(dir, "exports", "district-report.pdf")).equals(pdf)).toBe(true);
  });

  it("HEAD answers as GET would, with no body", async () => {
    const head = await ask("HEAD", "/exports/district-report.pdf");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(pdf.length));
    expect(head.headers["content-type"]).toBe("application/pdf");
    expect(head.headers["accept-ranges"]).toBe("bytes");
    expect(head.body.length).toBe(0);
    expect((await ask("HEAD", "/missing")).status).toBe(404);
  });

  it("a range of a download is sent as 206 with exactly its bytes; a range past the end is 416", async () => {
    const middle = await ask("GET", "/exports/district-report.pdf", { range: "bytes=1000-1999" });
    expect(middle.status).toBe(206);
    expect(middle.headers["content-range"]).toBe(`bytes 1000-1999/${pdf.length}`);
    expect(middle.headers["content-length"]).toBe("1000");
    expect(middle.body.equals(pdf.subarray(1000, 2000))).toBe(true);

    const rest = await ask("GET", "/exports/district-report.pdf", { range: "bytes=299000-" });
    expect(rest.status).toBe(206);
    expect(rest.body.equals(pdf.subarray(299_000))).toBe(true);

    const tail = await ask("GET", "/exports/district-report.pdf", { range: "bytes=-10" });
    expect(tail.status).toBe(206);
    expect(tail.headers["content-range"]).toBe(`bytes ${pdf.length - 10}-${pdf.length - 1}/${pdf.length}`);
    expect(tail.body.equals(pdf.subarray(pdf.length - 10))).toBe(true);

    const past = await ask("GET", "/exports/district-report.pdf", { range: `bytes=${pdf.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers["content-range"]).toBe(`bytes */${pdf.length}`);
    expect(past.body.length).toBe(0);
  });

  it("a range of a page is of its own bytes, not gzip's; a whole page still goes gzip-compressed", async () => {
    const part = await ask("GET", "/", { range: "bytes=0-14", "accept-encoding": "gzip" });
    expect(part.status).toBe(206);
    expect(part.headers["content-encoding"]).toBeUndefined();
    expect(part.body.toString("utf8")).toBe("<!doctype html>");

    const whole = await ask("GET", "/", { "accept-encoding": "gzip" });
    expect(whole.status).toBe(200);
    expect(whole.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(whole.body).toString("utf8")).toBe(page);

    const csv = await ask("GET", "/exports/indicator_values.csv", { range: "bytes=3-", "accept-encoding": "gzip" });
    expect(csv.status).toBe(206);
    expect(csv.body.toString("utf8")).toBe("指标编号,年度\r\nA01,2021\r\n");
  });
});
