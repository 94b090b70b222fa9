// Types of vocabulary.js for the Node side (src/ itself is not type-checked).
export declare const statusWords: Record<string, string>;
export declare const statusOrder: string[];
export declare const statusMeanings: Record<string, string>;
export declare const reasonWords: Record<string, string>;
export declare const ingestStatusWords: Record<string, string>;
export declare const encodingWords: Record<string, string>;
export declare const sourceKindWords: Record<string, string>;
export declare const unitWords: Record<string, string>;
export declare const countUnits: string[];
export declare const chartKinds: string[];
export declare const areas: { slug: string; title: string; intro: string }[];
export declare function reportedWords(
  reported: number | null | undefined,
  owed: number | null | undefined,
  options?: { panel?: boolean },
): string;
export declare const sectionWords: Record<string, string>;
export declare const progressWords: Record<string, string>;
export interface Progress {
  target_id: string;
  category: string;
  observed_rate: number | null;
  required_rate: number | null;
  ratio?: number | null;
  target_year: number;
  first_year?: number | null;
  latest_year?: number | null;
  /** The target's unit (registry column display_unit). */
  unit?: string;
  /** A school-scope target: the value is the share of schools met. */
  share?: boolean;
  /** +1 when the value should rise, −1 when it should fall. */
  direction?: number;
  observed_change?: number | null;
  required_change?: number | null;
}
export declare const scopeWords: Record<string, string>;
export declare function scopeText(target: { scope: string; applies_to: string[] }): string;
export declare const parameterWords: Record<string, string>;
export declare const siteTitle: string;
export declare const correctionWords: Record<"title" | "note" | "none" | "school", string>;
export interface CorrectionCounts {
  added: number;
  removed: number;
  changed: number;
}
export declare function correctionCounts(c: CorrectionCounts): string;
export declare function correctionText(
  c: CorrectionCounts & {
    dataset: string;
    year: number | null;
    target_id: string | null;
    earlier_files: string;
    later_files: string;
  },
  datasetName?: string,
): string;
export declare function boundsWords(
  row:
    | {
        status: string;
        schools_missing?: number | null;
        lower_bound?: number | null;
        upper_bound?: number | null;
      }
    | undefined,
  format: (value: number) => string,
): string;
export declare const gapWords: {
  notSent: string;
  rejected: string;
  short: string;
  noValue: string;
  leftOut: (n: number) => string;
  listTitle: string;
  ownTitle: string;
};
export declare const suppressedWords: string;
export declare function lackWords(m: {
  state: string;
  sections_missing: string[];
  grade_labels?: string[];
  rejected: boolean;
}): string;
export declare function blankWords(b: { label: string; grade_labels: string[] }): string;
export declare function blankSummaryWords(schools: number, grades: number, label: string): string;
export declare const classWords: { title: string; large: string; over: string; listIntro: string };
export declare const defaultIssuer: string;
