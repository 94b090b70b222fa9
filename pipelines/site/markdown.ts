// A markdown-it plugin for the pages: fences whose HTML is written from the warehouse at build time, each
// named after what it shows (the overview's district-*, a school page's school-*, methods-list, area-index),
// and a parameterised page's h1 (so its <title>) set to its school's name or its area's title, as text.
// A fence holds only `//` lines saying what it draws from which data; anything else in it is an error.
import { areas } from "../../src/shared/vocabulary.js";
import type { Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { areaIndexMarkup } from "./markup.ts";
import { methodsMarkup } from "./methods.ts";
import { completenessMarkup, districtCards, districtStatusSummary } from "./overview.ts";
import { schoolParts } from "./schoolParts.ts";
import { schoolNamePlaceholder, schoolPartPlaceholder, templateSchool } from "./schoolPages.ts";

type Env = { params?: Record<string, string> };
type Token = { info: string; type: string; content: string; children: Token[] | null };
type TokenClass = new (type: string, tag: string, nesting: number) => Token;
type CoreState = { tokens: Token[]; env: Env; Token: TokenClass };
type Render = (tokens: Token[], idx: number, options: unknown, env: Env, self: unknown) => string;
export type MarkdownIt = {
  renderer: { rules: Record<string, Render | undefined> };
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
};

/** The h1 of a parameterised page: the school's name (the template's placeholder), or the area's title. */
function pageTitle(snapshot: Snapshot, params: Record<string, string> = {}): string | undefined {
  if (params.school === templateSchool) return schoolNamePlaceholder;
  if (params.school) return snapshot.schools.find((s) => s.school_id === params.school)?.name;
  if (params.area) return areas.find((a) => a.slug === params.area)?.title;
  return undefined;
}

/** The fences of the pages that are not about one school, by name. */
function pageBlocks(snapshot: Snapshot, targets: Target[]): Record<string, (params: Env["params"]) => string> {
  return {
    "district-completeness": () => completenessMarkup(snapshot.completeness),
    "district-status-summary": () => districtStatusSummary(snapshot, targets),
    "district-cards": () => districtCards(snapshot, targets),
    "methods-list": () => methodsMarkup(targets),
    "area-index": (params) => areaIndexMarkup(targets, params?.area ?? ""),
  };
}

export function staticBlocks(snapshot: Snapshot, targets: Target[]): (md: MarkdownIt) => MarkdownIt {
  const blocks = pageBlocks(snapshot, targets);
  return (md) => {
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const name = tokens[idx].info.trim();
      if (!(name in blocks) && !(name in schoolParts)) return fence(tokens, idx, options, env, self);
      const stray = tokens[idx].content.split("\n").find((line) => line.trim() && !line.trim().startsWith("//"));
      if (stray !== undefined) throw new Error(`fence ${name} holds more than // lines: ${stray}`);
      if (name in blocks) return blocks[name](env.params);
      const schoolId = env.params?.school ?? "";
      // the template of the school pages: the build fills in each school (schoolPages.ts)
      if (schoolId === templateSchool) return schoolPartPlaceholder(name);
      return schoolParts[name]({ snapshot, targets, schoolId, root: "/" });
    };
    md.core.ruler.push("page-title", (state) => {
      const title = pageTitle(snapshot, state.env.params);
      if (!title || state.tokens.some((t) => t.type === "heading_open")) return;
      const text = new state.Token("text", "", 0);
      text.content = title;
      const inline = new state.Token("inline", "", 0);
      inline.content = title;
      inline.children = [text];
      const open = new state.Token("heading_open", "h1", 1);
      state.tokens.unshift(open, inline, new state.Token("heading_close", "h1", -1));
    });
    return md;
  };
}
