// One warehouse and one built site of the shipped sample (plus two schools with tricky names) per test run,
// shared by the end-to-end test files: building the sample's site takes a minute or two, and builds take turns.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, sampleDir } from "../../pipelines/lib/paths.ts";
import { oncePerRun, removeRunDir } from "./oncePerRun.ts";

export const markupSchool = { id: "E2E001", name: "<b>标记</b>&<i>测试</i>学校" };
export const formulaSchool = { id: "EXP001", name: "=1+1" };
/** An official name with full-width brackets, quotes and comma: stored and shown exactly as written. */
export const fullWidthSchool = { id: "FW0001", name: '重庆市凤鸣山中学（含"高中部"，初中部）' };

export interface SampleSite {
  /** The warehouse: read it, or copy it before writing. */
  db: string;
  /** The site built from it with no network (when `unshare -n` works). */
  dist: string;
}

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const offline = spawnSync("unshare", ["-n", "true"]).status === 0;

function run(args: string[], { noNetwork = false } = {}): void {
  const command = noNetwork ? ["unshare", "-n", tsx] : [tsx];
  const result = spawnSync(command[0], [...command.slice(1), "pipelines/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
  });
  if (result.status !== 0 && !(args[0] === "ingest" && result.status === 1)) {
    throw new Error(
      `${args.join(" ")} → ${result.status}\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-2000)}`,
    );
  }
}

const name = "sample-site";

export const removeSampleSite = () => removeRunDir(name);

/** The shared sample site of this test run, built by whoever asks first. */
export async function sampleSite(): Promise<SampleSite> {
  const dir = await oncePerRun(name, async (dir) => {
    buildFixtureSite(dir, sampleDir);
    return null;
  });
  return { db: path.join(dir, "warehouse.duckdb"), dist: path.join(dir, "dist") };
}

/**
 * Ingests `input`, then in a second ingest run the tricky schools and the `later` files (e.g. a school's
 * corrected class sizes), into `dir`/warehouse.duckdb and builds `dir`/dist offline.
 */
export function buildFixtureSite(dir: string, input: string, later: Record<string, string> = {}): SampleSite {
  const site: SampleSite = { db: path.join(dir, "warehouse.duckdb"), dist: path.join(dir, "dist") };
  fs.mkdirSync(dir, { recursive: true });
  run(["ingest", "--input", input, "--db", site.db]);
  const extra = path.join(dir, "extra");
  fs.mkdirSync(extra);
  fs.writeFileSync(
    path.join(extra, "schools_e2e.csv"),
    "学校代码,学校名称,办学类型,办学性质,所属镇街,学区集团\n" +
      `${markupSchool.id},"${markupSchool.name}",小学,公办,井口镇,测试学区\n` +
      `${formulaSchool.id},${formulaSchool.name},小学,公办,井口镇,测试学区\n` +
      `${fullWidthSchool.id},"${fullWidthSchool.name.replaceAll('"', '""')}",完全中学,公办,井口镇,测试学区\n`,
  );
  for (const [relative, text] of Object.entries(later)) {
    fs.mkdirSync(path.dirname(path.join(extra, relative)), { recursive: true });
    fs.writeFileSync(path.join(extra, relative), text);
  }
  run(["ingest", "--input", extra, "--db", site.db]);
  run(["build", "--db", site.db, "--out", site.dist], { noNetwork: offline });
  return site;
}
