// The HTML written into pages at build time besides the overview's and the school pages' parts (overview.ts,
// schoolParts.ts): an area page's index of its targets, the sample banner and the footer.
import { escapeHtml as esc } from "../../src/shared/format.js";
import type { Snapshot } from "../lib/snapshot.ts";
import type { Target } from "../lib/targets.ts";

/**
 * An area page's index of its targets. Each entry is also the named anchor (`name="target-<id>"`) that
 * cards link to, so the links resolve before the page's script draws the blocks (which carry the id).
 */
export function areaIndexMarkup(targets: Target[], area: string): string {
  const items = targets
    .filter((t) => t.area === area)
    .map(
      (t) => `<li><a name="target-${esc(t.target_id)}" href="#target-${esc(t.target_id)}">${esc(t.title_zh)}</a></li>`,
    );
  return `<nav class="area-index" aria-label="本页指标"><ol>${items.join("")}</ol></nav>`;
}

export function bannerMarkup(snapshot: Snapshot): string {
  return snapshot.isSample
    ? `<div class="sample-banner" role="note"><strong>示例数据</strong>：合成数据，仅用于演示<span class="banner-more">；当前数据仓库载入的是随附的示例数据，所有学校与数字均为虚构</span>。</div>`
    : "";
}

export function footerMarkup(snapshot: Snapshot): string {
  const loaded = snapshot.loadedAt ? `数据载入时间：${esc(snapshot.loadedAt)}` : "数据载入时间：未知";
  return `<div class="site-footer">${loaded} · ${snapshot.isSample ? "示例数据（合成） · " : ""}沙坪坝区2021年教育工作要点指标监测</div>`;
}
