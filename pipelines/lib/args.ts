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
    throw new UserError(`参数有误：${(error as Error).message}。可用选项：${names}`, 2);
  }
}
