// Types of targetCardHtml.js for the Node side (src/ itself is not type-checked).
import type { CardFacts } from "./targetCard.js";

export declare function statusBadgeHtml(status: string, href?: string): string;
export declare function targetCardHtml(
  card: CardFacts,
  where: { href: string; root?: string; gaps?: string; gapsId?: string },
): string;
export declare function statusSummaryHtml(statuses: string[]): string;
