// Observable Framework configuration. The warehouse is read once, read-only, when the build loads this file:
// for the school routes, the sample banner, the footer, the search index and the static target cards.
import { warehousePath } from "./pipelines/lib/paths.ts";
import { areas } from "./pipelines/site/areas.ts";
import {
  areaMarkup,
  bannerMarkup,
  footerMarkup,
  methodsMarkup,
  overviewMarkup,
  schoolMarkup,
} from "./pipelines/site/markup.ts";
import { searchDocuments } from "./pipelines/site/search.ts";
import { readSnapshot } from "./pipelines/site/snapshot.ts";
import { readSiteTargets } from "./pipelines/site/targets.ts";

const snapshot = await readSnapshot(warehousePath());
const targets = readSiteTargets();

type Token = { info: string; type: string; content: string; children: Token[] | null };
type TokenClass = new (type: string, tag: string, nesting: number) => Token;
type CoreState = { tokens: Token[]; env: { params?: Record<string, string> }; Token: TokenClass };
type Render = (
  tokens: Token[],
  idx: number,
  options: unknown,
  env: { params?: Record<string, string> },
  self: unknown,
) => string;
type MarkdownIt = {
  renderer: { rules: Record<string, Render | undefined> };
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
};

/** Fences whose markup comes from the warehouse at build time: ```overview-cards```, ```school-cards```, ```methods-list```, ```area-blocks <area>```. */
function staticBlocks(md: MarkdownIt): MarkdownIt {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const info = tokens[idx].info.trim();
    if (info === "overview-cards") return overviewMarkup(snapshot, targets);
    if (info === "school-cards") return schoolMarkup(snapshot, targets, env.params?.school ?? "");
    if (info === "methods-list") return methodsMarkup(targets);
    if (info.startsWith("area-blocks ")) return areaMarkup(targets, info.slice("area-blocks ".length).trim());
    return fence(tokens, idx, options, env, self);
  };
  // A school page's h1 (and so its <title>) is the school's name, as text.
  md.core.ruler.push("school-title", (state) => {
    const i = state.tokens.findIndex((t) => t.type === "fence" && t.info.trim() === "school-cards");
    const name = snapshot.schools.find((s) => s.school_id === state.env.params?.school)?.name;
    if (i < 0 || !name) return;
    const text = new state.Token("text", "", 0);
    text.content = name;
    const inline = new state.Token("inline", "", 0);
    inline.content = name;
    inline.children = [text];
    state.tokens.splice(
      i,
      0,
      new state.Token("heading_open", "h1", 1),
      inline,
      new state.Token("heading_close", "h1", -1),
    );
  });
  return md;
}

export default {
  root: "src",
  output: process.env.SITE_OUTPUT ?? "dist",
  title: "沙坪坝区教育工作要点指标监测",
  home: "总览",
  // No web fonts: the stylesheet imports Framework's default theme and sets a system CJK font stack.
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "重点领域", pages: areas.map((a) => ({ name: a.title, path: `/${a.slug}` })) },
    { name: "学校", path: "/schools" },
    { name: "数据质量", path: "/quality" },
    { name: "方法", path: "/methods" },
  ],
  // No favicon request: browsers would otherwise ask for /favicon.ico and log a 404.
  head: '<link rel="icon" href="data:,">',
  toc: { label: "本页目录" },
  pager: true,
  header: bannerMarkup(snapshot),
  footer: footerMarkup(snapshot),
  dynamicPaths: snapshot.schools.map((s) => `/schools/${s.school_id}`),
  search: {
    index: async function* () {
      yield* searchDocuments(snapshot, targets);
    },
  },
  markdownIt: staticBlocks,
};
