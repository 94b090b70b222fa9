// Debian's Chromium driven by playwright-core (never a downloaded browser). Missing: one Chinese line saying
// how to install it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { UserError } from "../lib/errors.ts";

const install = "apt-get install -y chromium fonts-noto-cjk fonts-wqy-microhei";

/** The CJK font the print stylesheet asks for (fonts-wqy-microhei): TrueType outlines, embedded as a subset. */
export const printFont = "WenQuanYi Micro Hei";

/** A one-line warning when fontconfig does not know the print font (the PDFs then embed Type 3 glyphs). */
export function printFontWarning(): string | null {
  const found = spawnSync("fc-list", [printFont, "family"], { encoding: "utf8" });
  if (found.error || found.stdout.trim()) return null;
  return `未找到打印字体“文泉驿微米黑”，PDF 将改用其他中文字体，文件会大数倍。可安装：apt-get install -y fonts-wqy-microhei`;
}

/** /usr/bin/chromium, or $CHROMIUM_PATH. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Throws the install hint when the browser is not there (checked before the minute-long site build). */
export function assertChromium(): void {
  const file = chromiumPath();
  if (!fs.existsSync(file)) {
    throw new UserError(`未找到 Chromium 浏览器（${file}），无法生成 PDF。请先安装：${install}`);
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  try {
    return await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
  } catch (error) {
    const reason = String((error as Error).message ?? error).split("\n")[0];
    throw new UserError(`无法启动 Chromium（${chromiumPath()}）：${reason}。可重新安装：${install}`);
  }
}
