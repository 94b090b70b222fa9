// Framework resolves the version of every `npm:` import of its own client code (the lazy stdlib:
// d3, Plot, DuckDB-WASM …) by asking registry.npmjs.org, unless a folder `<name>@<version>` exists in
// its cache. The site imports nothing from npm: (everything comes from node_modules), so these
// versions are never downloaded; seeding the folders answers the look-ups without a network.
import fs from "node:fs";
import path from "node:path";
import { root } from "../lib/paths.ts";

const clientDir = path.join(root, "node_modules", "@observablehq", "framework", "dist", "client");

/** Package names of every `npm:` specifier in Framework's client code. */
export function frameworkNpmNames(dir = clientDir): string[] {
  const names = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    for (const [, spec] of source.matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(spec);
  }
  return [...names].sort();
}

/** The installed version of a package, or 0.0.0 when it is not installed (its path is then never used). */
function installedVersion(name: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "0.0.0";
  }
}

/** Creates `<cacheDir>/_npm/<name>@<version>/` for every name; returns how many it made. */
export function seedNpmVersionCache(cacheDir: string): number {
  let made = 0;
  for (const name of frameworkNpmNames()) {
    const dir = path.join(cacheDir, "_npm", `${name}@${installedVersion(name)}`);
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made++;
    }
  }
  return made;
}
