// How a word is written into the search index, the same when the site is built (pipelines/site/search.ts)
// and when a reader types (the built search script, rewritten by pipelines/site/localize.ts). Framework's
// index drops every term with more than 6 digits, which would lose a school code such as 5001060001: a
// term of 4 or more digits is spelled with letters instead (5001060001 → nofaabagaaab), on both sides.
export function searchTerm(term) {
  return /^\d{4,}$/.test(term) ? `no${term.replace(/\d/g, (d) => "abcdefghij"[d])}` : term;
}
