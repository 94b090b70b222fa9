// Framework 1.13 has no option for the page language, its few built-in English labels or how the search box
// reads what is typed; the build writes them into the output: <html lang="zh-CN">, the search box and its
// results, the same spelling of long numbers as the index (src/shared/search.js), and a sidebar list that
// holds list items only.
import fs from "node:fs";
import path from "node:path";
import { searchTerm } from "../../src/shared/search.js";

const htmlReplacements: [RegExp, string][] = [
  [/<html>/, '<html lang="zh-CN">'],
  // a reader on a phone may zoom in
  [/(<meta name="viewport" content="[^"]*?), maximum-scale=1/g, "$1"],
  [/placeholder="Search"/g, 'placeholder="搜索指标、条款、学校"'],
  [/title="Toggle sidebar"/g, 'title="显示或隐藏侧栏"'],
  // a list holds list items only: the sidebar's close button goes before its first list
  [/(<ol>\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)\s*/, "$2\n  $1"],
];

/** The sidebar toggle's tooltip, which Framework's client script writes in English with a keyboard shortcut. */
const clientReplacements: [RegExp, string][] = [[/`Toggle sidebar \$\{.*?\}B`/g, '"显示或隐藏侧栏"']];

/** Where the search script reads a typed term (minified: `processTerm:W(e=>e.slice(0,15)…`). */
const processTerm = /processTerm:(\w+)\((\w+)=>\2\.slice\(0,15\)/;

const searchReplacements: [RegExp, string][] = [
  [/"<div>no results<\/div>"/g, '"<div>没有找到结果</div>"'],
  [/toLocaleString\("en-US"\)\} result\$\{[^}]*\}/g, 'toLocaleString("zh-CN")} 条结果'],
  [processTerm, `processTerm:$1($2=>(${searchTerm.toString()})($2).slice(0,15)`],
];

function rewrite(file: string, replacements: [RegExp, string][]): boolean {
  const before = fs.readFileSync(file, "utf8");
  let after = before;
  for (const [pattern, replacement] of replacements) after = after.replace(pattern, replacement);
  if (after !== before) fs.writeFileSync(file, after);
  return after !== before;
}

/** Localizes every page and the search script of a built site; returns the pages lacking lang after it. */
export function localizeDist(dist: string): string[] {
  const missingLang: string[] = [];
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (entry.name.endsWith(".html")) {
      rewrite(file, htmlReplacements);
      if (!fs.readFileSync(file, "utf8").includes('<html lang="zh-CN">')) missingLang.push(file);
    } else if (/^client\.[\w]+\.js$/.test(entry.name)) {
      if (!rewrite(file, clientReplacements) && fs.readFileSync(file, "utf8").includes("Toggle sidebar"))
        throw new Error(`the client script ${file} no longer writes its tooltip as localize.ts expects`);
    } else if (/^search\.[\w]+\.js$/.test(entry.name)) {
      if (!processTerm.test(fs.readFileSync(file, "utf8"))) {
        throw new Error(`the search script ${file} no longer reads terms as localize.ts expects`);
      }
      rewrite(file, searchReplacements);
    }
  }
  return missingLang;
}
