// The search index of the site grows with a school's name only up to a bound: a name of 100,000
// characters (which ingest rejects anyway) cannot make the build quadratic.
import { describe, expect, it } from "vitest";
import { initialsSuffixes } from "../../../pipelines/site/search.ts";

describe("search terms of a school's name", () => {
  it("still find a school by the initials of its name from any character on", () => {
    expect(initialsSuffixes("示例西永小学")).toEqual(["slxyxx", "lxyxx", "xyxx", "yxx", "xx"]);
  });

  it("are bounded for an absurdly long name: 60 characters, suffixes of at most 15 letters", () => {
    const terms = initialsSuffixes("示例西永小学".repeat(17_000));
    expect(terms).toHaveLength(59);
    expect(Math.max(...terms.map((t) => t.length))).toBe(15);
  });
});
