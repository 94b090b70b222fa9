import { UserError } from "../lib/errors.ts";

export async function main(_args: string[]): Promise<number> {
  throw new UserError("该命令尚未实现。");
}
