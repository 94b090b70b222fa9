// Reading a PDF as a user's tools do (poppler): its fonts and where its text sits on each page.
import { spawnSync } from "node:child_process";

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** `pdffonts FILE`, one entry a font. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
  return lines.map((line) => {
    // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: m[1], type: m[2], embedded: m[4] === "yes", subset: m[5] === "yes" };
  });
}

export interface PageText {
  width: number;
  height: number;
  /** Every word with its box, in points from the top left. */
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}

/** `pdftotext -bbox`: the words of every page with their boxes. */
export function pdfPagesText(file: string): PageText[] {
  const html = spawnSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [
      ...page[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((w) => ({ text: w[5], xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4] })),
  }));
}

/** How far down each page its body reaches (0–1 of the sheet), the running head and page number left out. */
export function pageFill(file: string, marginPt: number): number[] {
  return pdfPagesText(file).map((page) => {
    const body = page.words.filter((w) => w.yMin > marginPt && w.yMax < page.height - marginPt);
    return Math.max(0, ...body.map((w) => w.yMax)) / page.height;
  });
}
