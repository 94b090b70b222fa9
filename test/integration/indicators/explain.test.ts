import path from "node:path";
import { describe, expect, it } from "vitest";
import { createViews, prepareSteps } from "../../../pipelines/indicators/compute.ts";
import { readTargetsWithFamilies } from "../../../pipelines/indicators/families.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import { allSqlFiles, readQuery } from "../../../pipelines/indicators/sql.ts";
import { emptyWarehouse } from "./given.ts";

describe("every .sql file of the engine", () => {
  const files = allSqlFiles();

  it("includes the ten families, the views and the status step", () => {
    const names = files.map((f) => path.basename(f, ".sql"));
    for (const family of [
      "vision",
      "pe",
      "health",
      "space",
      "teachers",
      "balance",
      "class",
      "pay",
      "preschool",
      "milestones",
    ]) {
      expect(names).toContain(family);
    }
    expect(names).toEqual(expect.arrayContaining(["vision_by_grade", "section_resources", "status"]));
  });

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))("passes DuckDB's EXPLAIN: %s", async (_, file) => {
    const connection = await emptyWarehouse();
    await createViews(connection);
    await prepareSteps(connection, readTargetsWithFamilies(), readDictionary());
    const plan = await connection.runAndReadAll(`explain ${readQuery(file)}`);
    expect(plan.getRowObjectsJS().length).toBeGreaterThan(0);
  });
});
