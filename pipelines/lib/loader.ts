// What every data loader of the site does around its work: write its bytes to stdout, or, when it fails
// (a warehouse busy with an ingest, a damaged one, a full disk), one plain Chinese line on stderr and exit
// status 1 — never a stack trace (DEBUG=1 prints it).
import { writeStdout } from "./arrow.ts";
import { UserError } from "./errors.ts";
import { faultError } from "./faults.ts";

export async function runLoader(name: string, produce: () => Promise<Uint8Array | string>): Promise<void> {
  try {
    await writeStdout(await produce());
  } catch (error) {
    const known = error instanceof UserError ? error : faultError(error, { doing: `生成网站数据 ${name}` });
    const message =
      known?.message ?? `生成网站数据 ${name} 失败：${String((error as Error)?.message ?? error).split("\n")[0]}`;
    console.error(message);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  }
}
