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

/**
 * The file a URL path names inside dir: `/a` → a.html, `/a/` → a/index.html. Null when it is missing, not a
 * regular file, a dotfile or inside a dot folder (`.built-from`, `.building-*`), or — its real path resolved,
 * symbolic links followed — outside dir.
 */
export function resolveFile(dir: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  if (pathname.includes("\0")) return null;
  let base: string;
  try {
    base = fs.realpathSync(dir);
  } catch {
    return null;
  }
  const wanted = path.resolve(base, `.${path.posix.normalize(pathname)}`);
  if (!inside(base, wanted)) return null;
  const candidates = pathname.endsWith("/") ? [path.join(wanted, "index.html")] : [wanted, `${wanted}.html`];
  for (const candidate of candidates) {
    try {
      const real = fs.realpathSync(candidate);
      if (inside(base, real) && fs.statSync(real).isFile()) return real;
    } catch {
      // missing, or gone meanwhile (a rebuild replaced it): the next candidate
    }
  }
  return null;
}

/** Whether `file` lies inside `base` with no part of its path there hidden (starting with a dot). */
function inside(base: string, file: string): boolean {
  const relative = path.relative(base, file);
  if (relative === "") return true;
  if (path.isAbsolute(relative)) return false;
  return relative.split(path.sep).every((part) => part !== "" && !part.startsWith("."));
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

/** The methods the server answers; any other gets 405. */
const allowed = "GET, HEAD";

/**
 * The byte range a `Range: bytes=…` header asks of a file of `size` bytes: [start, end] inclusive; "whole" for
 * no header or one this server answers with the whole file (several ranges, another unit); "unsatisfiable" for
 * a range outside the file (416).
 */
export function byteRange(header: string | undefined, size: number): [number, number] | "whole" | "unsatisfiable" {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "whole";
  if (match[1] === "") {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? "unsatisfiable" : [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? "unsatisfiable" : [start, end];
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
  // The file is read through the descriptor it was measured by: a rebuild that replaces it meanwhile does not
  // mix two files in one response.
  let fd: number;
  let size: number;
  try {
    fd = fs.openSync(file, "r");
    size = fs.fstatSync(fd).size;
  } catch {
    response.writeHead(404, { "content-type": types[".html"] });
    return void response.end("404");
  }
  const range = status === 200 ? byteRange(request.headers.range, size) : "whole";
  if (status === 200) headers["accept-ranges"] = "bytes";
  const compressed = compress && compressible.has(ext);
  if (compressed) headers.vary = "Accept-Encoding";
  // A range is of the file's own bytes: it is sent as they are.
  const gzip = compressed && range === "whole" && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if (range === "unsatisfiable") {
    fs.closeSync(fd);
    response.writeHead(416, { ...headers, "content-range": `bytes */${size}`, "content-length": 0 });
    return void response.end();
  }
  const [start, end] = range === "whole" ? [0, size - 1] : range;
  if (gzip) headers["content-encoding"] = "gzip";
  else headers["content-length"] = end - start + 1;
  if (range !== "whole") headers["content-range"] = `bytes ${start}-${end}/${size}`;
  response.writeHead(range === "whole" ? status : 206, headers);
  if (request.method === "HEAD" || end < start) {
    fs.closeSync(fd);
    return void response.end();
  }
  // A file replaced by a rebuild while it is sent ends that response, not the server.
  const done = (error: NodeJS.ErrnoException | null) => error && response.destroy();
  const stream = fs.createReadStream("", { fd, start, end });
  if (gzip) pipeline(stream, zlib.createGzip(), response, done);
  else pipeline(stream, response, done);
}

/**
 * Serves the regular files inside `dir` (resolveFile), to GET and HEAD only (405 otherwise), with byte ranges
 * (206, or 416 outside the file) so that a large download — a PDF, a workbook, a CSV or Arrow file — can resume.
 */
export function createStaticServer(dir: string, { compress = false }: ServeOptions = {}): http.Server {
  return http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      request.resume(); // its body is read and dropped
      response.writeHead(405, { allow: allowed, "content-type": "text/plain; charset=utf-8" });
      return void response.end("只接受 GET 和 HEAD 请求。");
    }
    const file = resolveFile(dir, request.url ?? "/");
    if (file) return send(request, response, file, 200, compress);
    const notFound = resolveFile(dir, "/404.html");
    if (notFound) return send(request, response, notFound, 404, compress);
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
