// The build runs without a network: the npm packages Framework would look up are known beforehand.
import { expect, test } from "vitest";
import { frameworkNpmNames } from "../../../pipelines/site/npmCache.ts";

test("Framework's npm look-ups are known without a network", () => {
  const names = frameworkNpmNames();
  for (const name of ["d3", "@observablehq/plot", "apache-arrow", "react-dom", "@duckdb/duckdb-wasm"]) {
    expect(names).toContain(name);
  }
});
