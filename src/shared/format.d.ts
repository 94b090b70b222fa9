// Types of format.js for the build-time markup in pipelines/site (src/ itself is not type-checked).
export declare function formatNumber(value: number | null | undefined, digits?: number): string;
export declare function formatPercent(value: number | null | undefined, digits?: number): string;
export declare function formatYuan(value: number | null | undefined): string;
export declare function formatValue(
  value: number | null | undefined,
  unit: string,
  options?: { share?: boolean },
): string;
export declare function formatPoints(delta: number | null | undefined, digits?: number): string;
export declare function formatThreshold(
  comparator: string,
  threshold: number | null | undefined,
  unit: string,
  options?: { share?: boolean },
): string;
export declare function formatChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  unit: string,
  options?: { share?: boolean },
): string;
export declare function escapeHtml(text: unknown): string;
export declare function formatCount(value: number | null | undefined): string;
export declare function unitLabel(unit: string, options?: { share?: boolean }): string;
export declare function formatTick(
  value: number | null | undefined,
  unit: string,
  options?: { share?: boolean; ticks?: number[] },
): string;
export declare function countTicks(values: number[], unit: string, options?: { zero?: boolean }): number[] | undefined;
export declare function formatDelta(
  delta: number | null | undefined,
  unit: string,
  options?: { share?: boolean },
): string;
export declare function progressText(p: import("./vocabulary.js").Progress | undefined): string;
export declare function localTime(date: Date): string;
