// milestones: progress of every ledger target (applies_to = milestone), several as_of dates per year.
import { readTargetRows } from "../lib/registry.ts";
import type { District } from "./context.ts";
import { makeRng } from "./prng.ts";
import { num, type Row, type Table } from "./table.ts";

const quarters = [
  [3, 31],
  [6, 30],
  [9, 30],
  [12, 31],
];

/** Dates spelled the three accepted ways. */
function spell(year: number, [m, day]: number[], k: number): string {
  if (k % 3 === 0) return `${year}-${String(m).padStart(2, "0")}-${day}`;
  return k % 3 === 1 ? `${year}/${m}/${day}` : `${year}年${m}月${day}日`;
}

export function milestonesTable(d: District): Table {
  const rng = makeRng(d.seed, "milestones");
  const targets = readTargetRows().filter((t) => t.applies_to === "milestone");
  // the last two ledger targets fall short in the last year
  const short = new Set(targets.slice(-2).map((t) => t.target_id));
  const last = d.years[d.years.length - 1];
  const rows: Row[] = [];
  let k = 0;
  for (const year of d.years)
    for (const t of targets) {
      const threshold = Number(t.threshold);
      const ratio = t.unit === "ratio";
      const final =
        year === last && short.has(t.target_id) ? (ratio ? 0.96 : 0.75) : ratio ? 1 : rng.pick([1, 1.1, 1.3]);
      const n = year === last ? 3 : 4; // the last year is still running: no December figure yet
      for (let q = 0; q < n; q++) {
        const share = q === n - 1 ? 1 : Math.min(1, (q + 1) / n + rng.normal(0, 0.05));
        const achieved = ratio ? Math.min(1, 0.6 + 0.4 * share) * final : Math.round(threshold * final * share);
        const note =
          q === n - 1
            ? rng.pick(["", "按季度统计", "含新增项目，见区教委“项目台账”", "已完成年度任务,待验收\n（第二次核对）"])
            : "";
        rows.push({
          cells: {
            target_id: t.target_id,
            year: String(year),
            as_of: spell(year, quarters[q], k++),
            achieved: ratio ? num(achieved, 3) : num(achieved),
            note,
          },
        });
      }
    }
  rows.push({
    cells: { target_id: "party.unknown_pilots", year: String(last), as_of: `${last}-06-30`, achieved: "5", note: "" },
    defect: { code: "unknown_target", note: "指标编号party.unknown_pilots不在指标清单中" },
  });
  rows.push({
    cells: { target_id: targets[0]?.target_id ?? "", year: String(last), as_of: "", achieved: "2", note: "日期漏填" },
    defect: { code: "missing_required", note: "统计日期为空" },
  });
  return {
    dataset: "milestones",
    file: "milestones/milestones.csv",
    columns: ["target_id", "year", "as_of", "achieved", "note"],
    rows,
    layout: { encoding: "utf-8-bom", eol: "\r\n" },
  };
}
