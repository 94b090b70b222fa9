// End to end: a school resends its class sizes without a wrongly entered 58-pupil class, in a later
// ingest run under a new name. The built school page and the quality page name the correction (earlier
// file → later file, rows added, removed, changed), and the school's 大班额 count is gone from the data.
// A tiny district of two schools keeps the build short.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { csv, writeFiles } from "../helpers/ingest.ts";
import { buildFixtureSite } from "../helpers/sampleSite.ts";

const header = "年度,学校代码,年级,班级,班级人数";
const input = {
  "schools.csv": csv("学校代码,学校名称,办学类型,办学性质", "S01,第一小学,小学,公办", "S02,第二小学,小学,公办"),
  "class_sizes/班额.csv": csv(
    header,
    "2024,S01,一年级,1班,45",
    "2024,S01,一年级,2班,58",
    "2024,S01,二年级,1班,40",
    "2024,S02,一年级,1班,44",
  ),
};
/** S01's 2024 classes again: 2班 (58) gone, 二年级1班 40 → 42, 二年级2班 new. */
const later = {
  "class_sizes/班额更正.csv": csv(header, "2024,S01,一年级,1班,45", "2024,S01,二年级,1班,42", "2024,S01,二年级,2班,39"),
};
const sentence = "2024年班额：class_sizes/班额.csv → class_sizes/班额更正.csv，新增 1 行、删除 1 行、修改 1 行";

let tmp: string;
let dist: string;
let db: string;
let site: Site;

describe("a correction on the built site", () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corrections-e2e-"));
    ({ dist, db } = buildFixtureSite(tmp, writeFiles(path.join(tmp, "input"), input), later));
    site = await openSite(dist);
  }, 600_000);

  afterAll(async () => {
    await site?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("the district counts no 大班额 once the class is withdrawn", async () => {
    const warehouse = await openWarehouse(db, { readOnly: true });
    const [row] = await queryRows<{ value: number }>(
      warehouse.connection,
      "select value from indicator_values where target_id = 'class.large_classes.compulsory' and year = 2024 and school_id is null",
    );
    warehouse.close();
    expect(row.value).toBe(0);
  });

  test("the school page lists the correction; the other school's page does not", () => {
    const page = fs.readFileSync(path.join(dist, "schools", "S01.html"), "utf8");
    expect(page).toContain(sentence);
    expect(page).toContain('href="../quality#corrections"');
    expect(fs.readFileSync(path.join(dist, "schools", "S02.html"), "utf8")).not.toContain("重新报送");
  });

  test("the quality page lists it with the school, the files and the counts", async () => {
    const { page, problems } = await openPage(site, "/quality");
    const rows = await page
      .locator("div.corrections tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    await page.close();
    expect(problems).toEqual([]);
    expect(rows.map((cells) => cells.slice(1))).toEqual([
      ["S01", "第一小学", "班额", "2024", "—", "class_sizes/班额.csv → class_sizes/班额更正.csv", "1", "1", "1"],
    ]);
  });
});
