// The PDF rows of the benchmark's table: the export beside its floor, sizes, fonts.
import type { DistrictResult } from "./districts.ts";
import { kb, mb, n, sec, times, type ResultRow } from "./units.ts";

const rate = (count: number, seconds: number) => `${(count / seconds).toFixed(2)} 份/秒`;
const pdfTargets: Record<number, string> = { 200: "≤ 60 秒（2 核）", 1000: "≤ 5 分钟（2 核）" };

/** "CID TrueType WenQuanYiMicroHei ×2；无 Type 3" */
function fontsText(fonts: DistrictResult["pdf"]["fonts"]): string {
  const type3 = fonts.filter((f) => f.type === "Type 3").reduce((sum, f) => sum + f.count, 0);
  const others = fonts.filter((f) => f.type !== "Type 3").map((f) => `${f.type} ${f.name} ×${f.count}`);
  return [...others, type3 ? `Type 3 字体 ${n(type3)} 个` : "无 Type 3"].join("；");
}

export function pdfRows(d: DistrictResult, scale: string): ResultRow[] {
  const { pdf } = d;
  const ratio = pdf.pdfs / pdf.seconds / (pdf.floor.pdfs / pdf.floor.seconds);
  return [
    [
      "PDF 导出（npm run export -- --site，网站已生成）",
      scale,
      `${sec(pdf.seconds)}（CPU 时间 ${sec(pdf.cpuSeconds)}，${n(pdf.pdfs)} 份，${rate(pdf.pdfs, pdf.seconds)}，峰值内存 ${mb(pdf.peakBytes)}）`,
      pdfTargets[d.schools] ?? "",
    ],
    [
      "PDF 打印下限（同一 Chromium 打印静态的学校页）",
      scale,
      `${rate(pdf.floor.pdfs, pdf.floor.seconds)}（${n(pdf.floor.pdfs)} 份 ${sec(pdf.floor.seconds)}）；导出速度为下限的 ${times(ratio)}`,
      "",
    ],
    [
      "学校报告 PDF 大小",
      scale,
      `中位 ${kb(pdf.school.medianBytes)}，最大 ${kb(pdf.school.maxBytes)}（${pdf.school.maxPages} 页）`,
      "≤ 200 KB",
    ],
    // the district report lists every school under every target: it grows with the district
    [
      "区级报告 PDF 大小",
      scale,
      `${mb(pdf.district.bytes)}（${pdf.district.pages} 页）`,
      d.schools === 200 ? "≤ 2 MB" : "",
    ],
    ["PDF 字体（pdffonts：区级报告与最大的学校报告）", scale, fontsText(pdf.fonts), "子集 CID 字体，无 Type 3"],
  ];
}
