// The site's pure parts, without a build: number formats, target → area mapping, search terms,
// localisation of the output and the static server's path handling and compression.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, test } from "vitest";
import { areas } from "../../src/shared/vocabulary.js";
import { localizeDist } from "../../pipelines/site/localize.ts";
import { frameworkNpmNames } from "../../pipelines/site/npmCache.ts";
import { expandChinese } from "../../pipelines/site/search.ts";
import { createStaticServer, listen, resolveFile } from "../../pipelines/lib/serve.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { formatChange, formatDelta, formatThreshold, formatValue, progressText } from "../../src/shared/format.js";
import { statusWords } from "../../src/shared/vocabulary.js";

describe("numbers in Chinese conventions", () => {
  test("units", () => {
    expect(formatValue(0.4523, "ratio")).toBe("45.2%");
    expect(formatValue(4.5, "m2")).toBe("4.5 平方米");
    expect(formatValue(2345, "yuan")).toBe("2,345元");
    expect(formatValue(123456, "yuan")).toBe("12.35万元");
    expect(formatValue(-0.006, "pp")).toBe("−0.6个百分点");
    expect(formatValue(0.85, "ratio", { share: true })).toBe("85%");
    expect(formatValue(null, "m2")).toBe("—");
  });
  test("thresholds and changes", () => {
    expect(formatThreshold(">=", 7.5, "m2")).toBe("≥ 7.5 平方米");
    expect(formatThreshold("<=", -0.005, "pp")).toBe("≤ −0.5个百分点");
    expect(formatThreshold("info", null, "ratio")).toBe("监测指标，无目标值");
    expect(formatChange(0.45, 0.43, "ratio")).toBe("+2个百分点");
    expect(formatChange(5, null, "m2")).toBe("—");
    expect(formatChange(0.99, 0.99002, "ratio")).toBe("0个百分点");
    expect(statusWords).toEqual({
      met: "达标",
      not_met: "未达标",
      incomplete: "数据不全",
      no_data: "无数据",
      info: "监测",
    });
  });
});

describe("a target's yearly movement in its own unit (进度)", () => {
  test("shares and rates in 个百分点, counts to one decimal, money in 元, a coefficient bare", () => {
    expect(formatDelta(-0.0526, "days", { share: true })).toBe("−5.3个百分点");
    expect(formatDelta(0.0003, "ratio")).toBe("+0.03个百分点");
    expect(formatDelta(0.00002, "ratio")).toBe("0个百分点");
    expect(formatDelta(-0.5, "projects")).toBe("−0.5 个");
    expect(formatDelta(-7, "classes")).toBe("−7 个");
    expect(formatDelta(150, "yuan")).toBe("+150元");
    expect(formatDelta(0.012, "coefficient")).toBe("+0.012");
    expect(formatDelta(0.0001, "coefficient")).toBe("0");
  });
  test("only a judged movement shows its numbers; an undecided latest year shows the reason alone", () => {
    const base = { target_id: "x", observed_rate: 0.1, required_rate: 0.2, target_year: 2025, first_year: 2019 };
    const movement = { latest_year: 2021, unit: "ratio", share: false, direction: 1, observed_change: 0.01 };
    expect(progressText({ ...base, ...movement, category: "incomplete", required_change: 0.02 })).toBe(
      "最新年度数据不全，暂不判断进度",
    );
    expect(progressText({ ...base, ...movement, category: "limited", required_change: 0.02 })).toBe(
      "进展有限（2019–2021年年均 +1个百分点；2025年达标需年均 +2个百分点）",
    );
  });
});

test("every target has an area page, milestones go to 重点任务 except preschool ones", () => {
  const slugs = new Set(areas.map((a) => a.slug));
  const targets = readTargets();
  for (const t of targets) expect(slugs.has(t.area), t.target_id).toBe(true);
  const areaOf = (id: string) => targets.find((t) => t.target_id === id)?.area;
  expect(areaOf("space.oversized_schools")).toBe("classes");
  expect(areaOf("preschool.anji_pilots")).toBe("preschool");
  expect(areaOf("construction.new_starts")).toBe("milestones");
  expect(areaOf("balance.cv.sports_area.junior")).toBe("balance");
  expect(targets.find((t) => t.target_id === "vision.myopia_rate_change")?.display_unit).toBe("pp");
});

test("search terms: every Chinese word becomes the prefix of a term", () => {
  const terms = expandChinese("深入推进近视防控工作，加强视力分段管理。S001").split(" ");
  expect(terms).toContain("分段管理");
  expect(terms).toContain("近视防控工作");
  expect(terms).toContain("S001");
  expect(terms.every((t) => Array.from(t).length <= 15)).toBe(true);
});

test("Framework's npm look-ups are known without a network", () => {
  const names = frameworkNpmNames();
  for (const name of ["d3", "@observablehq/plot", "apache-arrow", "react-dom", "@duckdb/duckdb-wasm"]) {
    expect(names).toContain(name);
  }
});

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

test("the static server maps clean URLs and never leaves its folder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-serve-"));
  fs.mkdirSync(path.join(dir, "schools"));
  fs.writeFileSync(path.join(dir, "index.html"), "");
  fs.writeFileSync(path.join(dir, "schools", "S001.html"), "");
  expect(resolveFile(dir, "/")).toBe(path.join(dir, "index.html"));
  expect(resolveFile(dir, "/schools/S001?x=1#y")).toBe(path.join(dir, "schools", "S001.html"));
  expect(resolveFile(dir, "/../etc/passwd")).toBeNull();
  expect(resolveFile(dir, "/%2e%2e/%2e%2e/etc/passwd")).toBeNull();
  expect(resolveFile(dir, "/missing")).toBeNull();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("npm start's server gzips pages and data for a browser that accepts it, and sends PDFs as they are", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-gzip-"));
  const page = `<!doctype html><html lang="zh-CN"><body>${"<p>生均教学及辅助用房面积 4.5 平方米</p>".repeat(200)}</body></html>`;
  fs.writeFileSync(path.join(dir, "index.html"), page);
  fs.writeFileSync(path.join(dir, "404.html"), "<p>页面不存在</p>");
  const pdf = Buffer.from("%PDF-1.7 学校报告".repeat(100));
  fs.writeFileSync(path.join(dir, "report.pdf"), pdf);
  const server = createStaticServer(dir, { compress: true });
  const origin = await listen(server, 0);
  // Raw bytes as sent: Node's fetch would decode them.
  const get = (urlPath: string, encoding?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${origin}${urlPath}`, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  try {
    const zipped = await get("/", "gzip, deflate, br");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(zipped.body).toString("utf8")).toBe(page);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(page) / 10);

    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(page);

    const file = await get("/report.pdf", "gzip");
    expect(file.headers["content-encoding"]).toBeUndefined();
    expect(file.body.equals(pdf)).toBe(true);

    const missing = await get("/schools/X999", "gzip");
    expect(missing.status).toBe(404);
    expect(zlib.gunzipSync(missing.body).toString("utf8")).toContain("页面不存在");
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
