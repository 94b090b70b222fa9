// The benchmark's one table, in Chinese, as Markdown (it reads in a terminal and pastes into a README).
import type { DistrictResult } from "./districts.ts";
import type { PageBytes } from "./pageBytes.ts";
import type { StepName } from "../ingest/steps.ts";
import type { Floor, RecordsResult } from "./records.ts";
import { pdfRows } from "./pdfTable.ts";
import { kb, mb, n, sec, times, type ResultRow } from "./units.ts";
import type { WorkbookCase } from "./workbooks.ts";

const stepLabels: Record<StepName, string> = {
  files_read: "读文件与校验和",
  records_typed: "读取、类型与规则",
  records_duplicates: "重复检查",
  records_stored: "写入（含盐值哈希）与拒收原因",
  records_committed: "提交",
  indicators: "指标重算",
};

/** "2.81 倍（11.5 秒 ÷ 4.1 秒）；CPU 时间 2.86 倍（19.3 秒 ÷ 6.7 秒）" */
function ratioText(ingest: { seconds: number; cpuSeconds: number }, floor: Floor): string {
  return (
    `${times(ingest.seconds / floor.seconds)}（${sec(ingest.seconds)} ÷ ${sec(floor.seconds)}）；` +
    `CPU 时间 ${times(ingest.cpuSeconds / floor.cpuSeconds)}（${sec(ingest.cpuSeconds)} ÷ ${sec(floor.cpuSeconds)}）`
  );
}

/** Where the ingest's wall time went: start-up and exit (npm, tsx), each step, and the rest. */
function stepsText(ingest: RecordsResult["ingest"]): string {
  const steps = Object.entries(ingest.steps) as [StepName, number][];
  const counted = steps.reduce((sum, [, s]) => sum + s, 0);
  return [
    `启动与退出（npm、tsx） ${sec(ingest.seconds - ingest.inProcessSeconds)}`,
    ...steps.map(([name, s]) => `${stepLabels[name]} ${sec(s)}`),
    `其他（检查、登记、日志） ${sec(Math.max(0, ingest.inProcessSeconds - counted))}`,
  ].join("；");
}

function recordRows(r: RecordsResult): ResultRow[] {
  const scale = `${n(r.input.rows)} 行（坏行 ${n(r.input.badRows)}）`;
  const { floor, hashedFloor, orderedFloor, ingest } = r;
  const agree = ingest.rejected === r.input.badRows && ingest.loaded === r.input.rows - r.input.badRows;
  return [
    ["记录导入 ÷ 下限（npm run ingest 全程 ÷ DuckDB read_csv）", scale, ratioText(ingest, floor), ""],
    [
      "记录导入 ÷ 含盐值哈希的下限（下限另存 sha256(盐:学籍号)，合同要求）",
      scale,
      `${ratioText(ingest, hashedFloor)}；含哈希的下限是下限的 ${times(hashedFloor.seconds / floor.seconds)}`,
      "1,000 万行时 ≤ 1.5 倍",
    ],
    [
      "记录导入 ÷ 带行号的下限（含盐值哈希的下限另存每行行号；DuckDB 读 CSV 不给行号，须先按文件顺序复制一份）",
      scale,
      `${ratioText(ingest, orderedFloor)}；带行号的下限是含盐值哈希的下限的 ${times(orderedFloor.seconds / hashedFloor.seconds)}`,
      "",
    ],
    ["记录导入耗时构成", scale, stepsText(ingest), ""],
    [
      "记录导入速度",
      scale,
      `${n(Math.round(r.input.rows / ingest.seconds))} 行/秒（下限 ${n(Math.round(r.input.rows / floor.seconds))} 行/秒）`,
      "",
    ],
    [
      "记录导入峰值内存",
      scale,
      `${mb(ingest.peakBytes)}（带行号的下限 ${mb(orderedFloor.peakBytes)}，含盐值哈希的下限 ${mb(hashedFloor.peakBytes)}，下限 ${mb(floor.peakBytes)}）`,
      "1,000 万行时 ≤ 2 GB",
    ],
    [
      "记录拒收核对",
      scale,
      `导入 ${n(ingest.loaded)} 行，拒收 ${n(ingest.rejected)} 行${agree ? "，与坏行一致" : "，与坏行不一致！"}`,
      "与坏行一致",
    ],
  ];
}

function growth(
  label: string,
  unit: string,
  sizes: [number, number],
  costs: [number, number],
  floor?: [number, number],
) {
  const [a, b] = sizes;
  const extra = floor ? `，下限 ${times(floor[1] / floor[0])}` : "";
  return [
    `${label}增长`,
    `${n(a)} → ${n(b)} ${unit}（${times(b / a)}）`,
    `耗时 ${times(costs[1] / costs[0])}${extra}`,
    "线性（耗时倍数 ≈ 规模倍数）",
  ] as ResultRow;
}

const transfer = (p: PageBytes) =>
  `${mb(p.bytes)}（${n(p.bytes)} 字节，${p.requests} 个请求；gzip 压缩，未压缩 ${mb(p.decoded)}）`;

