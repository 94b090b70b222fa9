// The repository explains its own rules (docs/README.md): a newcomer who clones it finds every
// document a comment, test or page cites inside it. Checked on every file git tracks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";

/** Files in the repository (git's index), `/` separators, that are text. */
function trackedTextFiles(): { file: string; text: string }[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0");
  return listed
    .filter((file) => file && fs.existsSync(path.join(root, file)))
    .map((file) => ({ file, text: fs.readFileSync(path.join(root, file), "utf8") }))
    .filter(({ text }) => !text.includes("\0"));
}

const files = trackedTextFiles();
const tracked = new Set(files.map((f) => f.file));

/** True when a cited path names a file or folder inside the repository: from the citing file, the root or src/. */
function resolves(citing: string, cited: string): boolean {
  const from = [path.dirname(path.join(root, citing)), root, path.join(root, "src")];
  return from.some((dir) => {
    const full = path.resolve(dir, cited);
    const inside = full === root || full.startsWith(root + path.sep);
    return inside && fs.existsSync(full);
  });
}

const commentLine = /^\s*(\/\/|\/\*|\*|--|#)/;

/**
 * Every path-like word of the files that matches, with the line it is on; a web address is not a path.
 * With `skipWrittenNames`, a whole string literal on a line of code (a fixture file name) is left out: a name
 * the code writes, not a document it cites.
 */
function citations(pattern: RegExp, skipWrittenNames = false): { file: string; line: number; cited: string }[] {
  const found: { file: string; line: number; cited: string }[] = [];
  for (const { file, text } of files) {
    const code = /\.(ts|js)$/.test(file);
    text.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(pattern)) {
        const before = line.slice(0, m.index);
        const quote = before.slice(-1);
        const literal = /["'`]/.test(quote) && line[m.index + m[0].length] === quote;
        if (/[a-z]+:\/\/\S*$/i.test(before)) continue;
        if (skipWrittenNames && code && literal && !commentLine.test(line)) continue;
        found.push({ file, line: i + 1, cited: m[0].replace(/[.,:;]+$/, "") });
      }
    });
  }
  return found;
}

const where = (c: { file: string; line: number; cited: string }) => `${c.file}:${c.line} ${c.cited}`;

describe("no file cites a document outside the repository", () => {
  it("finds the repository's files through git", () => {
    expect(tracked.has("README.md")).toBe(true);
    expect(files.length).toBeGreaterThan(100);
  });

  it("every path through a folder named shared is a file or folder of the repository (src/shared)", () => {
    const outside = citations(/[\w.\-/[\]]*\bshared\/[\w.\-/[\]]*/g).filter((c) => !resolves(c.file, c.cited));
    expect(outside.map(where)).toEqual([]);
  });

  it("every Markdown document named is one of the repository's files", () => {
    const outside = citations(/(?:[\w.\-/]|\[\w+\])+\.md\b/g, true).filter(
      (c) =>
        !resolves(c.file, c.cited) &&
        ![...tracked].some((t) => t === c.cited || t.endsWith(`/${c.cited.replace(/^(\.\.?\/)+/, "")}`)),
    );
    expect(outside.map(where)).toEqual([]);
  });

  it("no file sends its reader to an issue of the tracker, which a clone does not have", () => {
    expect(citations(/\bissues? #?\d+\b/gi).map(where)).toEqual([]);
  });

  it("every docs/ page cited exists at the root's docs/ folder", () => {
    const missing = citations(/\bdocs\/[\w.-]+\.md\b/g).filter((c) => !fs.existsSync(path.join(root, c.cited)));
    expect(missing.map(where)).toEqual([]);
  });
});

describe("docs/ is reachable", () => {
  const pages = fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md") && f !== "README.md");

  it("holds the rules in pages with Chinese titles", () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const page of pages) {
      const title = fs.readFileSync(path.join(root, "docs", page), "utf8").split("\n")[0];
      expect(title, page).toMatch(/^# .*[\u4e00-\u9fff]/);
    }
  });

  it("lists every page in its index, and the README links the index", () => {
    const index = fs.readFileSync(path.join(root, "docs", "README.md"), "utf8");
    expect(pages.filter((page) => !index.includes(`(${page})`))).toEqual([]);
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).toContain("(docs/README.md)");
  });
});
