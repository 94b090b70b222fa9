// The appendix 指标说明 of the printable district report: what each status means, then per area each
// target's explanation, target, scope and sources, from the registry (explanation_zh, source_zh), so a
// printed report can be defended on its own.
import { h } from "./dom.js";
import { formatThreshold } from "../shared/format.js";
import { areas, scopeText, statusMeanings, statusOrder, statusWords } from "../shared/vocabulary.js";

function note(target) {
  return h(
    "div",
    { class: "target-note", "data-target-id": target.target_id },
    h("h4", {}, target.title_zh),
    h("p", {}, target.explanation_zh),
    h(
      "p",
      { class: "note-facts" },
      `目标：${formatThreshold(target.comparator, target.threshold, target.display_unit)}；范围：${scopeText(target)}`,
    ),
    h("p", { class: "note-source" }, `依据：${target.source_zh || target.source}`),
  );
}

/** notes: target_id, explanation_zh and source_zh of each target (target_notes.json). */
export function targetNotes(targets, notes) {
  const byId = new Map(notes.map((n) => [n.target_id, n]));
  const withNotes = targets.map((t) => ({ ...t, ...byId.get(t.target_id) }));
  return h(
    "div",
    { class: "target-notes" },
    h(
      "dl",
      { class: "status-meanings" },
      statusOrder.map((s) => [h("dt", {}, statusWords[s]), h("dd", {}, statusMeanings[s])]),
    ),
    areas.map((area) => {
      const mine = withNotes.filter((t) => t.area === area.slug);
      return mine.length ? h("section", { class: "notes-area" }, h("h3", {}, area.title), mine.map(note)) : null;
    }),
  );
}
