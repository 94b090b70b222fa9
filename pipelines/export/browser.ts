// Debian's Chromium driven by playwright-core (never a downloaded browser). Missing, or without a Chinese
// font (the PDFs would show squares): one Chinese line saying what to install; without the print font, a warning.
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

/** Throws the install hint when fontconfig knows no font for Chinese (fc-list comes with Chromium's fontconfig). */
export function assertChineseFont(): void {
  const listed = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  if (listed.status === 0 && listed.stdout.trim() !== "") return;
  throw new UserError(
    `未找到中文字体，生成的 PDF 中汉字会显示为方框。请先安装：apt-get install -y fonts-noto-cjk fonts-wqy-microhei`,
  );
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
