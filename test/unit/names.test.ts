// One name for one thing: no exported name is defined by two modules of pipelines/ or src/, so a reader who
// meets a name knows which module it comes from. A `.d.ts` beside a `.js` declares that same module.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";

/**
 * Names that several modules define on purpose, each with why:
 * - main: the entry of every command module (pipelines/<stage>/command.ts …), which pipelines/cli.ts calls by that name.
 */
const allowed = new Set(["main"]);

function codeFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !f.includes("/.observablehq/"));
}

/** The module a file is: `x.d.ts` declares `x.js`. */
const moduleOf = (file: string) => file.replace(/\.d\.ts$/, ".js");

/** The names a file defines and exports (declarations and `export { a, b as c }`; what it imports and exports again is not its own). */
function exportedNames(text: string): string[] {
  const imported = new Set(
    [...text.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}/gm)].flatMap((m) =>
      m[1].split(",").map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!
          .replace(/^type\s+/, ""),
      ),
    ),
  );
  const declared = [
    ...text.matchAll(
      /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
    ),
  ].map((m) => m[1]);
  const listed = [...text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm)].flatMap((m) =>
    m[1]
      .split(",")
      .map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!
          .replace(/^type\s+/, ""),
      )
      .filter((name) => name && !imported.has(name)),
  );
  return [...declared, ...listed];
}

/** Exported name → the modules that define it. */
function definitions(): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const file of [...codeFiles("pipelines"), ...codeFiles("src")]) {
    for (const name of exportedNames(fs.readFileSync(path.join(root, file), "utf8"))) {
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name)!.add(moduleOf(file));
    }
  }
  return byName;
}

describe("exported names", () => {
  const byName = definitions();

  it("finds the names the code exports", () => {
    expect([...byName.get("readTargets")!]).toEqual(["pipelines/lib/targets.ts"]);
    expect([...byName.get("formatValue")!]).toEqual(["src/shared/format.js"]);
  });

  it("are each defined by one module", () => {
    const twice = [...byName]
      .filter(([name, modules]) => modules.size > 1 && !allowed.has(name))
      .map(([name, modules]) => `${name}: ${[...modules].sort().join(", ")}`);
    expect(twice).toEqual([]);
  });
});
