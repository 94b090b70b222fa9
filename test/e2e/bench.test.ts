// `npm run bench -- --quick`: the benchmark's small version prints its one table with every row,
// and the figures that do not depend on the machine are right (no timing is asserted).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../pipelines/lib/paths.ts";

const tsx = path.join(root, "node_modules/.bin/tsx");
const bench = (...args: string[]) =>
  spawnSync(tsx, ["pipelines/cli.ts", "bench", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DEBUG: "" },
    timeout: 900_000,
  });

/** The table's rows as [measure, scale, result, target]. */
function rowsOf(stdout: string): string[][] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))
    .map((l) =>
      l
        .slice(2, -2)
        .split(" | ")
        .map((c) => c.trim()),
    );
}

const ratio = (text: string) => Number(/^([\d.]+) 倍/.exec(text)?.[1]);

describe("npm run bench -- --quick", () => {
  it("prints the machine, then one table with every row of both sections", () => {
    const { status, stdout, stderr } = bench("--quick");
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/^机器：\d+ 核，内存 [\d.]+ GB，Node v\d+\.\d+\.\d+，DuckDB v\d+\.\d+\.\d+，负载/);
    const rows = rowsOf(stdout);
    expect(rows[0]).toEqual(["测量项", "规模", "结果", "目标"]);
    const measures = rows.slice(1).map((r) => `${r[0]} @ ${r[1]}`);
    const records = (n: string) => [
      `记录导入 ÷ 下限（npm run ingest 全程 ÷ DuckDB read_csv） @ ${n}`,
      `记录导入 ÷ 含盐值哈希的下限（下限另存 sha256(盐:学籍号)，合同要求） @ ${n}`,
      `记录导入 ÷ 带行号的下限（含盐值哈希的下限另存每行行号；DuckDB 读 CSV 不给行号，须先按文件顺序复制一份） @ ${n}`,
      `记录导入耗时构成 @ ${n}`,
      `记录导入速度 @ ${n}`,
      `记录导入峰值内存 @ ${n}`,
      `记录拒收核对 @ ${n}`,
    ];
    const district = rows.find((r) => r[0].startsWith("区县导入"))![1];
    expect(district).toMatch(/^20 所学校（[\d,]+ 行）$/);
    expect(measures).toEqual([
      ...records("20,000 行（坏行 100）"),
      ...records("2,000 行（坏行 10）"),
      "记录导入增长 @ 2,000 → 20,000 行（10.00 倍）",
      "记录导入峰值内存增长 @ 2,000 → 20,000 行（10.00 倍）",
      `区县导入（npm run ingest，含指标） @ ${district}`,
      `指标计算（npm run indicators） @ ${district}`,
      `网站构建（npm run build） @ ${district}`,
      `Framework 下限（同样页数的空白页） @ ${district}`,
      `刷新（导入 + 构建） @ ${district}`,
      `数据未变时重新构建 @ ${district}`,
      `总览页传输 @ ${district}`,
      `学校页传输 @ ${district}`,
      `学校列表页传输 @ ${district}`,
      `领域页传输（办学条件与均衡） @ ${district}`,
      `PDF 导出（npm run export -- --site，网站已生成） @ ${district}`,
      `PDF 打印下限（同一 Chromium 打印静态的学校页） @ ${district}`,
      `学校报告 PDF 大小 @ ${district}`,
      `区级报告 PDF 大小 @ ${district}`,
      `PDF 字体（pdffonts：区级报告与最大的学校报告） @ ${district}`,
    ]);
    const cell = (measure: string, scale: string) => rows.find((r) => r[0] === measure && r[1] === scale)![2];
    // Every bad row of the generated file is rejected, every other row loaded.
    expect(cell("记录拒收核对", "20,000 行（坏行 100）")).toBe("导入 19,900 行，拒收 100 行，与坏行一致");
    expect(cell("记录拒收核对", "2,000 行（坏行 10）")).toBe("导入 1,990 行，拒收 10 行，与坏行一致");
    for (const r of rows.filter((r) => r[0].startsWith("记录导入 ÷ 下限"))) {
      expect(ratio(r[2])).toBeGreaterThan(0);
      expect(r[2]).toMatch(/；CPU 时间 [\d.]+ 倍（[\d.]+ 秒 ÷ [\d.]+ 秒）$/);
    }
    for (const r of rows.filter((r) => r[0].startsWith("记录导入 ÷ 含盐值哈希的下限"))) {
      expect(ratio(r[2])).toBeGreaterThan(0);
      expect(r[2]).toMatch(/；CPU 时间 [\d.]+ 倍（[\d.]+ 秒 ÷ [\d.]+ 秒）；含哈希的下限是下限的 [\d.]+ 倍$/);
    }
    for (const r of rows.filter((r) => r[0].startsWith("记录导入 ÷ 带行号的下限"))) {
      expect(ratio(r[2])).toBeGreaterThan(0);
      expect(r[2]).toMatch(
        /；CPU 时间 [\d.]+ 倍（[\d.]+ 秒 ÷ [\d.]+ 秒）；带行号的下限是含盐值哈希的下限的 [\d.]+ 倍$/,
      );
    }
    // Every step of a records file is named, with start-up and the rest, in the order they run.
    for (const r of rows.filter((r) => r[0] === "记录导入耗时构成"))
      expect(r[2].split("；").map((part) => part.replace(/ [\d.]+ 秒$/, ""))).toEqual([
        "启动与退出（npm、tsx）",
        "读文件与校验和",
        "读取、类型与规则",
        "重复检查",
        "写入（含盐值哈希）与拒收原因",
        "提交",
        "指标重算",
        "其他（检查、登记、日志）",
      ]);
    for (const r of rows.filter((r) => r[0] === "记录导入峰值内存"))
      expect(r[2]).toMatch(/^\d[\d.]* MB（带行号的下限 \d[\d.]* MB，含盐值哈希的下限 \d[\d.]* MB，下限 \d[\d.]* MB）$/);
    expect(cell("记录导入峰值内存增长", "2,000 → 20,000 行（10.00 倍）")).toMatch(
      /^[\d.]+ 倍（\d[\d.]* MB → \d[\d.]* MB；含盐值哈希的下限 [\d.]+ 倍）$/,
    );
    const built = /（CPU 时间 [\d.]+ 秒，页面 (\d+) 个，其中学校页 20 个，峰值内存 [\d.]+ MB）$/.exec(
      cell("网站构建（npm run build）", district),
    )!;
    // The floor builds as many pages as the site has: the 20 school pages and the others.
    expect(Number(built[1])).toBeGreaterThan(20);
    expect(cell("Framework 下限（同样页数的空白页）", district)).toMatch(
      new RegExp(`^[\\d.]+ 秒（${built[1]} 页，CPU 时间 [\\d.]+ 秒）；构建 ÷ 下限 [\\d.]+ 倍$`),
    );
    expect(cell("刷新（导入 + 构建）", district)).toMatch(/^[\d.]+ 秒（[\d.]+ 秒 \+ [\d.]+ 秒）$/);
    expect(cell("数据未变时重新构建", district)).toMatch(/^[\d.]+ 秒（沿用已生成的网站）$/);
    for (const page of ["总览页传输", "学校页传输", "学校列表页传输", "领域页传输（办学条件与均衡）"]) {
      const m = /^([\d.]+) MB（([\d,]+) 字节，(\d+) 个请求；gzip 压缩，未压缩 ([\d.]+) MB）$/.exec(
        cell(page, district),
      )!;
      expect(Number(m[2].replace(/,/g, ""))).toBeGreaterThan(10_000);
      expect(Number(m[3])).toBeGreaterThan(1);
      // Sent compressed, as the README's nginx does: the scripts and data shrink to well under half.
      expect(Number(m[4])).toBeGreaterThan(2 * Number(m[1]));
    }
    // Every PDF of the built site (the district report and one a school), beside the floor's rate.
    expect(cell("PDF 导出（npm run export -- --site，网站已生成）", district)).toMatch(
      /^[\d.]+ 秒（CPU 时间 [\d.]+ 秒，21 份，[\d.]+ 份\/秒，峰值内存 [\d.]+ MB）$/,
    );
    expect(cell("PDF 打印下限（同一 Chromium 打印静态的学校页）", district)).toMatch(
      /^[\d.]+ 份\/秒（20 份 [\d.]+ 秒）；导出速度为下限的 [\d.]+ 倍$/,
    );
    const school = /^中位 (\d+) KB，最大 (\d+) KB（\d+ 页）$/.exec(cell("学校报告 PDF 大小", district))!;
    expect(Number(school[2])).toBeLessThanOrEqual(200);
    const report = /^([\d.]+) MB（\d+ 页）$/.exec(cell("区级报告 PDF 大小", district))!;
    expect(Number(report[1])).toBeLessThanOrEqual(2);
    expect(cell("PDF 字体（pdffonts：区级报告与最大的学校报告）", district)).toMatch(/^CID TrueType .*；无 Type 3$/);
  }, 900_000);

  it("refuses an unknown section with one plain Chinese line and exit status 2", () => {
    const { status, stdout, stderr } = bench("--only", "everything");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe("参数有误：--only 应为 records、districts 或 workbooks");
  });
});
