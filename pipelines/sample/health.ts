// health: TB screening of grade 11, vaccination certificate checks at entry, psychological checkups.
import { has, type District } from "./context.ts";
import { corrupt, sprinkle, thousands } from "./messiness.ts";
import { makeRng } from "./prng.ts";
import { sectionStudents, students } from "./roster.ts";
import { num, type Row, type Table } from "./table.ts";

export function healthTables(d: District): Table[] {
  const rng = makeRng(d.seed, "health");
  const cols = [
    "year",
    "school_id",
    "tb_required",
    "tb_screened",
    "vaccination_required",
    "vaccination_checked",
    "psych_required",
    "psych_checked",
  ];
  return d.years.map((year, yi) => {
    const rows: Row[] = [];
    const part = (req: number, p: number) =>
      rng.chance(p) ? req - rng.int(1, Math.max(1, Math.ceil(req * 0.05))) : req;
    for (const s of d.schools) {
      const cells: Record<string, string> = { year: String(year), school_id: s.id };
      if (has(s, "senior")) {
        const req = students(d.roster, year, s, "11");
        Object.assign(cells, { tb_required: num(req), tb_screened: num(part(req, 0.1)) });
      }
      const entry = has(s, "kindergarten") ? "K1" : has(s, "primary") ? "1" : undefined;
      if (entry) {
        const req = students(d.roster, year, s, entry);
        Object.assign(cells, { vaccination_required: num(req), vaccination_checked: num(part(req, 0.06)) });
      }
      const pupils = ["primary", "junior", "senior"].reduce(
        (n, sec) => n + (has(s, sec) ? sectionStudents(d.roster, year, s, sec) : 0),
        0,
      );
      if (pupils) {
        const req = pupils + Math.round(pupils / 14);
        Object.assign(cells, { psych_required: num(req), psych_checked: num(part(req, 0.1 - 0.03 * yi)) });
      }
      if (Object.keys(cells).length > 2) rows.push({ cells });
    }
    for (const r of rows) for (const c of cols) if (r.cells[c] === undefined && yi % 3 === 2) r.cells[c] = "无";
    sprinkle(rows, "psych_required", 7, thousands);
    if (yi === d.years.length - 1) {
      const row = corrupt(
        rows,
        rng,
        {},
        { code: "inconsistent", note: "高二结核病已筛查人数大于应筛查人数" },
        (r) => Boolean(r.cells.tb_required) && r.cells.tb_required !== "无",
      );
      if (row) row.cells.tb_screened = String(Number(row.cells.tb_required) + 5);
    }
    return {
      dataset: "health",
      file: `health/${year}.csv`,
      columns: cols,
      rows,
      layout: { encoding: "utf-8", eol: yi % 2 ? "\r\n" : "\n" },
    };
  });
}
