// A small static file server for the built site (npm start and the end-to-end tests).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

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

export function createStaticServer(dir: string): http.Server {
  return http.createServer((request, response) => {
    const file = resolveFile(dir, request.url ?? "/");
    const notFound = path.join(dir, "404.html");
    if (!file) {
      response.writeHead(404, { "content-type": types[".html"] });
      response.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "404");
      return;
    }
    response.writeHead(200, {
      "content-type": types[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    fs.createReadStream(file).pipe(response);
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
