// The layers of README (代码结构), checked on every import of the code base: a file may import only
// the layers its own layer may (README, 代码结构), and no chain of imports comes back to where it began.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";

/** Layer of a file, by the first matching folder (path relative to the root, `/` separators). */
const layerOf = (file: string): string | undefined =>
  [
    ["pipelines/cli.ts", "cli"],
    ["pipelines/ingest/", "ingest"],
    ["pipelines/indicators/", "indicators"],
    ["pipelines/site/", "site"],
    ["pipelines/export/", "export"],
    ["pipelines/sample/", "sample"],
    ["pipelines/bench/", "bench"],
    ["pipelines/lib/", "lib"],
    ["src/shared/", "shared"],
    ["src/data/", "loaders"],
    ["src/components/", "components"],
    ["src/", "pages"],
    ["observablehq.config.ts", "config"],
  ].find(([prefix]) => file === prefix || file.startsWith(prefix))?.[1];

/** What each layer may import besides itself (the layer table of README, 代码结构). */
const allowed: Record<string, string[]> = {
  cli: ["ingest", "indicators", "site", "export", "sample", "bench", "lib", "shared"],
  ingest: ["lib", "shared"],
  indicators: ["lib", "shared"],
  site: ["lib", "shared"],
  // the site build reaches the export as a function handed down by the command line, never as an import
  export: ["lib", "shared"],
  sample: ["lib", "shared"],
  // the benchmark drives the commands: the synthetic district, the ingest's step names, Chromium as the export
  // starts it, Framework's offline cache as the build seeds it (for the Framework floor)
  bench: ["lib", "shared", "sample", "ingest", "export", "site"],
  lib: ["shared"],
  shared: [],
  loaders: ["lib", "shared"],
  components: ["shared"],
  pages: ["components", "shared"],
  config: ["lib", "site", "shared"],
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js|md)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !f.includes("/.observablehq/"));
}

/** The project files a file imports (relative specifiers only; packages are not layers). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']/g)].map(
    (m) => m[1],
  );
  specifiers.push(...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

const files = [...sourceFiles("pipelines"), ...sourceFiles("src"), "observablehq.config.ts"];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe("the layers of the code", () => {
  it("finds the files of every layer", () => {
    const layers = new Set(files.map(layerOf));
    for (const layer of Object.keys(allowed)) expect(layers.has(layer), layer).toBe(true);
  });

  it("imports across layers only where the design allows", () => {
    const crossings: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file)!;
      for (const target of imports) {
        const to = layerOf(target);
        if (!to) crossings.push(`${file} → ${target} (outside every layer)`);
        else if (to !== from && !allowed[from].includes(to)) crossings.push(`${file} (${from}) → ${target} (${to})`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it("has no cycle of imports", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
