// The built site from a warehouse with student records whose ids and names are distinctive, and careless or
// hostile input (test/helpers/hostileSite.ts): no personal data in dist/, nor in the exports, nor readable in
// the warehouse.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanFolder, scanWarehouse } from "../helpers/pii.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { cli, stackLines } from "../helpers/cli.ts";
import {
  hostileSite,
  idCards,
  personal,
  phone,
  published,
  students,
  type HostileSite,
} from "../helpers/hostileSite.ts";

let w: HostileSite;
let dist: string;

beforeAll(async () => {
  w = await hostileSite();
  dist = w.dist;
}, 1_200_000);

describe("personal data", () => {
  it("the scanner does find the ids and names where they are: in the input files", () => {
    const found = new Set(scanFolder(w.input, personal).map((f) => f.value));
    expect([...found].sort()).toEqual([...personal].sort());
  });

  it("no file of dist/ holds a student id or name, in any spelling, nor a stored student hash", async () => {
    const warehouse = await openWarehouse(w.db, { readOnly: true });
    const hashes = await queryRows<{ h: string }>(warehouse.connection, "select student_hash as h from vision_records");
    warehouse.close();
    expect(hashes).toHaveLength(students.length);
    const derived = hashes.flatMap(({ h }) => [h, h.slice(0, 16)]);
    expect(scanFolder(dist, [...personal, ...published, ...derived])).toEqual([]);
  });

  it("the reasons of hostile rows name the column and quote no personal value", async () => {
    const warehouse = await openWarehouse(w.db, { readOnly: true });
    const rejects = await queryRows<{ reason: string }>(
      warehouse.connection,
      "select reason from rejects where source_file in ('vision_records/测试姓名申.csv', 'vision/学生名单.csv') order by dataset",
    );
    warehouse.close();
    expect(rejects.map((r) => r.reason)).toEqual([
      "学校代码 ［学籍号已隐去］ 不在学校名录中",
      expect.stringMatching(/^性别的值"（学生个人数据，不显示）"无法识别/),
    ]);
  });

  it("no table or view of the warehouse holds a raw id or name", async () => {
    const warehouse = await openWarehouse(w.db, { readOnly: true });
    try {
      // a student record's extra columns (身份证号, 家长电话) are not kept, even in rejects
      expect(await scanWarehouse(warehouse.connection, [...personal, idCards[0], phone])).toEqual([]);
    } finally {
      warehouse.close();
    }
  });

  it("the exports hold none either", async () => {
    const out = path.join(w.dir, "exports");
    const r = cli(["export", "--db", w.db, "--out", out]);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readdirSync(out).length).toBeGreaterThan(0);
    expect(scanFolder(out, [...personal, ...published])).toEqual([]);
    expect(fs.statSync(out).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(out, "indicators.xlsx")).mode & 0o777).toBe(0o600);
  }, 600_000);
});
