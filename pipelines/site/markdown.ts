// A markdown-it plugin for the pages: fences whose HTML is written from the warehouse at build time
// (```overview-cards```, ```school-cards```, ```methods-list```, ```area-index```), and a parameterised page's h1 (so its
// <title>) set to its school's name or its area's title, as text.
import { areas } from "../../src/shared/vocabulary.js";
import type { Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";
import { areaIndexMarkup, overviewMarkup, schoolMarkup } from "./markup.ts";
import { templateSchool } from "./schoolPages.ts";
import { methodsMarkup } from "./methods.ts";

type Env = { params?: Record<string, string> };
type Token = { info: string; type: string; content: string; children: Token[] | null };
type TokenClass = new (type: string, tag: string, nesting: number) => Token;
type CoreState = { tokens: Token[]; env: Env; Token: TokenClass };
type Render = (tokens: Token[], idx: number, options: unknown, env: Env, self: unknown) => string;
export type MarkdownIt = {
  renderer: { rules: Record<string, Render | undefined> };
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
};

/** The h1 of a parameterised page: the school's name, or the area's title. */
function pageTitle(snapshot: Snapshot, params: Record<string, string> = {}): string | undefined {
  if (params.school) return snapshot.schools.find((s) => s.school_id === params.school)?.name;
  if (params.area) return areas.find((a) => a.slug === params.area)?.title;
  return undefined;
}

export function staticBlocks(snapshot: Snapshot, targets: Target[]): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const info = tokens[idx].info.trim();
      if (info === "overview-cards") return overviewMarkup(snapshot, targets);
      if (info === "school-cards") {
        // the template of the school pages: the build fills in each school (schoolPages.ts)
        if (env.params?.school === templateSchool) return '<div class="school-page"></div>';
        return schoolMarkup(snapshot, targets, env.params?.school ?? "");
      }
      if (info === "methods-list") return methodsMarkup(targets);
      if (info === "area-index") return areaIndexMarkup(targets, env.params?.area ?? "");
      return fence(tokens, idx, options, env, self);
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
