import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareEngine } from "../../../pipelines/indicators/compute.ts";
import { readTargetsWithFamilies } from "../../../pipelines/indicators/families.ts";
import { readDictionary } from "../../../pipelines/lib/seeds.ts";
import {
  allSqlFiles,
  macroNames,
  macroSqlPath,
  readQuery,
  ruleTableNames,
  scratchTableNames,
  tableSqlPath,
} from "../../../pipelines/indicators/sql.ts";
import { cellMacroFile, cellMacroNames, createCellMacros } from "../../../pipelines/ingest/sql/cells.ts";
import { emptyWarehouse } from "../../helpers/given.ts";

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

  it("runs every macro file of macros/ (none is left out of the stated order)", () => {
    const dir = path.dirname(macroSqlPath(macroNames[0]));
    expect(fs.readdirSync(dir).sort()).toEqual(macroNames.map((m) => `${m}.sql`).sort());
    expect(files).toEqual(expect.arrayContaining(macroNames.map((m) => macroSqlPath(m))));
  });

  it("makes every table of tables/ (none is left out of the stated order)", () => {
    const tables = [...ruleTableNames, ...scratchTableNames];
    const dir = path.dirname(tableSqlPath(tables[0]));
    expect(fs.readdirSync(dir).sort()).toEqual(tables.map((t) => `${t}.sql`).sort());
    expect(files).toEqual(expect.arrayContaining(tables.map((t) => tableSqlPath(t))));
  });

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))("passes DuckDB's EXPLAIN: %s", async (_, file) => {
    const connection = await emptyWarehouse();
    await prepareEngine(connection, readTargetsWithFamilies(), readDictionary());
    const plan = await connection.runAndReadAll(`explain ${readQuery(file)}`);
    expect(plan.getRowObjectsJS().length).toBeGreaterThan(0);
  });
});

describe("every .sql file of the SQL cell readers (ingest)", () => {
  const files = cellMacroNames.map((name) => [path.relative(process.cwd(), cellMacroFile(name)), name]);

  it("runs every macro file of ingest/sql/macros/", () => {
    const dir = path.dirname(cellMacroFile(cellMacroNames[0]));
    expect(fs.readdirSync(dir).sort()).toEqual(cellMacroNames.map((m) => `${m}.sql`).sort());
  });

  it.each(files)("passes DuckDB's EXPLAIN, and so does a call of its macro: %s", async (_, name) => {
    const connection = await emptyWarehouse();
    await createCellMacros(connection);
    for (const query of [readQuery(cellMacroFile(name)), `select ${name}(' １,234 ')`]) {
      const plan = await connection.runAndReadAll(`explain ${query}`);
      expect(plan.getRowObjectsJS().length).toBeGreaterThan(0);
    }
  });
});
