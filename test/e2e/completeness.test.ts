// End to end: the shipped sample has late and partial reports (seeds/sample/README.md), so the built site
// shows 数据不全, how many schools sent each target's data, and the list of what is missing — on the
// overview, the quality page and a school page — with the warehouse's own counts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { queryMissing, type MissingReport } from "../../pipelines/lib/reports.ts";
import { root, sampleDir } from "../../pipelines/lib/paths.ts";
import { readTargets } from "../../pipelines/lib/targets.ts";
import { openWarehouse, queryRows } from "../../pipelines/lib/warehouse.ts";
import { reportedWords, statusWords } from "../../src/shared/vocabulary.js";
import { openSite, type Site } from "../helpers/browser.ts";
import { sampleSite } from "../helpers/sampleSite.ts";

interface District {
  target_id: string;
  status: string;
  schools_owed: number | null;
  schools_reported: number | null;
  schools_missing: number | null;
}

let site: Site;
let missing: MissingReport[];
let districts: District[];
let owed: { owed: number; complete: number };
let gaps: { target_id: string; school_id: string; name: string }[];
const targets = new Map(readTargets().map((t) => [t.target_id, t]));

async function open(urlPath: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(site.origin + urlPath, { waitUntil: "networkidle" });
  return page;
}

describe("late and partial reports of the sample", () => {
  beforeAll(async () => {
    const { db, dist } = await sampleSite();
    const warehouse = await openWarehouse(db, { readOnly: true });
    missing = await queryMissing(warehouse.connection);
    districts = await queryRows<District>(
      warehouse.connection,
      `select target_id, status, schools_owed, schools_reported, schools_missing from indicator_values
       where school_id is null and year = (select max(year) from indicator_values)`,
    );
    [owed] = await queryRows<{ owed: number; complete: number }>(
      warehouse.connection,
      `select count(*)::INTEGER as owed, count(*) filter (where complete)::INTEGER as complete from (
         select bool_and(received and not rejected and grades_missing is null) as complete from reports
         where year = (select max(year) from reports) group by school_id, dataset)`,
    );
    gaps = await queryRows(
      warehouse.connection,
      `select g.target_id, g.school_id, s.name from target_gaps as g join schools as s using (school_id)
       where g.year = (select max(year) from indicator_values) order by g.target_id, g.school_id`,
    );
    warehouse.close();
    site = await openSite(dist);
  }, 900_000);

  afterAll(async () => {
    await site?.close();
  });

  test("the sample is late somewhere: reports missing, targets incomplete", () => {
    expect(missing.filter((m) => m.state === "missing").length).toBeGreaterThanOrEqual(5);
    expect(missing.filter((m) => m.state === "partial").length).toBeGreaterThanOrEqual(2);
    expect(districts.filter((d) => d.status === "incomplete").length).toBeGreaterThan(0);
  });

  test("the overview says how complete the latest year is and shows 数据不全 as its own status", async () => {
    const page = await open("/");
    const line = page.locator(".completeness");
    await expect(line.getAttribute("data-owed")).resolves.toBe(String(owed.owed));
    await expect(line.getAttribute("data-complete")).resolves.toBe(String(owed.complete));
    expect(await line.textContent()).toContain(`已收齐 ${owed.complete} 份`);
    const incomplete = districts.filter((d) => d.status === "incomplete");
    const cards = page.locator('.target-card[data-status="incomplete"]');
    await expect(cards.count()).resolves.toBe(incomplete.length);
    await expect(cards.first().locator(".status-badge").textContent()).resolves.toBe(statusWords.incomplete);
    const box = page.locator(".summary-item.status-incomplete .summary-count");
    await expect(box.textContent()).resolves.toBe(String(incomplete.length));
    // each incomplete card says how many of the schools that owe its data sent it
    for (const d of incomplete.slice(0, 5)) {
      const shown = await page.locator(`.target-card[data-target-id="${d.target_id}"] .card-reported`).textContent();
      const change = targets.get(d.target_id)!.display_unit === "pp"; // a change: its matched panel
      expect(shown, d.target_id).toBe(reportedWords(d.schools_reported, d.schools_owed, { panel: change }));
    }
    await page.close();
  });

  test("the quality page lists each report not received whole, school by school", async () => {
    const page = await open("/quality");
    await page.waitForSelector(".data-table tbody tr");
    const text = (await page.locator("#observablehq-main").textContent()) ?? "";
    for (const m of missing) {
      expect(text, `${m.school_id} ${m.label}`).toContain(m.school_id);
      expect(text).toContain(m.label);
    }
    expect(text).toContain("未报送");
    expect(text).toContain("缺高中学段");
    // a grade owed and not sent is named with its school (the sample's 5001060063 sent no grade 7 vision)
    for (const m of missing.filter((x) => x.grade_labels.length))
      expect(text, m.school_id).toContain(`缺${m.grade_labels.join("、")}`);
    expect(missing.some((m) => m.grade_labels.length)).toBe(true);
    // blank optional cells: "N 校 M 个年级未填 …"
    expect(text).toMatch(/\d+ 校 \d+ 个年级未填 校外体育活动\(分钟\/天\)/);
    await page.close();
  });

  test("a late school's page says what it still owes", async () => {
    const late = missing.find((m) => m.state === "missing")!;
    const page = await open(`/schools/${late.school_id}`);
    const owedList = await page.locator(".owed li").allTextContents();
    expect(owedList).toContain(`${late.label}：未报送`);
    await page.close();
  });

  test("the shipped sample shows fewer 数据不全 than before bounds and monitoring: 20 of the 62 targets where 28 were", async () => {
    // measured on the sample alone (npm start's data, without this file's three extra schools, which never
    // reported and so are of unknown size) before this rule: 28 targets said 数据不全 with 98.2 % of
    // reports in. Now the 4 monitoring targets are 监测, and 4 whose missing schools cannot change the
    // verdict are decided: health.psych_checkup, health.tb_screening and vision.screening_coverage are
    // under 100 % at both bounds (not met), pe.fitness_good_rate over 50 % at both (met).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sample-bounds-"));
    const db = path.join(dir, "warehouse.duckdb");
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const ingest = spawnSync(tsx, ["pipelines/cli.ts", "ingest", "--input", sampleDir, "--db", db], {
      cwd: root,
      encoding: "utf8",
    });
    expect(ingest.status, ingest.stderr).toBe(0);
    const warehouse = await openWarehouse(db, { readOnly: true });
    const latest = await queryRows<{ target_id: string; status: string; bounds: string }>(
      warehouse.connection,
      `select target_id, status, schools_missing || ':' || coalesce(round(lower_bound, 4)::VARCHAR, '') as bounds
       from indicator_values where school_id is null and year = 2021 order by target_id`,
    );
    warehouse.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const status = new Map(latest.map((r) => [r.target_id, r.status]));
    // the targets added since for the plan's other commitments (docs., tasks., special. …) add one: 一人一案,
    // with 2 of 107 schools missing and a verdict they could still change
    expect(latest.filter((r) => r.status === "incomplete").length).toBe(21);
    expect(status.get("special.individual_plans")).toBe("incomplete");
    expect(latest.filter((r) => r.status === "info").length).toBe(4);
    for (const id of ["health.psych_checkup", "health.tb_screening", "vision.screening_coverage"])
      expect(status.get(id), id).toBe("not_met");
    expect(status.get("pe.fitness_good_rate")).toBe("met");
  });

  test("a decided verdict says 缺报 N 校，不影响结论 and monitoring stays 监测 on the overview", async () => {
    const page = await open("/");
    const decided = districts.filter((d) => ["met", "not_met"].includes(d.status) && d.schools_missing! > 0);
    expect(decided.length).toBeGreaterThan(0);
    for (const d of decided.slice(0, 5)) {
      const line = page.locator(`.target-card[data-target-id="${d.target_id}"] .card-bounds`);
      await expect(line.textContent()).resolves.toBe(`缺报 ${d.schools_missing} 校，不影响结论`);
    }
    const open_ = districts.filter((d) => d.status === "incomplete" && d.schools_missing! > 0);
    for (const d of open_.slice(0, 5)) {
      const line = page.locator(`.target-card[data-target-id="${d.target_id}"] .card-bounds`);
      expect(await line.textContent()).toMatch(new RegExp(`^缺报 ${d.schools_missing} 校，结论待定（.+）$`));
    }
    for (const id of ["vision.myopia_rate", "pe.fitness_pass_rate", "vision.low_vision_severe_share"]) {
      await expect(page.locator(`.target-card[data-target-id="${id}"]`).getAttribute("data-status")).resolves.toBe(
        "info",
      );
    }
    await expect(page.locator(".summary-item.status-info .summary-count").textContent()).resolves.toBe("4");
    await page.close();
  });

  test("a click on a 数据不全 reaches the schools and what they lack", async () => {
    const page = await open("/");
    const card = page.locator('.target-card[data-status="incomplete"]').first();
    const targetId = (await card.getAttribute("data-target-id"))!;
    const list = card.locator(".gap-list");
    await expect(list.isVisible()).resolves.toBe(false);
    await card.locator(".status-badge").click();
    await list.waitFor({ state: "visible" });
    const behind = gaps.filter((g) => g.target_id === targetId);
    expect(behind.length).toBeGreaterThan(0);
    const items = await list.locator("li").allTextContents();
    expect(items.length).toBe(behind.length);
    for (const [i, g] of behind.entries()) {
      // the school by name, then what it lacks (a report, a section, a grade, rejected rows, a blank cell)
      expect(items[i].startsWith(`${g.name}：`), items[i]).toBe(true);
      expect(items[i].length).toBeGreaterThan(g.name.length + 2);
    }
    // the school's name leads to its page, which lists what it owes
    const first = behind[0];
    await list.locator(`li[data-school-id="${first.school_id}"] a`).click();
    await page.waitForURL(new RegExp(`/schools/${first.school_id}`));
    await expect(page.locator("#owed").isVisible()).resolves.toBe(true);
    await page.close();
  });

  test("every 已报 x/y 校 short of all opens its list of schools", async () => {
    const page = await open("/");
    const shortLines = page.locator(".target-card .card-reported.short");
    const count = await shortLines.count();
    expect(count).toBeGreaterThan(0);
    // each short line is the summary of a <details> holding a non-empty list
    await expect(page.locator(".card-gaps summary .card-reported.short").count()).resolves.toBe(count);
    const first = page.locator(".card-gaps").first();
    await first.locator("summary").click();
    await expect(first.locator(".gap-list li").first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  test("no school page says 均已报齐 beside a 数据不全 card", async () => {
    const schools = [...new Set(gaps.map((g) => g.school_id))].slice(0, 8);
    for (const id of schools) {
      const page = await open(`/schools/${id}`);
      const incomplete = await page.locator('.target-card[data-status="incomplete"]').count();
      const text = (await page.locator("#owed").textContent()) ?? "";
      if (incomplete > 0) expect(text, id).not.toContain("均已报齐");
      await page.close();
    }
  });
});
