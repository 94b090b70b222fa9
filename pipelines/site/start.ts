// `npm start`: refresh the warehouse from the default input, build the site, serve it at 127.0.0.1:3000.
import { parseOptions } from "../lib/args.ts";
import { warehousePath } from "../lib/paths.ts";
import { buildSite, ingestDefault } from "./build.ts";
import { distDir } from "./framework.ts";
import { createStaticServer, listen } from "./serve.ts";

export async function main(args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { db: { type: "string" }, port: { type: "string" } } });
  const file = warehousePath(values.db);
  await ingestDefault(file);
  await buildSite(file);
  const server = createStaticServer(distDir);
  const origin = await listen(server, Number(values.port ?? 3000));
  console.error(`指标监测网站：${origin}/ （按 Ctrl+C 停止）`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => server.close(() => resolve()));
    process.once("SIGTERM", () => server.close(() => resolve()));
  });
  return 0;
}
