// The page of every school, written from one page Framework builds for a template school: Framework spends
// ~0.15 s of CPU on every page however small, so the school pages are the same page with another school's
// title and cards (the one place besides the markdown plugin that writes HTML, with the same markup).
// Each still is its own static file at /schools/<id>, which works from a plain static server.
import fs from "node:fs";
import path from "node:path";
import { escapeHtml as esc } from "../../src/shared/format.js";
import type { Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { schoolMarkup } from "./markup.ts";

/** The template's school id: no school has it (a school code starts with a letter or a digit). */
export const templateSchool = "_template";

const main = /(<main id="observablehq-main"[^>]*>)[\s\S]*?(<\/main>)/;
const title = /<title>[\s\S]*?<\/title>/;

/** Writes dist/schools/<id>.html for every school from dist/schools/_template.html; returns how many. */
export function writeSchoolPages(dist: string, snapshot: Snapshot, targets: Target[], siteTitle: string): number {
  const templateFile = path.join(dist, "schools", `${templateSchool}.html`);
  const template = fs.readFileSync(templateFile, "utf8");
  if (!main.test(template) || !title.test(template)) throw new Error(`${templateFile} has no <main> or <title>`);
  // where the template page's scripts run (Framework marks a cell that shows nothing with <!--:id:-->): kept
  const cells = (main.exec(template)![0].match(/<!--:[0-9a-f]+:-->/g) ?? []).join("\n");
  for (const school of snapshot.schools) {
    const body = `<h1>${esc(school.name)}</h1><p class="no-print"><a href="../schools">← 返回学校列表</a></p>\n${schoolMarkup(snapshot, targets, school.school_id, "../")}`;
    const html = template
      .replace(title, () => `<title>${esc(school.name)} | ${esc(siteTitle)}</title>`)
      .replace(main, (_, open: string, close: string) => `${open}\n${body}\n${cells}\n${close}`);
    fs.writeFileSync(path.join(dist, "schools", `${school.school_id}.html`), html);
  }
  fs.rmSync(templateFile);
  return snapshot.schools.length;
}
