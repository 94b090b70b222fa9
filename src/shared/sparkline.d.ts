// Types of sparkline.js for the Node side (src/ itself is not type-checked).
import type { TrendPoint } from "./targetCard.js";

export declare function sparklineSvg(points: TrendPoint[], options: { unit: string; share: boolean }): string;
