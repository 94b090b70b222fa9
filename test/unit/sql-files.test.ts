// The SQL engine reads on its own: every macro is a SQL file (none is SQL text inside TypeScript), and
// every SQL file under pipelines/ says in its header what one of its rows (or its value) stands for.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";

function filesUnder(dir: string, ending: RegExp): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ending.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

describe("the SQL of pipelines/", () => {
  const sqlFiles = filesUnder("pipelines", /\.sql$/);

  it("defines no macro in TypeScript", () => {
    const defining = filesUnder("pipelines", /\.ts$/).filter((f) =>
      /create\s+(or\s+replace\s+)?(temp(orary)?\s+)?macro\b/i.test(fs.readFileSync(path.join(root, f), "utf8")),
    );
    expect(defining).toEqual([]);
  });

  it("defines each macro in a file of a macros/ folder named after it", () => {
    const macroFiles = sqlFiles.filter((f) => /create\s+(or\s+replace\s+)?(temp\s+)?macro\b/i.test(read(f)));
    expect(macroFiles.length).toBeGreaterThanOrEqual(9);
    for (const file of macroFiles) {
      const name = /macro\s+(\w+)\s*\(/i.exec(read(file))?.[1];
      expect(file).toBe(`${path.dirname(file)}/${name}.sql`);
      expect(path.basename(path.dirname(file))).toBe("macros");
    }
  });

  it("states each file's grain in its header comment", () => {
    const header = (f: string) =>
      read(f)
        .split("\n")
        .filter((l) => l.startsWith("--"))
        .join("\n");
    expect(sqlFiles.filter((f) => !/^-- grain:/m.test(header(f)))).toEqual([]);
  });
});

function read(file: string): string {
  return fs.readFileSync(path.join(root, file), "utf8");
}
