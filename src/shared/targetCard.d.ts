// Types of targetCard.js for the Node side (src/ itself is not type-checked).
import type { Progress } from "./vocabulary.js";

/** What a card reads of a target of the registry. */
export interface CardTarget {
  target_id: string;
  title_zh: string;
  display_unit: string;
  comparator: string;
  threshold: number | null;
  scope: string;
  clause: number | string;
  clause_title: string;
}

/** What a card reads of a row of indicator_values (school_id null: the district's). */
export interface CardRow {
  year: number;
  school_id: string | null;
  value: number | null;
  threshold: number | null;
  status: string;
  numerator: number | null;
  denominator: number | null;
  /** District rows: schools that owe the target's data, and of those the schools whose data all arrived. */
  schools_owed: number | null;
  schools_reported: number | null;
  /** District rows with schools missing: the value with every missing school at its worst and best (null: no bound). */
  lower_bound?: number | null;
  upper_bound?: number | null;
  /** District rows: schools that have not sent all they owe. */
  schools_missing?: number | null;
  /** The counts and rate stand on fewer pupils than the small-number threshold: not published. */
  suppressed?: boolean | null;
}

export interface TrendPoint {
  year: number;
  value: number | null;
  threshold: number | null;
}

export interface CardFacts {
  id: string;
  title: string;
  status: string;
  /** The figure is the share of schools met (district figure of a school-scope target). */
  share: boolean;
  unit: string;
  value: string;
  suppressed: string;
  schoolsMet: { met: number; of: number } | null;
  /** "已报 37/40 校" or "同口径 36/40 校" (district cards); reportedShort: not every school sent it. */
  reported: string;
  reportedShort: boolean;
  bounds: string;
  goal: string;
  year: string;
  change: string;
  progress: string;
  /** A school's card: the district's figure beside its own. */
  district: string | undefined;
  clause: { anchor: string; words: string };
  trend: TrendPoint[];
}

export declare const isChange: (target: Pick<CardTarget, "display_unit">) => boolean;
export declare const isShare: (target: Pick<CardTarget, "scope">, schoolId?: string | null) => boolean;
export declare function comparablePrevious<R extends Pick<CardRow, "status">>(
  row: R | undefined,
  previous: R | undefined,
  sourceChanged?: boolean,
): R | undefined;
export declare function districtFigure(target: CardTarget, row: CardRow | undefined): string;
export declare function cardFacts(
  target: CardTarget,
  from?: {
    schoolId?: string | null;
    row?: CardRow;
    previous?: CardRow;
    series?: CardRow[];
    progress?: Progress;
    districtRow?: CardRow;
  },
): CardFacts;
