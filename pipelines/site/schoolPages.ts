// The page of every school, written from one page Framework builds for a template school: Framework spends
// ~0.15 s of CPU on every page however small, so the school pages are the same page with another school's
// name and parts. The template (src/schools/[school].md, built for `templateSchool`) shows a named placeholder
// where each goes; each school's page fills them with its own (schoolParts.ts).
// Each still is its own static file at /schools/<id>, which works from a plain static server.
import fs from "node:fs";
import path from "node:path";
import { escapeHtml as esc } from "../../src/shared/format.js";
import type { Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { schoolParts } from "./schoolParts.ts";

/** The template's school id: no school has it (a school code starts with a letter or a digit). */
export const templateSchool = "_template";

/** What the template page shows for the school's name (its h1 and so its <title>). */
export const schoolNamePlaceholder = "{{学校名称}}";

/** What the template page shows where a part of the school page goes (a fence of [school].md). */
export const schoolPartPlaceholder = (part: string) => `<div data-school-part="${part}"></div>`;

/** Writes dist/schools/<id>.html for every school from dist/schools/_template.html; returns how many. */
export function writeSchoolPages(dist: string, snapshot: Snapshot, targets: Target[]): number {
  const templateFile = path.join(dist, "schools", `${templateSchool}.html`);
  const template = fs.readFileSync(templateFile, "utf8");
  const placeholders = [schoolNamePlaceholder, ...Object.keys(schoolParts).map(schoolPartPlaceholder)];
  const absent = placeholders.find((p) => !template.includes(p));
  if (absent) throw new Error(`${templateFile} has no placeholder ${absent}`);
  for (const school of snapshot.schools) {
    const page = { snapshot, targets, schoolId: school.school_id, root: "../" };
    let html = template.replaceAll(schoolNamePlaceholder, () => esc(school.name));
    for (const [part, draw] of Object.entries(schoolParts)) {
      html = html.replace(schoolPartPlaceholder(part), () => draw(page));
    }
    fs.writeFileSync(path.join(dist, "schools", `${school.school_id}.html`), html);
  }
  fs.rmSync(templateFile);
  return snapshot.schools.length;
}
