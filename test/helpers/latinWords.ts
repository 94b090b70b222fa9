// The Latin words a reader sees on a page: text nodes that are rendered (not in a closed <details>, not
// hidden), split into words that start with a Latin letter. Words inside the small elements kept for
// analysts (a target id, a parameter or reason code beside its words) are told apart.
import type { Page } from "playwright-core";

export interface SeenWord {
  word: string;
  /** The word sits in a small element for analysts: small.target-id, small.param-id or small.code. */
  forAnalysts: boolean;
  /** The text it was found in, for the message of a failing test. */
  context: string;
}

/** Text that holds a Latin letter and is rendered, with whether it sits in an analysts' small element. */
async function renderedTexts(page: Page): Promise<{ text: string; forAnalysts: boolean }[]> {
  return page.evaluate(() => {
    const found: { text: string; forAnalysts: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!/[A-Za-z]/.test(text) || !parent || parent.closest("script, style, noscript, template")) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0) continue;
      found.push({ text, forAnalysts: Boolean(parent.closest("small.target-id, small.param-id, small.code")) });
    }
    return found;
  });
}

/**
 * Every Latin word rendered on the page. `data` are names and codes that come from the warehouse (school
 * names and codes), removed from the text first: they are what a school wrote, not words of the page;
 * `remove` are patterns removed too (commands where a page tells them).
 */
export async function latinWords(page: Page, data: string[] = [], remove: RegExp[] = []): Promise<SeenWord[]> {
  return (await renderedTexts(page)).flatMap(({ text, forAnalysts }) =>
    latinWordsOf(text, data, remove).map((word) => ({ word, forAnalysts, context: text.trim().slice(0, 120) })),
  );
}

/** The Latin words of a text (a page's or a command's output), with `data` and `remove` taken out first. */
export function latinWordsOf(text: string, data: string[] = [], remove: RegExp[] = []): string[] {
  let rest = text;
  for (const d of [...data].filter((d) => /[A-Za-z]/.test(d)).sort((a, b) => b.length - a.length))
    rest = rest.replaceAll(d, " ");
  for (const pattern of remove) rest = rest.replace(pattern, " ");
  // A word starts with a letter not glued to a digit, a dot or a slash (1e-9 and 2021.csv hold none).
  return [...rest.matchAll(/(?<![A-Za-z0-9_./-])[A-Za-z][A-Za-z0-9_./-]*/g)].map(([match]) =>
    match.replace(/[./-]+$/, ""),
  );
}

/** A file name or path (vision/2021.csv, seeds/parameters.csv, manifest.json). */
export const isFileName = (word: string) => /\.[A-Za-z]{2,5}$/.test(word) || word.includes("/");
