// Which files to read, and which dataset each one is (contracts.md, "Input layout").
import fs from "node:fs";
import path from "node:path";

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

/** The dataset a file belongs to: a folder named after it, else the longest name prefixing the file name. */
export function datasetOf(relative: string, names: string[]): string | undefined {
  const parts = relative.split("/");
  const folders = parts.slice(0, -1).reverse();
  const folder = folders.map((f) => f.toLowerCase()).find((f) => names.includes(f));
  if (folder) return folder;
  const file = parts[parts.length - 1].toLowerCase();
  const byLength = [...names].sort((a, b) => b.length - a.length);
  return byLength.find((n) => file.startsWith(n) && /[_.\-]/.test(file.charAt(n.length)));
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
