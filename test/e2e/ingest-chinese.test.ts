// `npm run ingest` as the analyst reads it at the end of a run: datasets by their Chinese names, every
// line Chinese. The only Latin left is what the analyst types or finds elsewhere: file names, school codes,
// a reason code beside its words, a warehouse table named after the words 数据仓库表, encodings, commands.
import { afterAll, describe, expect, it } from "vitest";
import { reasonWords } from "../../src/shared/vocabulary.js";
import { cli, removeWorkspaces, workspace } from "../helpers/cli.ts";
import { csv, writeFiles } from "../helpers/ingest.ts";
import { isFileName, latinWordsOf } from "../helpers/latinWords.ts";

afterAll(removeWorkspaces);

const header = "年度,学校代码,年级,在籍学生数,筛查人数,近视人数";
const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办");

/** Encodings a user knows by these names (the message for an unreadable file lists them). */
const encodings = new Set(["UTF-8", "UTF-16", "GB18030", "GBK"]);

/** The Latin words of the output that are none of the allowed kinds. */
function foreignWords(out: string, dir: string): string[] {
  const remove = [
    /npm run [a-z]+/g,
    /数据仓库表 [a-z_]+/g,
    ...Object.entries(reasonWords).map(([code, words]) => new RegExp(`${words}\\(${code}\\)`, "g")),
  ];
  return latinWordsOf(out, [dir], remove).filter(
    (w) => !isFileName(w) && !encodings.has(w) && !/^[A-Z]{1,3}\d*$/.test(w),
  );
}

describe("npm run ingest speaks Chinese", () => {
  it("names datasets in Chinese in its summary, failures and corrections", () => {
    const w = workspace({
      "schools.csv": schools,
      // one row of a school not in the registry: rejected with its reason
      "vision/2021.csv": csv(header, "2021,S01,一年级,200,100,30", "2021,S99,二年级,200,100,30"),
      "vision/broken.csv": Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0xff, 0x0a, 0x80, 0xff]),
      "unknown.csv": csv("a,b", "1,2"),
    });
    const first = cli(["ingest", "--input", w.input, "--db", w.db]);
    expect(first.status).toBe(1);
    // the school sends its file again with another number: a correction
    writeFiles(w.input, { "vision/2021.csv": csv(header, "2021,S01,一年级,200,100,31") });
    const second = cli(["ingest", "--input", w.input, "--db", w.db]);
    for (const { stdout, stderr } of [first, second]) {
      const out = stdout + stderr;
      expect(foreignWords(out, w.dir), out).toEqual([]);
      expect(out).not.toMatch(/\bat |Error|undefined|null/);
    }
    const summaryRow = (out: string, name: string) => out.split("\n").find((l) => l.startsWith(name)) ?? "";
    expect(summaryRow(first.stdout, "视力筛查")).toMatch(/^视力筛查\s+2\s+1\s+1\s+0\s+1$/);
    expect(summaryRow(first.stdout, "学校名录")).toMatch(/^学校名录\s+1\s+1\s+0\s+0\s+0$/);
    expect(first.stdout).toContain("学校不存在(unknown_school) 1");
    expect(first.stdout).toContain("拒收明细见网站“数据质量”页");
    expect(second.stdout).toMatch(/更正：.*视力筛查/);
    // a file of no known dataset: the advice names the folder and file by the dataset's Chinese name
    expect(first.stderr).toContain("unknown.csv：无法判断数据集");
    expect(first.stderr).toContain("视力筛查/2021.csv");
  }, 300_000);
});
