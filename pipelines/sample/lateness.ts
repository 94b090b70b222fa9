// Late and partial reports in the last year, as a real district has them in the weeks after a deadline:
// a few schools send nothing, a combined school sends one section only, a grade leaves a count blank.
// Deterministic (the district's seed); a school whose rows carry a deliberate defect is never chosen,
// so every defect of defects.json stays in its file. A nine-year school also sends its facilities as
// one 全校 row (the combined-school split).
import { sectionWords } from "../../src/shared/vocabulary.js";
import type { District } from "./context.ts";
import type { School } from "./districts.ts";
import { makeRng } from "./prng.ts";
import { num, type Row, type Table } from "./table.ts";

/** One late or partial report, as the sample's README lists it. */
export interface LateReport {
  school: School;
  dataset: string;
  what: string;
}

const sectionColumns = { primary: "students_primary", junior: "students_junior", senior: "students_senior" };

export function makeLate(tables: Table[], d: District): LateReport[] {
  const year = String(d.years[d.years.length - 1]);
  const rng = makeRng(d.seed, "late");
  const last = (dataset: string) => tables.find((t) => t.dataset === dataset && t.file.includes(year));
  const late: LateReport[] = [];
  const used = new Set<string>(d.recordSchools.map((s) => s.id));
  const clean = (t: Table, s: School) =>
    !used.has(s.id) &&
    t.rows.some((r) => r.cells.school_id === s.id) &&
    !t.rows.some((r) => r.cells.school_id === s.id && r.defect);
  const choose = (t: Table, stage: string[]): School | undefined => {
    const school = rng.shuffle(d.schools.filter((s) => stage.includes(s.stage) && clean(t, s)))[0];
    if (school) used.add(school.id);
    return school;
  };
  const drop = (t: Table, keep: (r: Row) => boolean) => (t.rows = t.rows.filter(keep));

  const pe = last("pe");
  for (const stage of [["primary"], ["junior"]]) {
    const s = pe && choose(pe, stage);
    if (!pe || !s) continue;
    drop(pe, (r) => r.cells.school_id !== s.id);
    late.push({ school: s, dataset: "pe", what: "未报送体育与体质健康（迟报）" });
  }
  const blank = pe && choose(pe, ["primary"]);
  if (pe && blank) {
    pe.rows.find((r) => r.cells.school_id === blank.id)!.cells.fitness_tested = "—";
    late.push({
      school: blank,
      dataset: "pe",
      what: "一个年级的体质健康测试人数为空（该年级不计入体质健康合格率、优良率）",
    });
  }
  // a school of the stage sends nothing of the dataset in the last year
  const lateReport = (dataset: string, stages: readonly string[], what: string) => {
    const t = last(dataset);
    const s = t && choose(t, [...stages]);
    if (!t || !s) return;
    drop(t, (r) => r.cells.school_id !== s.id);
    late.push({ school: s, dataset, what });
  };
  lateReport("class_sizes", ["primary"], "未报送班额（迟报）");
  lateReport("health", ["junior"], "未报送卫生与心理健康（迟报）");
  lateReport("facilities", ["kindergarten"], "未报送办学条件（迟报）");
  const facilities = last("facilities");
  const partial = facilities && choose(facilities, ["nine_year"]);
  if (facilities && partial) {
    drop(facilities, (r) => !(r.cells.school_id === partial.id && r.cells.section === sectionWords.junior));
    late.push({ school: partial, dataset: "facilities", what: "只报了小学学段的办学条件，初中学段未报" });
  }
  const vision = last("vision");
  const halfVision = vision && choose(vision, ["complete_secondary"]);
  if (vision && halfVision) {
    drop(vision, (r) => !(r.cells.school_id === halfVision.id && Number(r.cells.grade) >= 10));
    late.push({ school: halfVision, dataset: "vision", what: "只报了初中年级的视力筛查，高中年级未报" });
  }
  const whole = facilities && choose(facilities, ["nine_year"]);
  if (facilities && whole) {
    wholeSchoolRow(facilities, whole);
    late.push({
      school: whole,
      dataset: "facilities",
      what: "办学条件报成一行“全校”，填了小学、初中在校生数（不算缺报：计算时按国家权重拆分到两个学段）",
    });
  }
  // after the others, so that the picks above stay as they were
  lateReport("school_tasks", ["primary"], "未报送学校重点工作落实（迟报）");
  lateReport("special_needs", ["junior"], "未报送特殊教育一人一案（迟报）");
  return late;
}

/** Replaces a combined school's section rows by one 全校 row with the pupils of each section. */
function wholeSchoolRow(t: Table, school: School): void {
  const mine = t.rows.filter((r) => r.cells.school_id === school.id);
  const sum = (column: string) => mine.reduce((n, r) => n + Number(r.cells[column].replace(/[, ]/g, "")), 0);
  const cells: Record<string, string> = { ...mine[0].cells, section: "全校" };
  for (const column of t.columns.slice(3)) cells[column] = num(sum(column), 1);
  for (const [section, column] of Object.entries(sectionColumns)) {
    const row = mine.find((r) => r.cells.section === sectionWords[section]);
    cells[column] = row ? row.cells.students.trim() : "";
  }
  const at = t.rows.indexOf(mine[0]);
  t.rows = t.rows.filter((r) => r.cells.school_id !== school.id);
  t.rows.splice(at, 0, { cells });
  for (const column of Object.values(sectionColumns)) if (!t.columns.includes(column)) t.columns.push(column);
}
