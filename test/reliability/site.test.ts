// The built site from a warehouse with student records whose ids and names are distinctive, a school whose
// name is markup and grades with few pupils: no personal data in dist/ (nor in the exports, nor readable in
// the warehouse), small grade rates hidden with the reason, data strings shown as text and no script run.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv } from "../helpers/ingest.ts";
import { openPage, openSite, type Site } from "../helpers/browser.ts";
import { scanFolder, scanWarehouse } from "../helpers/pii.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { copyCurrentSite } from "../../pipelines/site/build.ts";
import { cli, removeWorkspaces, stackLines, workspace, type Workspace } from "../helpers/cli.ts";

const markup = "<img src=x onerror=alert(1)>";
const stems = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰";
/** Student i (1-based): id ZX9Q00ii, name 测试姓名<stem>; the first three of each grade are myopic. */
const students = [...stems].map((stem, i) => ({
  id: `ZX9Q${String(i + 1).padStart(4, "0")}`,
  name: `测试姓名${stem}`,
  grade: i < 12 ? "1" : "2",
  myopic: i < 3 || i === 12,
}));
const rejected = { id: "ZX9Q0099", name: "测试姓名午" };
const personal = [...students.flatMap((s) => [s.id, s.name]), rejected.id, rejected.name];

// Careless or hostile input: a pupil's name as a file name and in a cell, id-card and phone numbers in
// cells and extra columns, a student number where the school code goes. None of it may be published.
const idCards = ["500106200911303458", "500106201002151236"];
const phone = "13812345678";
const hostileNames = ["测试姓名申", "测试姓名未", "测试姓名酉"];
const published = [...hostileNames, ...idCards, phone];

const recordsHeader =
  "年度,学校代码,年级,学籍号,姓名,性别,筛查日期,右眼裸眼视力,左眼裸眼视力,右眼等效球镜,左眼等效球镜,是否戴镜";
