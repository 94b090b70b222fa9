// One warehouse and one built site from careless or hostile input per test run, shared by the reliability
// files that read it (personal data, small numbers, escaping, rebuilds): student records whose ids and names
// are distinctive, a school whose name is markup and grades with few pupils. Built by whoever asks first,
// like the sample site (test/helpers/sampleSite.ts); the run's global teardown removes it.
import path from "node:path";
import { openWarehouse } from "../../pipelines/lib/warehouse.ts";
import { cli, type Workspace } from "./cli.ts";
import { csv, writeFiles } from "./ingest.ts";
import { oncePerRun, removeRunDir } from "./oncePerRun.ts";

export const markup = "<img src=x onerror=alert(1)>";
const stems = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰";
/** Student i (1-based): id ZX9Q00ii, name 测试姓名<stem>; the first three of each grade are myopic. */
export const students = [...stems].map((stem, i) => ({
  id: `ZX9Q${String(i + 1).padStart(4, "0")}`,
  name: `测试姓名${stem}`,
  grade: i < 12 ? "1" : "2",
  myopic: i < 3 || i === 12,
}));
const rejected = { id: "ZX9Q0099", name: "测试姓名午" };
export const personal = [...students.flatMap((s) => [s.id, s.name]), rejected.id, rejected.name];

// Careless or hostile input: a pupil's name as a file name and in a cell, id-card and phone numbers in
// cells and extra columns, a student number where the school code goes. None of it may be published.
export const idCards = ["500106200911303458", "500106201002151236"];
export const phone = "13812345678";
const hostileNames = ["测试姓名申", "测试姓名未", "测试姓名酉"];
export const published = [...hostileNames, ...idCards, phone];

const recordsHeader =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
export const input = {
  "schools.csv": csv(
    "学校代码,学校名称,办学类型,办学性质,所属镇街,学区集团",
    "S01,第一小学,小学,公办,井口镇,测试学区",
    `S02,${markup},小学,公办,井口镇,测试学区`,
    "S03,第三小学,小学,公办,井口镇,测试学区",
  ),
  "vision/2021.csv": csv(
    "年度,学校代码,年级,在籍学生数,筛查人数,近视人数",
    "2021,S01,一年级,120,120,30",
    "2021,S01,二年级,8,8,2",
    "2021,S02,一年级,50,50,10",
  ),
  "vision_records/2021.csv": csv(
    recordsHeader,
    ...students.map(
      (s) =>
        `2021,S03,${s.grade},${s.id},${s.name},女,2021-09-16,${s.myopic ? "4.8,5.0,-1.00" : "5.0,5.0,0.00"},0.00,否`,
    ),
    `2021,S03,1,${rejected.id},${rejected.name},男,2021-09-16,看不清,5.0,0.00,0.00,否`,
  ),
  "vision_records/测试姓名申.csv": csv(
    `${recordsHeader},身份证号,家长电话`,
    `2021,S03,1,${rejected.id},${rejected.name},测试姓名未,${idCards[0]},5.0,5.0,0.00,0.00,否,${idCards[0]},${phone}`,
  ),
  "vision/学生名单.csv": csv(
    "年度,学校代码,年级,在籍学生数,筛查人数,近视人数,学生姓名,身份证号",
    `2021,G${idCards[1]},一年级,10,10,1,测试姓名酉,${idCards[1]}`,
  ),
};

export interface HostileSite extends Workspace {
  /** The site built from the warehouse. Read it, or copy it before changing anything. */
  dist: string;
}

const name = "hostile-site";

export const removeHostileSite = () => removeRunDir(name);

/**
 * The run's hostile warehouse and site: ingested, then built while another reader holds the warehouse (the
 * build and its loaders only read, or they would fail). A failed build is told to every file that asks.
 */
export async function hostileSite(): Promise<HostileSite> {
  return paths(await oncePerRun(name, (dir) => build(paths(dir))));
}

const paths = (dir: string): HostileSite => ({
  dir,
  input: path.join(dir, "in"),
  db: path.join(dir, "w.duckdb"),
  dist: path.join(dir, "dist"),
});

/** Ingests and builds the site; what went wrong, or null. */
async function build(site: HostileSite): Promise<string | null> {
  writeFiles(site.input, input);
  const ingest = cli(["ingest", "--input", site.input, "--db", site.db]);
  if (ingest.status !== 0) return `ingest → ${ingest.status}\n${ingest.stderr}`;
  const reader = await openWarehouse(site.db, { readOnly: true });
  const build = cli(["build", "--db", site.db, "--out", site.dist]);
  reader.close();
  if (build.status !== 0) return `build → ${build.status}\n${build.stderr.slice(-3000)}`;
  return null;
}
