// End to end: a leader finds the over-size class behind the 大班额 count, by name, from /classes and from its
// school's page (and so in its school PDF, the print of that page).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

let site: Site;
let large: { school_id: string; name: string; class_name: string; students: number }[];
let rejected: { school_id: string; source_file: string; source_line: number; reason: string }[];

describe("the classes behind the 大班额 count", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    large = await queryRows(
      warehouse.connection,
      `select c.school_id, s.name, c.class_name, c.students::integer as students
       from class_sizes c join schools s using (school_id)
       where c.students >= 56 and c.year = (select max(year) from class_sizes) order by c.students desc`,
    );
    rejected = await queryRows(
      warehouse.connection,
      `select r.school_id, r.source_file, r.source_line::integer as source_line, r.reason
       from rejects r join reports p on p.school_id = r.school_id and p.dataset = r.dataset and p.year = r.year
       where p.rejected and r.dataset <> 'vision_records' and r.year = (select max(year) from reports)
         and r.load_id = (select max(load_id) from ingest_log l where l.source_file = r.source_file)
       order by r.school_id, r.source_file, r.source_line limit 1`,
    );
    warehouse.close();
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test("the sample's one 大班额 of the latest year is named on /classes, with school, grade, class and size", async () => {
    // the synthetic district has exactly one: 示例石井坡实验学校 二年级3班, 58 pupils
    expect(large).toEqual([
      { school_id: expect.any(String), name: "示例石井坡实验学校", class_name: "3班", students: 58 },
    ]);
    const { page, problems } = await openPage(site, "/classes");
    const table = page.locator("section.oversize-classes table");
    await table.waitFor();
    const first = await table
      .locator("tbody tr")
      .first()
      .evaluate((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(first).toEqual(["示例石井坡实验学校", "二年级", "3班", "58", "45", "大班额（56人及以上）"]);
    await page.locator("section.oversize-classes tbody tr").first().locator("a").click();
    await page.waitForURL(/schools\/.*#oversize-classes/);
    expect(await page.locator("#observablehq-main h1").innerText()).toBe("示例石井坡实验学校");
    await page.close();
    expect(problems).toEqual([]);
  });

  test("its school page lists it under 超标准班额的班级", async () => {
    const { page } = await openPage(site, `/schools/${large[0].school_id}`);
    const section = page.locator("section.oversize-classes");
    expect(await section.locator("h2").innerText()).toContain("超标准班额的班级");
    const rows = await section
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows).toContainEqual(["二年级", "3班", "58", "45", "大班额（56人及以上）"]);
    await page.close();
  });

  test("a school page (and so its PDF) lists the rows of its report that were rejected: file, line and reason", async () => {
    expect(rejected.length).toBe(1);
    const [r] = rejected;
    const { page } = await openPage(site, `/schools/${r.school_id}`);
    const items = await page.locator(".owed .rejected-rows li").allInnerTexts();
    await page.close();
    expect(items).toContain(`${r.source_file} 第 ${r.source_line} 行：${r.reason}`);
  });
});
