// A markdown-it plugin for the pages: fences whose HTML is written from the warehouse at build time
// (```overview-cards```, ```school-cards```, ```methods-list```, ```area-blocks <area>```), and a school
// page's h1 (so its <title>) set to the school's name as text.
import { areaMarkup, methodsMarkup, overviewMarkup, schoolMarkup } from "./markup.ts";
import type { Snapshot } from "./snapshot.ts";
import type { SiteTarget } from "./targets.ts";

type Env = { params?: Record<string, string> };
type Token = { info: string; type: string; content: string; children: Token[] | null };
type TokenClass = new (type: string, tag: string, nesting: number) => Token;
type CoreState = { tokens: Token[]; env: Env; Token: TokenClass };
type Render = (tokens: Token[], idx: number, options: unknown, env: Env, self: unknown) => string;
export type MarkdownIt = {
  renderer: { rules: Record<string, Render | undefined> };
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
};

export function staticBlocks(snapshot: Snapshot, targets: SiteTarget[]): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const info = tokens[idx].info.trim();
      if (info === "overview-cards") return overviewMarkup(snapshot, targets);
      if (info === "school-cards") return schoolMarkup(snapshot, targets, env.params?.school ?? "");
      if (info === "methods-list") return methodsMarkup(targets);
      if (info.startsWith("area-blocks ")) return areaMarkup(targets, info.slice("area-blocks ".length).trim());
      return fence(tokens, idx, options, env, self);
    };
    md.core.ruler.push("school-title", (state) => {
      const i = state.tokens.findIndex((t) => t.type === "fence" && t.info.trim() === "school-cards");
      const name = snapshot.schools.find((s) => s.school_id === state.env.params?.school)?.name;
      if (i < 0 || !name) return;
      const text = new state.Token("text", "", 0);
      text.content = name;
      const inline = new state.Token("inline", "", 0);
      inline.content = name;
      inline.children = [text];
      const open = new state.Token("heading_open", "h1", 1);
      state.tokens.splice(i, 0, open, inline, new state.Token("heading_close", "h1", -1));
    });
    return md;
  };
}
