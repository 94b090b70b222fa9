// milestones: progress of every ledger target (applies_to = milestone), several as_of dates per year;
// a document the plan says to issue (unit documents) only in the plan's year, with its 文号 and 印发日期
// once issued (synthetic 文号: 示例〔2021〕N号).
import { readTargetRows } from "../lib/targets.ts";
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
  const ledger = readTargetRows().filter((t) => t.applies_to === "milestone");
  const targets = ledger.filter((t) => t.unit !== "documents");
  // the last two ledger targets fall short in the last year, and so do the last two of the building projects
  // (clause 36: 新开工 and 前期研究 fall below their counts after being met)
  const building = targets.filter((t) => String(t.clause) === "36");
  const short = new Set([...targets.slice(-2), ...building.slice(-2)].map((t) => t.target_id));
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
  rows.push(
    ...documentRows(
      d,
      ledger.filter((t) => t.unit === "documents"),
    ),
  );
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
    columns: ["target_id", "year", "as_of", "achieved", "note", "doc_number", "issued_on"],
    rows,
    layout: { encoding: "utf-8-bom", eol: "\r\n" },
  };
}

/**
 * The plan's documents in its year (the last), as of the first three quarters: each issued in a quarter
 * the seed picks, every fourth not issued yet (achieved 0, no 文号, no date).
 */
function documentRows(d: District, documents: Record<string, string>[]): Row[] {
  const rng = makeRng(d.seed, "documents");
  const year = d.years[d.years.length - 1];
  const rows: Row[] = [];
  documents.forEach((t, i) => {
    const quarter = i % 4 === 3 ? 3 : rng.int(0, 2);
    const month = quarters[Math.min(quarter, 2)][0] - rng.int(0, 2);
    const issuedOn = `${year}-${String(month).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    for (let q = 0; q < 3; q++) {
      const issued = q >= quarter;
      rows.push({
        cells: {
          target_id: t.target_id,
          year: String(year),
          as_of: spell(year, quarters[q], i + q),
          achieved: issued ? "1" : "0",
          note: issued || q < 2 ? "" : "征求意见中",
          doc_number: issued ? `示例〔${year}〕${10 + 7 * i}号` : "",
          issued_on: issued ? issuedOn : "",
        },
      });
    }
  });
  return rows;
}
