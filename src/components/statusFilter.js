// The status tiles of the overview and of a school page as filters: a tile shows only the cards of its status
// (and hides the plan sections and areas left empty), a second press or 显示全部 shows every card again.
import { statusWords } from "../shared/vocabulary.js";

export function statusFilter(root = document) {
  const tiles = [...root.querySelectorAll(".status-summary [data-filter]")];
  const note = root.querySelector(".filter-note");
  if (!tiles.length || !note) return;
  const cards = [...root.querySelectorAll(".target-card[data-status]")];
  const groups = [...root.querySelectorAll(".plan-section, section:has(> .card-grid)")];
  function show(status) {
    for (const tile of tiles) tile.setAttribute("aria-pressed", String(tile.dataset.filter === status));
    for (const card of cards) card.hidden = Boolean(status) && card.dataset.status !== status;
    for (const group of groups) group.hidden = Boolean(status) && !group.querySelector(".target-card:not([hidden])");
    if (!status) {
      note.hidden = true;
      note.replaceChildren();
      return;
    }
    const shown = cards.filter((c) => !c.hidden).length;
    const all = document.createElement("button");
    all.type = "button";
    all.className = "filter-all";
    all.textContent = "显示全部";
    all.addEventListener("click", () => show(""));
    note.replaceChildren(`只显示${statusWords[status]}的 ${shown} 项指标（共 ${cards.length} 项）。`, all);
    note.hidden = false;
  }
  for (const tile of tiles)
    tile.addEventListener("click", () => show(tile.getAttribute("aria-pressed") === "true" ? "" : tile.dataset.filter));
}
