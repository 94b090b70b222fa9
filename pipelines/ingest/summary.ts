// What an ingest run says at the end: one table for people, one JSON object for scripts.
import { reasonWords } from "../../src/shared/vocabulary.js";
import { datasetNames } from "../lib/seeds.ts";
import type { FileOutcome } from "./run.ts";

export function summarise(outcomes: FileOutcome[]) {
  const byDataset = new Map<
    string,
    { files: number; loaded: number; rejected: number; unchanged: number; failed: number }
  >();
  const byReason: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.dataset ?? "（未知）";
    const s = byDataset.get(key) ?? { files: 0, loaded: 0, rejected: 0, unchanged: 0, failed: 0 };
    s.files++;
    s.loaded += o.rows_loaded;
    s.rejected += o.rows_rejected;
    if (o.status === "unchanged") s.unchanged++;
    if (o.status === "failed") s.failed++;
    byDataset.set(key, s);
    for (const [code, n] of Object.entries(o.reasons)) byReason[code] = (byReason[code] ?? 0) + n;
  }
  const total = [...byDataset.values()].reduce(
    (t, s) => ({
      files: t.files + s.files,
      loaded: t.loaded + s.loaded,
      rejected: t.rejected + s.rejected,
      unchanged: t.unchanged + s.unchanged,
      failed: t.failed + s.failed,
    }),
    { files: 0, loaded: 0, rejected: 0, unchanged: 0, failed: 0 },
  );
  return { byDataset: Object.fromEntries(byDataset), byReason, total };
}

const pad = (text: string | number, width: number) => {
  const s = String(text);
  const w = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return s + " ".repeat(Math.max(0, width - w));
};

/** The table printed at the end of a run: datasets by their Chinese names, reasons in words beside their codes. */
export function formatSummary(outcomes: FileOutcome[], seconds: number): string {
  const { byDataset, byReason, total } = summarise(outcomes);
  const names = datasetNames();
  const lines = [
    `${pad("数据集", 20)}${pad("文件", 6)}${pad("导入行", 10)}${pad("拒收行", 8)}${pad("未变化", 8)}失败文件`,
  ];
  for (const [name, s] of Object.entries(byDataset))
    lines.push(
      `${pad(names[name] ?? name, 20)}${pad(s.files, 6)}${pad(s.loaded, 10)}${pad(s.rejected, 8)}${pad(s.unchanged, 8)}${s.failed}`,
    );
  lines.push(
    `${pad("合计", 20)}${pad(total.files, 6)}${pad(total.loaded, 10)}${pad(total.rejected, 8)}${pad(total.unchanged, 8)}${total.failed}`,
  );
  const reasons = Object.entries(byReason).map(([code, n]) => `${reasonWords[code] ?? code}(${code}) ${n}`);
  if (reasons.length) lines.push(`拒收原因：${reasons.join("；")}`);
  // the table's name is for an analyst who queries the warehouse with SQL
  lines.push(`用时 ${seconds.toFixed(1)} 秒。拒收明细见网站“数据质量”页（数据仓库表 rejects）。`);
  return lines.join("\n");
}
