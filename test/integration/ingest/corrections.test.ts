// Corrections: a school's latest submission of a dataset for a year stands. A later ingest run's rows
// of a school × dataset × year replace that school's earlier rows entirely (a key no longer sent is
// retired), history keeps every replaced row with the load that replaced it, and the corrections list
// counts what the later submission added, removed and changed. Expectations are worked out by hand.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { queryCorrections } from "../../../pipelines/lib/corrections.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type Files, type TempWarehouse } from "../../helpers/ingest.ts";

process.env.STUDENT_ID_SALT = "test-salt-更正-0123456789abcdef";

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办", "S02,第二小学,小学,公办");
const header = "年度,学校代码,年级,班级,班级人数";
/** S01's 2024 classes as first sent: 一年级2班 with 58 pupils was entered by mistake. */
const first = csv(
  header,
  "2024,S01,一年级,1班,45",
  "2024,S01,一年级,2班,58",
  "2024,S01,二年级,1班,40",
  "2024,S02,一年级,1班,44",
  "2023,S01,一年级,1班,50",
);
/** S01's corrected 2024 classes: 1班 the same, 2班 gone, 二年级1班 40 → 42, 二年级2班 new. */
const corrected = csv(header, "2024,S01,一年级,1班,45", "2024,S01,二年级,1班,42", "2024,S01,二年级,2班,39");

let open: TempWarehouse[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of open) w.cleanup();
  open = [];
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** One ingest run per element of `runs`: each writes its files into the same input folder first. */
async function ingestRuns(...runs: Files[]) {
  const w = await tempWarehouse();
  open.push(w);
  const input = tempDir();
  dirs.push(input);
  const outcomes = [];
  for (const files of runs) {
    writeFiles(input, files);
    outcomes.push(await runIngest(w.connection, { input, isSample: false }));
  }
  return { w, outcomes };
}

const classes = (w: TempWarehouse) =>
  w.rows(
    "select year, school_id, grade, class_name, students, source_file from class_sizes order by year, school_id, grade, class_name",
  );
/** Classes of 56 pupils or more of S01 in 2024 as stored, and the district's count (class.large_classes.compulsory). */
async function largeClasses(w: TempWarehouse) {
  await computeIndicators(w.connection, { families: ["class"] });
  const [school] = await w.rows<{ n: number }>(
    "select count(*)::integer as n from class_sizes where school_id = 'S01' and year = 2024 and students >= 56",
  );
  const [district] = await w.rows<{ value: number; status: string }>(
    `select value, status from indicator_values
     where target_id = 'class.large_classes.compulsory' and year = 2024 and school_id is null`,
  );
  return { school: school.n, district };
}

