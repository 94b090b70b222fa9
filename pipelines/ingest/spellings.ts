// How schools spell what a cell means, in one place for both validators: the JavaScript cell readers
// (cells.ts, validate.ts) and the SQL ones (sql/cells.ts, sql/rules.ts, and the macros of sql/macros/ through
// the session variables sql/cells.ts binds) build their tests from these.
// Every spelling is given as a cell reads after normalisation (NFKC, trimmed).

/** Cells that mean "no value". */
export const noValueMarks = ["", "-", "--", "—", "——", "/", "无", "N/A", "NA", "null", "NULL"];

/** Yes and no, compared in lower case. */
export const yesWords = ["是", "y", "yes", "1", "true", "t", "√"];
export const noWords = ["否", "n", "no", "0", "false", "f", "×"];

/** A row whose first cell starts with one of these, or with a cell that is one of them, is a totals row. */
export const totalsWords = ["合计", "总计", "小计", "全区"];
/** A cell that is a totals word may carry this many characters more (合计：, 全区合计). */
export const totalsSlack = 2;

/** A row whose first cell starts with one of these and a colon is the footer of a form. */
export const footerWords = [
  "填表人",
  "填报人",
  "审核人",
  "制表人",
  "制表",
  "负责人",
  "校长",
  "填报日期",
  "填表日期",
  "联系电话",
  "单位负责人",
  "注",
  "说明",
];

/** A code that becomes part of a page address (school codes): letters, digits, `-` and `_`. */
export const codePattern = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";

/**
 * A school named by its code, whitespace and its name ("5001060001 示例小学", as the templates' drop-down
 * offers it): the code (group 1) is the value; the text after it (group 2) is its name as written. The
 * text may be anything but the registered name of another school.
 */
export const codeAndNamePattern = `(${codePattern})\\s+(\\S.*)`;
/** That spelling of a school, as the templates' drop-down offers it. */
export const codeAndName = (code: string, name: string) => `${code} ${name}`;

/** A plain number, and one with thousands separators (1,234.5). */
export const numberPattern = "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?";
export const groupedPattern = "[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?";

/** The largest whole number an int column holds (either sign). */
export const intBound = 2_000_000_000;

/** Dates as year, month and day with one of these between them (2021-06-30, 2021/6/30, 2021.6.30), or 2021年6月30日. */
export const dateSeparators = ["-", "/", "."];
export const chineseDate = { year: "年", month: "月", day: "日" };

/** Control characters other than tab and line breaks: a sign of a damaged file, never data (NUL aside). */
export const controlCharacters = "\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f";

/** `(a|b|c)` of words, each escaped for a regular expression. */
export const alternation = (words: string[]) =>
  `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
