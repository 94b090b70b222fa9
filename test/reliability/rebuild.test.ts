// Building again (test/helpers/hostileSite.ts's site): the same warehouse keeps the site, new data builds the
// new pages, an export prints only from a site of the same warehouse and code, an empty warehouse builds nothing.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWarehouse } from "../../pipelines/lib/warehouse.ts";
import { copyCurrentSite } from "../../pipelines/site/build.ts";
import { cli, removeWorkspaces, workspace } from "../helpers/cli.ts";
import { hostileSite, input, type HostileSite } from "../helpers/hostileSite.ts";

let w: HostileSite;
let dist: string;

beforeAll(async () => {
  w = await hostileSite();
  dist = w.dist;
}, 1_200_000);

afterAll(() => {
  removeWorkspaces();
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
