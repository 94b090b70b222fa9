import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "./errors.ts";

/** parseArgs whose mistakes are usage errors (exit 2) with one Chinese line. */
export function parseOptions<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    const names = Object.keys(config.options ?? {})
      .map((n) => `--${n}`)
      .join(" ");
    const e = error as { code?: string; message: string };
    const name = /'([^']+)'/.exec(e.message)?.[1] ?? "";
    const what =
      e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `未知选项 ${name}`
        : e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
          ? `多余的参数 ${name}`
          : `选项 ${name} 的值有误`;
    throw new UserError(`参数有误：${what}。可用选项：${names || "（无）"}`, 2);
  }
}
