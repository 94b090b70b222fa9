// Which files to read, and which dataset each one is (rule: docs/interfaces.md, 输入目录的布局).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { datasetNames } from "../lib/seeds.ts";
import { headerKey } from "./header.ts";

export interface InputFile {
  absolute: string;
  /** Path relative to the input folder, with `/` separators. */
  relative: string;
  dataset: string | undefined;
  /** Why the file is not read at all (a symbolic link), in Chinese; it still gets its log row. */
  refused?: string;
}

const symlinkRefused = "是符号链接（快捷方式），为安全起见不读取它指向的文件：请把文件本身（而不是链接）放入输入文件夹";

const dataFile = /\.(csv|tsv|txt|xlsx|xls)$/i;

/** An Excel workbook by its name (.xlsx, or .xls as Excel 97–2003 and WPS save it). */
export const isWorkbookName = (name: string) => /\.xlsx?$/i.test(name);

/** Data files under `dir`; a symbolic link (to a file or a folder) is listed as refused, never followed. */
function walk(dir: string): { full: string; refused?: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    if (entry.name.startsWith("~$")) return [];
    if (entry.isSymbolicLink()) return [{ full, refused: symlinkRefused }];
    return entry.isFile() && dataFile.test(entry.name) ? [{ full }] : [];
  });
}

const datasetLabels = datasetNames();

/**
 * The dataset a name names, by the dataset's Chinese name or its code: `视力筛查`, `vision`, `视力筛查（2021）`,
 * `vision_2021`; with `anyEnding` (a file's name) a Chinese name may be followed by anything (`班额更正`).
 */
export function datasetOfName(name: string, names: string[], { anyEnding = false } = {}): string | undefined {
  const key = headerKey(name);
  const spellings = names.flatMap((n) => [
    { n, s: headerKey(n), chinese: false },
    ...(datasetLabels[n] ? [{ n, s: headerKey(datasetLabels[n]), chinese: true }] : []),
  ]);
  const exact = spellings.find(({ s }) => s === key);
  if (exact) return exact.n;
  const prefixed = spellings
    .sort((a, b) => b.s.length - a.s.length)
    .find(
      ({ s, chinese }) => key.startsWith(s) && ((anyEnding && chinese) || /^[\s_.\-(（\d年]/.test(key.slice(s.length))),
    );
  return prefixed?.n;
}

/**
 * The dataset a file belongs to: a folder named after it (视力筛查/ as vision/), else the longest name prefixing
 * the file name (vision_2021.csv), else the file name beginning with a dataset's Chinese name (视力筛查.csv, 班额更正.csv).
 */
export function datasetOf(relative: string, names: string[]): string | undefined {
  const parts = relative.split("/");
  const folders = parts.slice(0, -1).reverse();
  const folder = folders.map((f) => f.toLowerCase()).find((f) => names.includes(f));
  if (folder) return folder;
  const file = parts[parts.length - 1].toLowerCase();
  const byLength = [...names].sort((a, b) => b.length - a.length);
  const byCode = byLength.find((n) => file.startsWith(n) && /[_.\-]/.test(file.charAt(n.length)));
  if (byCode) return byCode;
  const chineseFolder = folders.map((f) => datasetOfName(f, names)).find(Boolean);
  if (chineseFolder) return chineseFolder;
  return datasetOfName(file.replace(/\.[a-z]+$/, ""), names, { anyEnding: true });
}

/** The registry files first (schools, then district_reference), then the rest in path order. */
const firstDatasets = ["schools", "district_reference"];

export function listInputFiles(input: string, names: string[]): InputFile[] {
  const files = walk(input).map(({ full: absolute, refused }): InputFile => {
    const relative = path.relative(input, absolute).split(path.sep).join("/");
    return { absolute, relative, dataset: datasetOf(relative, names), ...(refused ? { refused } : {}) };
  });
  const rank = (f: InputFile) => {
    const i = firstDatasets.indexOf(f.dataset ?? "");
    return i < 0 ? firstDatasets.length : i;
  };
  return files.sort((a, b) => rank(a) - rank(b) || (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/** True when the folder holds at least one data file. */
export function hasDataFiles(dir: string): boolean {
  return fs.existsSync(dir) && walk(dir).length > 0;
}

/**
 * A file's sha256 and its first `headBytes` bytes, read a chunk at a time: memory does not grow with
 * the file (a city's screening file is near a gigabyte).
 */
export function digestFile(
  file: string,
  headBytes: number,
  watch?: (chunk: Buffer) => void,
): { sha256: string; head: Buffer } {
  const hash = crypto.createHash("sha256");
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  let head: Buffer | undefined;
  const fd = fs.openSync(file, "r");
  try {
    for (let n = fs.readSync(fd, chunk); n > 0; n = fs.readSync(fd, chunk)) {
      head ??= Buffer.from(chunk.subarray(0, Math.min(n, headBytes)));
      hash.update(chunk.subarray(0, n));
      watch?.(chunk.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest("hex"), head: head ?? Buffer.alloc(0) };
}
