// A standard changes by an edit of a seed file and a rerun: no code. The same rows judged under the
// shipped standards and under edited copies of seeds/parameters.csv and seeds/targets.csv.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../../pipelines/indicators/compute.ts";
import { seedsDir } from "../../../pipelines/lib/paths.ts";
import { queryRows } from "../../../pipelines/lib/warehouse.ts";
import { emptyWarehouse, given, givenSchools, section } from "../../helpers/given.ts";

/** A copy of a seed file with one line changed. */
function edited(name: string, from: string, to: string): string {
  const text = fs.readFileSync(path.join(seedsDir, name), "utf8");
  expect(text).toContain(from);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "standards-")), name);
  fs.writeFileSync(file, text.replace(from, to));
  return file;
}

async function warehouse() {
  const db = await emptyWarehouse();
  await givenSchools(db, { P1: "primary" });
  await given(db, "class_sizes", [{ year: 2021, school_id: "P1", grade: "3", class_name: "1班", students: 52 }]);
  // 4.4 m² of teaching space per pupil
  await given(db, "facilities", [section("P1", "primary", 500, 11, [2200, 4000, 1000000, 12, 21, 5, 5])]);
  return db;
}

const valueOf = async (db: Awaited<ReturnType<typeof warehouse>>, target: string) =>
  (
    await queryRows<{ value: number; status: string }>(
      db,
      "select value, status from indicator_values where target_id = $target and school_id is null and year = 2021",
      { target },
    )
  )[0];

describe("a standard of the registries", () => {
  it("of a formula (seeds/parameters.csv): a class of 52 is large once the size is 50", async () => {
    const db = await warehouse();
    await computeIndicators(db);
    expect(await valueOf(db, "class.large_classes.compulsory")).toEqual({ value: 0, status: "met" });
    const parametersFile = edited(
      "parameters.csv",
      "class.large_classes.compulsory,large_class_size,,56,",
      "class.large_classes.compulsory,large_class_size,,50,",
    );
    await computeIndicators(db, { parametersFile });
    expect(await valueOf(db, "class.large_classes.compulsory")).toEqual({ value: 1, status: "not_met" });
  });

  it("of a threshold (seeds/targets.csv): 4.4 m² per pupil meets a lowered 4.4", async () => {
    const db = await warehouse();
    await computeIndicators(db);
    expect(await valueOf(db, "space.teaching_area.primary")).toMatchObject({ status: "not_met" });
    const targetsFile = edited(
      "targets.csv",
      "生均教学及辅助用房面积(小学),school,primary,>=,4.5,",
      "生均教学及辅助用房面积(小学),school,primary,>=,4.4,",
    );
    await computeIndicators(db, { targetsFile });
    expect(await valueOf(db, "space.teaching_area.primary")).toMatchObject({ value: 1, status: "met" });
  });
});
