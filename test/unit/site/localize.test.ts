// The built pages made Chinese after Framework's build: the page language and the search box's words.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { localizeDist } from "../../../pipelines/site/localize.ts";

test("the built pages get lang=zh-CN and Chinese search labels", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-parts-"));
  fs.mkdirSync(path.join(dir, "_observablehq"));
  fs.writeFileSync(path.join(dir, "index.html"), '<!DOCTYPE html>\n<html>\n<input type="search" placeholder="Search">');
  fs.writeFileSync(
    path.join(dir, "_observablehq", "search.1a2b3c.js"),
    'x=r.length===0?"<div>no results</div>":`<div>${r.length.toLocaleString("en-US")} result${r.length===1?"":"s"}</div>`;' +
      'o={processTerm:W(e=>e.slice(0,15).normalize("NFD").toLowerCase(),"processTerm")}',
  );
  expect(localizeDist(dir)).toEqual([]);
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).not.toContain('placeholder="Search"');
  const js = fs.readFileSync(path.join(dir, "_observablehq", "search.1a2b3c.js"), "utf8");
  expect(js).toContain("没有找到结果");
  expect(js).toContain('toLocaleString("zh-CN")} 条结果');
  // a typed school code is spelled as the index spells it (src/shared/search.js)
  const processTerm = new Function("W", `${js.split(";o=")[1].replace(/^/, "return ")}`)((f: unknown) => f);
  expect(processTerm.processTerm("5001060001")).toBe("nofaabagaaab");
  expect(processTerm.processTerm("西永")).toBe("西永");
  fs.rmSync(dir, { recursive: true, force: true });
});
