// A small static file server for the built site (npm start, the exports' printing and the end-to-end tests).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream";
import zlib from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file a URL path names inside dir: `/a` → a.html, `/a/` → a/index.html; null outside dir or missing. */
export function resolveFile(dir: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  const base = path.resolve(dir);
  const wanted = path.resolve(base, `.${path.posix.normalize(pathname)}`);
  if (wanted !== base && !wanted.startsWith(base + path.sep)) return null;
  const candidates = pathname.endsWith("/") ? [path.join(wanted, "index.html")] : [wanted, `${wanted}.html`];
  return candidates.find((f) => fs.existsSync(f) && fs.statSync(f).isFile()) ?? null;
}

/** Text and data files: gzip makes them 3–5 times smaller. PDFs, workbooks and images are compressed already. */
const compressible = new Set([".html", ".js", ".css", ".json", ".arrow", ".svg", ".csv", ".txt"]);

export interface ServeOptions {
  /**
   * Sends text and data files gzip-compressed to a browser that accepts it, as the README's nginx does: what a
   * phone on the intranet transfers (npm start). Off for the exports' printing, on this same machine.
   */
  compress?: boolean;
}

function send(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  file: string,
  status: number,
  compress: boolean,
) {
  const ext = path.extname(file);
  const headers: http.OutgoingHttpHeaders = {
    "content-type": types[ext] ?? "application/octet-stream",
    "cache-control": "no-cache",
  };
  const compressed = compress && compressible.has(ext);
  if (compressed) headers.vary = "Accept-Encoding";
  const gzip = compressed && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if (gzip) headers["content-encoding"] = "gzip";
  response.writeHead(status, headers);
  // A file replaced by a rebuild while it is sent ends that response, not the server.
  const done = (error: NodeJS.ErrnoException | null) => error && response.destroy();
  if (gzip) pipeline(fs.createReadStream(file), zlib.createGzip(), response, done);
  else pipeline(fs.createReadStream(file), response, done);
}

export function createStaticServer(dir: string, { compress = false }: ServeOptions = {}): http.Server {
  return http.createServer((request, response) => {
    const file = resolveFile(dir, request.url ?? "/");
    if (file) return send(request, response, file, 200, compress);
    const notFound = path.join(dir, "404.html");
    if (fs.existsSync(notFound)) return send(request, response, notFound, 404, compress);
    response.writeHead(404, { "content-type": types[".html"] });
    response.end("404");
  });
}

/** Starts a server on host:port (port 0: any free port) and resolves with its origin. */
export function listen(server: http.Server, port: number, host = "127.0.0.1"): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(`http://${host}:${typeof address === "object" && address ? address.port : port}`);
    });
  });
}