const input = {
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

let w: Workspace;
let dist: string;
let site: Site;

beforeAll(async () => {
  w = workspace(input);
  dist = path.join(w.dir, "dist");
  const ingest = cli(["ingest", "--input", w.input, "--db", w.db]);
  expect(ingest.status, ingest.stderr).toBe(0);
  // Another reader holds the warehouse through the build: the build and its loaders only read, or they would fail.
  const reader = await openWarehouse(w.db, { readOnly: true });
  const build = cli(["build", "--db", w.db, "--out", dist]);
  reader.close();
  expect(build.status, build.stderr.slice(-3000)).toBe(0);
  site = await openSite(dist);
}, 1_200_000);

afterAll(async () => {
  await site?.close();
  removeWorkspaces();
});

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

describe("data strings are rendered as text", () => {
  it("h() of the built dom.js makes text nodes of strings and drops script URLs", async () => {
    const built = fs.readdirSync(path.join(dist, "_import", "components")).find((f) => /^dom\.\w+\.js$/.test(f));
    expect(built).toBeDefined();
    const { page, dialogs } = await openPage(site, "/404");
    // A string, not a function: the test runner would rewrite a function's import().
    const url = `${site.origin}/_import/components/${built}`;
    const result = await page.evaluate(`(async () => {
      const { h } = await import(${JSON.stringify(url)});
      const p = h("p", { title: '"><img src=x onerror=alert(2)>' }, "<img src=x onerror=alert(1)>", ["<b>粗</b>"]);
      const a = h("a", { href: " javascript:alert(3)" }, "链接");
      document.body.append(p, a);
      return {
        html: p.innerHTML,
        nodes: [...p.childNodes].map((n) => n.nodeType),
        title: p.getAttribute("title"),
        href: a.getAttribute("href"),
        images: document.querySelectorAll("img").length,
      };
    })()`);
    expect(result).toEqual({
      html: "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;粗&lt;/b&gt;",
      nodes: [3, 3],
      title: '"><img src=x onerror=alert(2)>',
      href: null,
      images: 0,
    });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.each(["/schools/S02", "/schools", "/vision", "/quality", "/"])(
    "%s shows the school named with markup as literal text and runs nothing",
    async (urlPath) => {
      const { page, problems, dialogs } = await openPage(site, urlPath);
      if (urlPath === "/schools") {
        await page.locator("#observablehq-main input[type=search]").fill("onerror");
        await page.waitForFunction(() => document.querySelectorAll(".data-table tbody tr").length === 1);
      }
      if (urlPath === "/vision") await page.locator("form.filters select").last().selectOption("S02");
      if (urlPath !== "/quality" && urlPath !== "/") {
        await expect(page.locator("#observablehq-main").textContent()).resolves.toContain(markup);
      }
      await expect(page.locator('#observablehq-main img[src="x"]').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

describe("a rebuild", () => {
  it("with the same warehouse keeps the site as it is and says so; with new data it builds the new school's page", () => {
    const index = path.join(dist, "index.html");
    const before = fs.statSync(index).mtimeMs;
    const again = cli(["build", "--db", w.db, "--out", dist]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`数据仓库和程序都没有变化，沿用已生成的网站：${dist}`);
    expect(fs.statSync(index).mtimeMs).toBe(before);
    expect(fs.existsSync(path.join(dist, "schools", "S04.html"))).toBe(false);

    const schools = input["schools.csv"] + "S04,第四小学,小学,公办,井口镇,测试学区\r\n";
    const next = workspace({ ...input, "schools.csv": schools });
    expect(cli(["ingest", "--input", next.input, "--db", next.db]).status).toBe(0);
    const copy = path.join(next.dir, "dist");
    fs.cpSync(dist, copy, { recursive: true });
    const rebuilt = cli(["build", "--db", next.db, "--out", copy]);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toContain(`网站已生成：${copy}`);
    // Framework's English build log stays out of sight (DEBUG=1 shows it): every line the user sees is Chinese.
    expect(rebuilt.stdout).toBe("");
    expect(
      rebuilt.stderr
        .trim()
        .split("\n")
        .filter((line) => !/\p{Script=Han}/u.test(line)),
    ).toEqual([]);
    expect(fs.readFileSync(path.join(copy, "schools", "S04.html"), "utf8")).toContain("第四小学");
  }, 600_000);

  it("an export prints from a copy of the site built from the same warehouse and code, never from another", () => {
    const same = path.join(w.dir, "export-same");
    expect(copyCurrentSite(dist, w.db, same)).toBe(true);
    expect(fs.readFileSync(path.join(same, "schools", "S03.html"), "utf8")).toContain("第三小学");
    expect(fs.readFileSync(path.join(same, ".built-from"), "utf8")).toBe(
      fs.readFileSync(path.join(dist, ".built-from"), "utf8"),
    );

    // A site whose data or code has changed since (its .built-from differs) is not used; nothing is left behind.
    const stale = path.join(w.dir, "stale-dist");
    fs.cpSync(dist, stale, { recursive: true });
    fs.writeFileSync(path.join(stale, ".built-from"), "0".repeat(64));
    const other = path.join(w.dir, "export-other");
    expect(copyCurrentSite(stale, w.db, other)).toBe(false);
    expect(fs.existsSync(other)).toBe(false);

    // The reports published into the site are not copied into the site the new reports are printed from.
    fs.mkdirSync(path.join(stale, "exports"), { recursive: true });
    fs.writeFileSync(path.join(stale, "exports", "manifest.json"), "{}");
    fs.writeFileSync(path.join(stale, ".built-from"), fs.readFileSync(path.join(dist, ".built-from")));
    const published = path.join(w.dir, "export-published");
    expect(copyCurrentSite(stale, w.db, published)).toBe(true);
    expect(fs.existsSync(path.join(published, "exports"))).toBe(false);
    expect(fs.existsSync(path.join(published, "index.html"))).toBe(true);
  });

  it("from a warehouse with no tables yet: one Chinese line saying to ingest first, nothing built", async () => {
    const empty = workspace();
    const warehouse = await openWarehouse(empty.db);
    warehouse.close();
    const out = path.join(empty.dir, "dist");
    const r = cli(["build", "--db", empty.db, "--out", out]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe(`数据仓库 ${empty.db} 中还没有数据（没有任何表），请先运行 npm run ingest 导入数据。`);
    expect(fs.existsSync(path.join(out, "index.html"))).toBe(false);
  });
});