/** Refresh targets by district size (the 目标 column of README, 性能). */
const refreshTargets: Record<number, string> = { 200: "≤ 20 秒", 1000: "≤ 60 秒", 5000: "≤ 5 分钟" };

function districtRows(d: DistrictResult): ResultRow[] {
  const floor = d.frameworkFloor;
  const scale = `${n(d.schools)} 所学校（${n(d.rows)} 行）`;
  return [
    [
      "区县导入（npm run ingest，含指标）",
      scale,
      `${sec(d.ingest.seconds)}（导入 ${n(d.ingest.loaded)} 行，拒收 ${n(d.ingest.rejected)} 行）`,
      "",
    ],
    ["指标计算（npm run indicators）", scale, sec(d.indicators.seconds), ""],
    [
      "网站构建（npm run build）",
      scale,
      `${sec(d.build.seconds)}（CPU 时间 ${sec(d.build.cpuSeconds)}，页面 ${n(d.build.pages)} 个，其中学校页 ${n(d.build.schoolPages)} 个，峰值内存 ${mb(d.build.peakBytes)}）`,
      "",
    ],
    [
      "Framework 下限（同样页数的空白页）",
      scale,
      `${sec(floor.seconds)}（${n(floor.pages)} 页，CPU 时间 ${sec(floor.cpuSeconds)}）；构建 ÷ 下限 ${times(d.build.seconds / floor.seconds)}`,
      "",
    ],
    [
      "刷新（导入 + 构建）",
      scale,
      `${sec(d.ingest.seconds + d.build.seconds)}（${sec(d.ingest.seconds)} + ${sec(d.build.seconds)}）`,
      refreshTargets[d.schools] ?? "",
    ],
    [
      "数据未变时重新构建",
      scale,
      `${sec(d.rebuild.seconds)}（${d.rebuild.kept ? "沿用已生成的网站" : "又生成了一遍！"}）`,
      "≤ 5 秒",
    ],
    ["总览页传输", scale, transfer(d.overview), "< 1 MB"],
    ["学校页传输", scale, transfer(d.school), "< 1 MB"],
    ["学校列表页传输", scale, transfer(d.schoolList), ""],
    [`领域页传输（${d.area.title}）`, scale, transfer(d.area), ""],
    ...pdfRows(d, scale),
  ];
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? kb(bytes) : mb(bytes));

/** One row per workbook case: `npm run check` time, CPU time and peak memory. */
function workbookRows(cases: WorkbookCase[]): ResultRow[] {
  return cases.map((c) => [
    `工作簿：${c.title}`,
    `文件 ${size(c.fileBytes)}，解压后 ${size(c.unpackedBytes)}`,
    `${sec(c.measured.seconds)}（CPU 时间 ${sec(c.measured.cpuSeconds)}，峰值内存 ${mb(c.measured.peakBytes)}，退出码 ${c.measured.code}）`,
    "有界，不影响其他文件",
  ]);
}

export function benchTable(
  records: RecordsResult[],
  districts: DistrictResult[],
  workbooks: WorkbookCase[] = [],
): string {
  const rows: ResultRow[] = [...workbookRows(workbooks)];
  const byRows = [...records].sort((a, b) => a.input.rows - b.input.rows);
  for (const r of [...byRows].reverse()) rows.push(...recordRows(r));
  if (byRows.length > 1) {
    const [a, b] = [byRows[0], byRows[byRows.length - 1]];
    rows.push(
      growth(
        "记录导入",
        "行",
        [a.input.rows, b.input.rows],
        [a.ingest.seconds, b.ingest.seconds],
        [a.floor.seconds, b.floor.seconds],
      ),
    );
    rows.push([
      "记录导入峰值内存增长",
      `${n(a.input.rows)} → ${n(b.input.rows)} 行（${times(b.input.rows / a.input.rows)}）`,
      `${times(b.ingest.peakBytes / a.ingest.peakBytes)}（${mb(a.ingest.peakBytes)} → ${mb(b.ingest.peakBytes)}；` +
        `含盐值哈希的下限 ${times(b.hashedFloor.peakBytes / a.hashedFloor.peakBytes)}）`,
      "≤ 1.3 倍（不随行数增长）",
    ]);
  }
  const bySchools = [...districts].sort((a, b) => a.schools - b.schools);
  for (const d of bySchools) rows.push(...districtRows(d));
  if (bySchools.length > 1) {
    const [a, b] = [bySchools[0], bySchools[bySchools.length - 1]];
    rows.push(growth("区县导入", "所学校", [a.schools, b.schools], [a.ingest.seconds, b.ingest.seconds]));
    rows.push(growth("网站构建", "所学校", [a.schools, b.schools], [a.build.seconds, b.build.seconds]));
    rows.push(growth("PDF 导出", "所学校", [a.schools, b.schools], [a.pdf.seconds, b.pdf.seconds]));
  }
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(["测量项", "规模", "结果", "目标"]), line(["---", "---", "---", "---"]), ...rows.map(line)].join("\n");
}
