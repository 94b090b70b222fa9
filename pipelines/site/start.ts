// Serving a built site at http://127.0.0.1:<port> with a plain static server (works with no network),
// until Ctrl+C: the last step of `npm start` (pipelines/cli.ts).
import { parseOptions } from "../lib/args.ts";
import { UserError } from "../lib/errors.ts";
import { warehousePath } from "../lib/paths.ts";
import { createStaticServer, listen } from "../lib/serve.ts";

/** The options of `npm start`: the warehouse and the port. */
export function startOptions(args: string[]): { file: string; port: number } {
  const { values } = parseOptions({ args, options: { db: { type: "string" }, port: { type: "string" } } });
  return { file: warehousePath(values.db), port: Number(values.port ?? 3000) };
}

export async function serveSite(dir: string, port: number): Promise<void> {
  const server = createStaticServer(dir, { compress: true });
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
}
