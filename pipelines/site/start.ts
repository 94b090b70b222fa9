// `npm start -- [--db FILE] [--port N]`: refresh the warehouse from the default input, build the site,
// serve it at http://127.0.0.1:3000 with a plain static server (works with no network).
import { publishExports } from "../export/publish.ts";
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { warehousePath } from "../lib/paths.ts";
import { buildSite, ingestDefault } from "./build.ts";
import { distDir } from "./framework.ts";
import { createStaticServer, listen } from "./serve.ts";

export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { db: { type: "string" }, port: { type: "string" } } });
  const file = warehousePath(values.db);
  await ingestDefault(file);
  let published: string | null = null;
  await buildSite(file, distDir, { finish: async (dir) => void (published = await publishExports(file, dir)) });
  if (published) console.error(published);
  const server = createStaticServer(distDir);
  const port = Number(values.port ?? 3000);
  const origin = await listen(server, port).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      error.code === "EADDRINUSE"
        ? `端口 ${port} 已被占用，请关闭占用它的程序或加 --port 指定其他端口。`
        : `无法启动网站服务：${error.message}`,
    );
  });
  console.error(`指标监测网站：${origin}/ （按 Ctrl+C 停止）`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => server.close(() => resolve()));
    process.once("SIGTERM", () => server.close(() => resolve()));
  });
  return 0;
}
