// The one command line: `node --import tsx pipelines/cli.ts <command> [options]` (npm scripts in package.json;
// node loads tsx itself, which saves the child process the `tsx` command starts).
import { UserError } from "./lib/errors.ts";

type Command = { main(args: string[]): Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  ingest: () => import("./ingest/command.ts"),
  check: () => import("./ingest/check.ts"),
  templates: () => import("./ingest/templates.ts"),
  indicators: () => import("./indicators/command.ts"),
  build: () => import("./site/build.ts"),
  start: () => import("./site/start.ts"),
  export: () => import("./export/command.ts"),
  bench: () => import("./bench/command.ts"),
  sample: () => import("./sample/command.ts"),
};

const usage = `用法：npm run <命令> -- [选项]
命令：${Object.keys(commands).join("、")}`;

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.error(name ? `未知命令：${name}\n${usage}` : usage);
    return 2;
  }
  const command = await load();
  return command.main(args);
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