describe("a school's later submission replaces its earlier one", () => {
  it.each([
    [
      "under a new file name",
      { "class_sizes/班额更正.csv": corrected },
      "class_sizes/班额更正.csv",
      "loaded,unchanged",
    ],
    ["at the same path", { "class_sizes/班额.csv": corrected }, "class_sizes/班额.csv", "loaded"],
  ])("%s: the 58-pupil class is retired, S02 and 2023 stay", async (_label, second, later, statuses) => {
    const w = await tempWarehouse();
    open.push(w);
    const input = tempDir();
    dirs.push(input);
    writeFiles(input, { "schools.csv": schools, "class_sizes/班额.csv": first });
    await runIngest(w.connection, { input, isSample: false });
    expect(await largeClasses(w)).toEqual({ school: 1, district: { value: 1, status: "not_met" } });

    writeFiles(input, second);
    const outcomes = await runIngest(w.connection, { input, isSample: false });
    expect(
      outcomes
        .filter((o) => o.dataset === "class_sizes")
        .map((o) => o.status)
        .sort()
        .join(),
    ).toBe(statuses);
    expect(await largeClasses(w)).toEqual({ school: 0, district: { value: 0, status: "met" } });
    expect(await classes(w)).toEqual([
      {
        year: 2023,
        school_id: "S01",
        grade: "1",
        class_name: "1班",
        students: 50,
        source_file: "class_sizes/班额.csv",
      },
      { year: 2024, school_id: "S01", grade: "1", class_name: "1班", students: 45, source_file: later },
      { year: 2024, school_id: "S01", grade: "2", class_name: "1班", students: 42, source_file: later },
      { year: 2024, school_id: "S01", grade: "2", class_name: "2班", students: 39, source_file: later },
      {
        year: 2024,
        school_id: "S02",
        grade: "1",
        class_name: "1班",
        students: 44,
        source_file: "class_sizes/班额.csv",
      },
    ]);
    // history: every row of S01's first 2024 submission, the retired 58-pupil class among them, with the file that replaced it
    const [{ firstLoad }] = await w.rows<{ firstLoad: number }>(
      "select min(load_id) as firstLoad from ingest_log where dataset = 'class_sizes'",
    );
    expect(
      await w.rows(
        `select h.grade, h.class_name, h.students, h.source_file, h.load_id, l.source_file as replaced_by_file,
                h.replaced_by_load_id > h.load_id as later_load
         from class_sizes_history h join ingest_log l on l.load_id = h.replaced_by_load_id order by h.grade, h.class_name`,
      ),
    ).toEqual(
      [
        ["1", "1班", 45],
        ["1", "2班", 58],
        ["2", "1班", 40],
      ].map(([grade, class_name, students]) => ({
        grade,
        class_name,
        students,
        source_file: "class_sizes/班额.csv",
        load_id: firstLoad,
        replaced_by_file: later,
        later_load: true,
      })),
    );
    expect((await queryCorrections(w.connection)).map(({ loaded_at, ...c }) => c)).toEqual([
      {
        run_id: 2,
        dataset: "class_sizes",
        school_id: "S01",
        year: 2024,
        target_id: null,
        earlier_files: "class_sizes/班额.csv",
        later_files: later,
        added: 1, // 二年级2班
        removed: 1, // 一年级2班, the 58-pupil class
        changed: 1, // 二年级1班 40 → 42
      },
    ]);
  });

  it("takes a corrected workbook (班额更正.xlsx) like a corrected CSV file", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("班额");
    for (const line of corrected.trim().split("\r\n"))
      sheet.addRow(line.split(",").map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const { w } = await ingestRuns(
      { "schools.csv": schools, "class_sizes/班额.csv": first },
      { "class_sizes/班额更正.xlsx": xlsx },
    );
    expect(await largeClasses(w)).toEqual({ school: 0, district: { value: 0, status: "met" } });
    expect((await queryCorrections(w.connection)).map((c) => [c.later_files, c.added, c.removed, c.changed])).toEqual([
      ["class_sizes/班额更正.xlsx#班额", 1, 1, 1],
    ]);
  });

  it("changes nothing when the same files come again", async () => {
    const files = { "schools.csv": schools, "class_sizes/班额.csv": first };
    const { w, outcomes } = await ingestRuns(files, files);
    expect(outcomes[1].map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
    expect((await classes(w)).length).toBe(5);
    expect(await w.rows("select * from class_sizes_history")).toEqual([]);
    expect(await queryCorrections(w.connection)).toEqual([]);
    expect(await largeClasses(w)).toEqual({ school: 1, district: { value: 1, status: "not_met" } });
  });

  it("takes the files of one run as one submission: they add up; a later run replaces them together", async () => {
    const { w } = await ingestRuns(
      {
        "schools.csv": schools,
        "class_sizes/a.csv": csv(header, "2024,S01,一年级,1班,45"),
        "class_sizes/b.csv": csv(header, "2024,S01,二年级,1班,40"),
      },
      { "class_sizes/c.csv": csv(header, "2024,S01,一年级,1班,46") },
    );
    expect((await classes(w)).map((c) => [c.grade, c.students, c.source_file])).toEqual([
      ["1", 46, "class_sizes/c.csv"],
    ]);
    expect((await queryCorrections(w.connection)).map(({ loaded_at, run_id, ...c }) => c)).toEqual([
      {
        dataset: "class_sizes",
        school_id: "S01",
        year: 2024,
        target_id: null,
        earlier_files: "class_sizes/a.csv、class_sizes/b.csv",
        later_files: "class_sizes/c.csv",
        added: 0,
        removed: 1,
        changed: 1,
      },
    ]);
  });
});

describe("one key twice in a correcting run", () => {
  it("counts the key once, as its last version in the run", async () => {
    const { w } = await ingestRuns(
      { "schools.csv": schools, "class_sizes/a.csv": csv(header, "2024,S01,一年级,1班,45") },
      {
        "class_sizes/b.csv": csv(header, "2024,S01,一年级,1班,46"),
        "class_sizes/c.csv": csv(header, "2024,S01,一年级,1班,47"),
      },
    );
    expect((await classes(w)).map((c) => c.students)).toEqual([47]);
    expect((await queryCorrections(w.connection)).map((c) => [c.later_files, c.added, c.removed, c.changed])).toEqual([
      ["class_sizes/c.csv", 0, 0, 1],
    ]);
  });
});

describe("rows rejected in the earlier submission", () => {
  it("no longer leave the school's report incomplete once a later run brings its corrected rows", async () => {
    const rejectedOf = async (w: TempWarehouse) => {
      await computeIndicators(w.connection, { families: ["class"] });
      return w.rows(
        "select school_id, bool_or(rejected) as rejected from reports where dataset = 'class_sizes' and year = 2024 group by all order by school_id",
      );
    };
    const w = await tempWarehouse();
    open.push(w);
    const input = tempDir();
    dirs.push(input);
    // 200 pupils is out of range (1-150): the row is rejected and S01's report is not whole
    writeFiles(input, {
      "schools.csv": schools,
      "class_sizes/班额.csv": csv(
        header,
        "2024,S01,一年级,1班,45",
        "2024,S01,一年级,2班,200",
        "2024,S02,一年级,1班,44",
      ),
    });
    await runIngest(w.connection, { input, isSample: false });
    expect(await rejectedOf(w)).toEqual([
      { school_id: "S01", rejected: true },
      { school_id: "S02", rejected: false },
    ]);
    writeFiles(input, { "class_sizes/班额更正.csv": csv(header, "2024,S01,一年级,1班,45", "2024,S01,一年级,2班,40") });
    await runIngest(w.connection, { input, isSample: false });
    expect(await rejectedOf(w)).toEqual([
      { school_id: "S01", rejected: false },
      { school_id: "S02", rejected: false },
    ]);
  });
});

describe("the same rule for student records and for milestones", () => {
  it("retires a student the school's corrected records of the year no longer hold", async () => {
    const recordsHeader = "年度,学校代码,年级,学籍号,姓名,筛查日期,右眼裸眼视力,左眼裸眼视力";
    const a = "2021,S01,一年级,G001,王小明,2021-09-15,4.8,5.0";
    const b = "2021,S01,一年级,G002,李小红,2021-09-15,5.1,5.1";
    const c = "2020,S01,一年级,G002,李小红,2020-09-15,5.2,5.2";
    const { w } = await ingestRuns(
      { "schools.csv": schools, "vision_records/2021.csv": csv(recordsHeader, a, b, c) },
      { "vision_records/2021更正.csv": csv(recordsHeader, a.replace("4.8", "4.7")) },
    );
    expect(await w.rows("select year, va_right, source_file from vision_records order by year")).toEqual([
      { year: 2020, va_right: 5.2, source_file: "vision_records/2021.csv" },
      { year: 2021, va_right: 4.7, source_file: "vision_records/2021更正.csv" },
    ]);
    expect(await w.rows("select year, va_right from vision_records_history order by va_right")).toEqual([
      { year: 2021, va_right: 4.8 },
      { year: 2021, va_right: 5.1 },
    ]);
    const [correction] = await queryCorrections(w.connection);
    expect(correction).toMatchObject({ dataset: "vision_records", school_id: "S01", year: 2021 });
    expect(correction).toMatchObject({ added: 0, removed: 1, changed: 1 });
    // the list is published: a student file is not named (a school may name it after a pupil)
    expect(correction).toMatchObject({ earlier_files: "学生个案文件", later_files: "学生个案文件" });
  });

  it("takes a target's ledger of a year as the unit of milestones", async () => {
    const ledger = "指标编号,年度,统计日期,完成数";
    const { w } = await ingestRuns(
      {
        "schools.csv": schools,
        "milestones/2021.csv": csv(
          ledger,
          "preschool.anji_pilots,2021,2021-06-30,3",
          "preschool.anji_pilots,2021,2021-12-31,5",
          "party.brand_demo_points,2021,2021-12-31,2",
        ),
      },
      { "milestones/台账更正.csv": csv(ledger, "preschool.anji_pilots,2021,2021-12-31,6") },
    );
    expect(await w.rows("select target_id, achieved from milestones order by target_id")).toEqual([
      { target_id: "party.brand_demo_points", achieved: 2 },
      { target_id: "preschool.anji_pilots", achieved: 6 },
    ]);
    expect((await queryCorrections(w.connection)).map(({ loaded_at, run_id, ...c }) => c)).toEqual([
      {
        dataset: "milestones",
        school_id: null,
        year: 2021,
        target_id: "preschool.anji_pilots",
        earlier_files: "milestones/2021.csv",
        later_files: "milestones/台账更正.csv",
        added: 0,
        removed: 1,
        changed: 1,
      },
    ]);
  });
});
