// Files that are not loaded are never lost without a word: a line of 33 MB, a symbolic link and fields
// beyond the header each leave an ingest_log row (or note) saying why, in Chinese, the command's summary
// counts the failed ones, and the other files of the run load.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runIngest } from "../../../pipelines/ingest/run.ts";
import { summarise } from "../../../pipelines/ingest/summary.ts";
import { csv, tempDir, tempWarehouse, writeFiles, type TempWarehouse } from "../../helpers/ingest.ts";

process.env.STUDENT_ID_SALT = "test-salt-unread-files-0123456789abcdef0123456789";

const schools = csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办");
const visionHeader = "年度,学校代码,年级,在籍学生数,筛查人数,近视人数";
const recordsHeader =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
const record = (id: string) => `2021,S01,1,${id},学生,男,2021-09-16,4.9,5.2,0.00,0.50,否`;

let open: TempWarehouse[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function ingest(build: (input: string) => void) {
  const w = await tempWarehouse();
  open.push(w);
  const input = tempDir();
  dirs.push(input);
  writeFiles(input, {
    "schools/schools.csv": schools,
    "vision/ok.csv": csv(visionHeader, "2021,S01,一年级,200,100,30"),
  });
  build(input);
  const outcomes = await runIngest(w.connection, { input, isSample: false });
  const logs = await w.rows<{ source_file: string; status: string; rows_loaded: number; message: string | null }>(
    "select source_file, status, rows_loaded, message from ingest_log where dataset is distinct from 'schools' order by source_file",
  );
  return { w, outcomes, logs };
}

describe("files not loaded get a log row saying why", () => {
  it("a student records file whose last line is 33 MB fails whole, naming the line; the summary counts it", async () => {
    const { outcomes, logs } = await ingest((input) =>
      writeFiles(input, {
        "vision_records/2021.csv": `${recordsHeader}\n${record("ZX9Q0001")}\n${"9".repeat(33 * 1024 * 1024)}`,
      }),
    );
    expect(logs).toEqual([
      { source_file: "vision/ok.csv", status: "loaded", rows_loaded: 1, message: null },
      {
        source_file: "vision_records/2021.csv",
        status: "failed",
        rows_loaded: 0,
        message: "第 3 行长 33.0 MB，超过每行上限 1.0 MB，不像是数据：整个文件未导入，请检查该行后重新发送",
      },
    ]);
    expect(summarise(outcomes).byDataset.vision_records).toMatchObject({ files: 1, failed: 1, loaded: 0 });
  });

  it("a symbolic link, to a file or to a folder, is not followed and is logged as refused", async () => {
    const outside = tempDir();
    dirs.push(outside);
    writeFiles(outside, { "secret.csv": csv(visionHeader, "2021,S01,二年级,200,100,30") });
    const { outcomes, logs } = await ingest((input) => {
      fs.symlinkSync(path.join(outside, "secret.csv"), path.join(input, "vision", "link.csv"));
      fs.symlinkSync(outside, path.join(input, "vision", "linked-folder"));
    });
    const refused = "是符号链接（快捷方式），为安全起见不读取它指向的文件：请把文件本身（而不是链接）放入输入文件夹";
    expect(logs).toEqual([
      { source_file: "vision/link.csv", status: "failed", rows_loaded: 0, message: refused },
      { source_file: "vision/linked-folder", status: "failed", rows_loaded: 0, message: refused },
      { source_file: "vision/ok.csv", status: "loaded", rows_loaded: 1, message: null },
    ]);
    expect(summarise(outcomes).total).toMatchObject({ failed: 2 });
  });

  it("fields beyond the header are said in the log, with their lines; the known fields load", async () => {
    const { logs } = await ingest((input) =>
      writeFiles(input, {
        "vision/ragged.csv": csv(
          visionHeader,
          "2021,S01,二年级,200,100,20,备注：多写了一列",
          "2021,S01,三年级,200,100,20",
        ),
      }),
    );
    expect(logs).toContainEqual({
      source_file: "vision/ragged.csv",
      status: "loaded",
      rows_loaded: 2,
      message: "第 2 行比表头多出内容（表头共 6 列），多出的内容未读取",
    });
  });

  it("so are a student records file's, read by DuckDB: its lines named, its rows loaded", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => record(`ZX9Q${String(i + 10).padStart(4, "0")}`));
    // lines 3 and 5 carry a cell beyond the header; line 4 only a trailing delimiter, which is no content
    rows[1] += ",家长电话";
    rows[2] += ",";
    rows[3] += ",,备注";
    const { logs, w } = await ingest((input) =>
      writeFiles(input, { "vision_records/2021.csv": csv(recordsHeader, ...rows) }),
    );
    expect(logs).toContainEqual({
      source_file: "vision_records/2021.csv",
      status: "loaded",
      rows_loaded: 30,
      message: "第 3、5 行比表头多出内容（表头共 12 列），多出的内容未读取",
    });
    // read by DuckDB, not by the exact reader (which would have said the same)
    expect(await w.rows("select count(*)::integer as n from vision_records")).toEqual([{ n: 30 }]);
  });
});
