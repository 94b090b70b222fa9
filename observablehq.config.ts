// Observable Framework configuration. The snapshot is the build's one read of the warehouse (SITE_DATA, written
// by pipelines/site/build.ts; `npm run dev` reads the warehouse here: pipelines/lib/siteData.ts): for the school
// routes, the sample banner, the footer, the search index and the target cards written into the overview and
// school pages.
import { siteDataForPages } from "./pipelines/lib/siteData.ts";
import { readTargets } from "./pipelines/lib/targets.ts";
import { staticBlocks } from "./pipelines/site/markdown.ts";
import { bannerMarkup, footerMarkup } from "./pipelines/site/markup.ts";
import { searchDocuments } from "./pipelines/site/search.ts";
import { templateSchool } from "./pipelines/site/schoolPages.ts";
import { areas, siteTitle } from "./src/shared/vocabulary.js";

const { snapshot } = await siteDataForPages();
const targets = readTargets();

export default {
  root: "src",
  output: process.env.SITE_OUTPUT ?? "dist",
  title: siteTitle,
  home: "总览",
  // No web fonts: the stylesheet imports Framework's default theme and sets a system CJK font stack.
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "重点领域", pages: areas.map((a) => ({ name: a.title, path: `/${a.slug}` })) },
    { name: "学校", path: "/schools" },
    { name: "数据质量", path: "/quality" },
    { name: "方法", path: "/methods" },
    { name: "下载报告", path: "/downloads" },
  ],
  // No favicon request: browsers would otherwise ask for /favicon.ico and log a 404.
  head: '<link rel="icon" href="data:,">',
  toc: { label: "本页目录" },
  pager: true,
  header: bannerMarkup(snapshot),
  footer: footerMarkup(snapshot),
  // One area page (src/[area].md) for every area; one school page, for a template school, from which the build
  // writes the page of every school (pipelines/site/schoolPages.ts).
  dynamicPaths: [...areas.map((a) => `/${a.slug}`), `/schools/${templateSchool}`],
  search: {
    index: async function* () {
      yield* searchDocuments(snapshot, targets);
    },
  },
  markdownIt: staticBlocks(snapshot, targets),
};
