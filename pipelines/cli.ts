// The one command line: `node --import tsx pipelines/cli.ts <command> [options]` (npm scripts in package.json;
// node loads tsx itself, which saves the child process the `tsx` command starts). It alone chains the
// stages: ingest → indicators (inside ingest), build → ingest when there is no warehouse → publish the
// exports into the site, export → build (or a copy of dist when it is current), start → ingest → build → publish → serve,
// dev → ingest when there is no warehouse → Framework's preview.
import fs from "node:fs";
import { UserError } from "./lib/errors.ts";

type Main = (args: string[]) => Promise<number>;

/** `npm run ingest`, then the indicators recomputed on the same open warehouse. */
async function ingest(args: string[]): Promise<number> {
  const { computeIndicators } = await import("./indicators/compute.ts");
  return (await import("./ingest/command.ts")).main(args, { recompute: (c) => computeIndicators(c) });
}

/** Ingests the default input into the warehouse (exit 1, a file rejected whole, still leaves a warehouse). */
async function ingestDefault(file: string): Promise<void> {
  const code = await ingest(["--db", file]);
  if (code !== 0 && code !== 1) throw new UserError(`导入失败（退出码 ${code}），未生成网站。`, code);
}

/** Builds the site with the exports made from the same data put into it before it replaces the previous one. */
async function buildAndPublish(file: string, out: string): Promise<"built" | "kept"> {
  const { buildSite } = await import("./site/build.ts");
  const { publishExports } = await import("./export/publish.ts");
  let published: string | null = null;
  const done = await buildSite(file, out, {
    finish: async (dir, data) => void (published = await publishExports(file, dir, undefined, data.facts)),
  });
  if (published) console.error(published);
  return done;
}

const commands: Record<string, Main> = {
  ingest,
  check: async (args) => (await import("./ingest/check.ts")).main(args),
  templates: async (args) => (await import("./ingest/templates/templates.ts")).main(args),
  indicators: async (args) => (await import("./indicators/command.ts")).main(args),
  build: async (args) => {
    const { file, out } = (await import("./site/build.ts")).buildOptions(args);
    const started = Date.now();
    if (!fs.existsSync(file)) {
      console.error(`数据仓库 ${file} 不存在，先导入默认输入……`);
      await ingestDefault(file);
    }
    const done = await buildAndPublish(file, out);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (done === "kept") console.error(`数据仓库和程序都没有变化，沿用已生成的网站：${out}（用时 ${seconds} 秒）`);
    else console.error(`网站已生成：${out}（用时 ${seconds} 秒）`);
    return 0;
  },
  start: async (args) => {
    const site = await import("./site/start.ts");
    const { distDir } = await import("./site/framework.ts");
    const { file, port } = site.startOptions(args);
    await ingestDefault(file);
    await buildAndPublish(file, distDir);
    await site.serveSite(distDir, port);
    return 0;
  },
  dev: async (args) => {
    const { devOptions, previewSite } = await import("./site/dev.ts");
    const { file } = devOptions(args);
    if (!fs.existsSync(file)) {
      console.error(`数据仓库 ${file} 不存在，先导入默认输入……`);
      await ingestDefault(file);
    }
    return previewSite(file, devOptions(args).port);
  },
  export: async (args) => {
    const { buildSite, copyCurrentSite } = await import("./site/build.ts");
    const { distDir } = await import("./site/framework.ts");
    // The PDFs are printed from dist when it shows this warehouse with this code, else from a new build.
    return (await import("./export/command.ts")).main(args, {
      buildSite: async (file, out, options) => {
        if (copyCurrentSite(distDir, file, out)) {
          console.error(`数据仓库和程序都没有变化，用已生成的网站 ${distDir} 打印 PDF。`);
          return "kept";
        }
        console.error("正在从同一数据仓库生成网站，用于打印 PDF……");
        return buildSite(file, out, options);
      },
    });
  },
  bench: async (args) => (await import("./bench/command.ts")).main(args),
  sample: async (args) => (await import("./sample/command.ts")).main(args),
};

const usage = `用法：npm run <命令> -- [选项]
命令：${Object.keys(commands).join("、")}`;

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `未知命令：${name}\n${usage}` : usage);
    return 2;
  }
  return command(args);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    if (error instanceof UserError) {
      console.error(error.message);
      if (process.env.DEBUG && error.cause) console.error(error.cause);
      process.exit(error.exitCode);
    }
    // A fault of the machine (a full disk, a damaged warehouse, …) that no command told in its own words.
    const fault = (await import("./lib/faults.ts")).faultError(error);
    if (fault) {
      console.error(fault.message);
      if (process.env.DEBUG) console.error(error);
      process.exit(fault.exitCode);
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`内部错误：${message.split("\n")[0]}（设置环境变量 DEBUG=1 可查看详情）`);
    if (process.env.DEBUG) console.error(error);
    process.exit(70);
  },
);
