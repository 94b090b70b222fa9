// The vision page of the site built from grades with few pupils (test/helpers/hostileSite.ts): small grade
// rates are hidden with the reason, and so is the grade that would give one away; totals stay visible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { hostileSite } from "../helpers/hostileSite.ts";

let site: Site;

beforeAll(async () => {
  site = await openSite((await hostileSite()).dist);
}, 1_200_000);

afterAll(async () => {
  await site?.close();
});

/** The rows of the grade table on the vision page for a school ("" for the district). */
async function gradeTable(schoolId: string) {
  const { page, problems, dialogs } = await openPage(site, "/vision");
  const picker = page.locator("form.filters select").last();
  await picker.selectOption(schoolId);
  await page.waitForFunction(
    (n) => document.querySelectorAll("table.grade-rates tbody tr").length === n,
    schoolId === "S02" ? 1 : 2,
  );
  const rows = await page
    .locator("table.grade-rates tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  await page.close();
  return { rows, problems, dialogs };
}

describe("small numbers on the vision page", () => {
  it("a school's grade under 10 screened pupils shows why instead of its rate, and so does the grade that would give it away", async () => {
    // S01's total (32 myopic) minus grade 1 (30) would give grade 2 (2): grade 1 is hidden too;
    // a grade under the threshold does not show how many were screened either (—)
    const cover = "为防止由合计推算出人数较少年级的近视人数，一并不显示";
    const s01 = await gradeTable("S01");
    expect(s01.rows).toEqual([
      ["一年级", "120", cover],
      ["二年级", "—", "人数不足10人，不显示"],
    ]);
    const s03 = await gradeTable("S03");
    expect(s03.rows).toEqual([
      ["一年级", "12", cover],
      ["二年级", "—", "人数不足10人，不显示"],
    ]);
    expect([...s01.problems, ...s03.problems]).toEqual([]);
  });

  it("the district pools the grades: 11 pupils of two small grades are enough to show", async () => {
    const district = await gradeTable("");
    // 一年级 120 + 50 + 12 screened, 30 + 10 + 3 myopic; 二年级 8 + 3 screened, 2 + 1 myopic.
    expect(district.rows).toEqual([
      ["一年级", "182", "43", "23.6%"],
      ["二年级", "11", "3", "27.3%"],
    ]);
  });

  it("school totals stay visible: the school page shows S01's myopia rate over all its grades", async () => {
    const { page, problems } = await openPage(site, "/schools/S01");
    const card = page.locator('[data-target-id="vision.myopia_rate"]');
    // (30 + 2) / (120 + 8)
    await expect(card.textContent()).resolves.toContain("25%");
    expect(problems).toEqual([]);
    await page.close();
  });
});
