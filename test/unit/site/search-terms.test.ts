// The site's search index: Chinese text cut into terms a reader can type the start of.
import { expect, test } from "vitest";
import { expandChinese } from "../../../pipelines/site/search.ts";

test("search terms: every Chinese word becomes the prefix of a term", () => {
  const terms = expandChinese("深入推进近视防控工作，加强视力分段管理。S001").split(" ");
  expect(terms).toContain("分段管理");
  expect(terms).toContain("近视防控工作");
  expect(terms).toContain("S001");
  expect(terms.every((t) => Array.from(t).length <= 15)).toBe(true);
});
