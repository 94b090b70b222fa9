// The target registry as the engine uses it: each target with its SQL family, which must exist and compute
// it (the registry's own checks: pipelines/lib/targets.ts).
import fs from "node:fs";
import path from "node:path";
import { root } from "../lib/paths.ts";
import { readDictionary, type Dataset } from "../lib/seeds.ts";
import { defaultTargetsFile, readTargets, type Target } from "../lib/targets.ts";
import { familySqlPath, sqlDir } from "./sql.ts";

/** Milestone targets (applies_to `milestone`) share one generic SQL file; others use their id's first part. */
export function familyOf(targetId: string, appliesTo: string[]): string {
  return appliesTo.includes("milestone") ? "milestones" : targetId.split(".")[0];
}

/** Whether a family's SQL names the target: its id quoted, or a quoted like pattern ('vision.%') it matches. */
export function namesTarget(sql: string, id: string): boolean {
  for (const [, text] of sql.replace(/--.*$/gm, "").matchAll(/'([^']*)'/g)) {
    if (text === id || (text.endsWith("%") && !text.slice(0, -1).includes("%") && id.startsWith(text.slice(0, -1))))
      return true;
  }
  return false;
}

/** The registry (read by its one reader), each target with its family, whose SQL file exists and names it. */
export function readTargetsWithFamilies(
  file = defaultTargetsFile,
  dictionary: Map<string, Dataset> = readDictionary(),
  dir = sqlDir,
): (Target & { family: string })[] {
  return readTargets(file, dictionary, (t, fail) => {
    const sqlFile = familySqlPath(familyOf(t.target_id, t.applies_to), dir);
    if (!fs.existsSync(sqlFile)) fail(`指标 ${t.target_id} 没有计算它的 SQL 文件 ${path.relative(root, sqlFile)}。`);
    if (!t.applies_to.includes("milestone") && !namesTarget(fs.readFileSync(sqlFile, "utf8"), t.target_id)) {
      fail(
        `指标 ${t.target_id} 没有计算它的 SQL：${path.relative(root, sqlFile)} 中找不到 '${t.target_id}' 或包含它的 like 模式。`,
      );
    }
  }).map((t) => ({ ...t, family: familyOf(t.target_id, t.applies_to) }));
}
