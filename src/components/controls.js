// Small form controls that work with Framework's view(): each element has a value and fires "input".

/** A labelled <select>; options: [{value, label}]. */
export function select(options, { label, value } = {}) {
  const wrap = document.createElement("label");
  const name = document.createElement("span");
  name.textContent = label;
  const input = document.createElement("select");
  for (const o of options) {
    const option = document.createElement("option");
    option.value = String(o.value);
    option.textContent = o.label;
    input.append(option);
  }
  if (value !== undefined) input.value = String(value);
  wrap.append(name, input);
  return { wrap, input };
}

/** Hidden whatever the page's CSS says of its display (.filters and their labels are flex). */
const hide = (element) => {
  element.hidden = true;
  element.style.display = "none";
};

/** A choice besides "all" (""): a select with fewer than two of them cannot change what a page shows. */
const choices = (options) => options.filter((o) => o.value !== "").length;

/** The fields of a filter bar that it shows: those with a choice to make. */
export const shownFields = (fields) => fields.filter((f) => choices(f.options) >= 2);

/**
 * A row of selects whose value is an object {name: selected value}; "" means all. A select that cannot
 * change anything (one choice, or none, besides "all") is not shown, yet keeps its value; with none
 * shown, neither is the bar.
 */
export function filterBar(fields) {
  const form = document.createElement("form");
  form.className = "filters";
  form.addEventListener("submit", (event) => event.preventDefault());
  const inputs = {};
  const shown = new Set(shownFields(fields));
  for (const f of fields) {
    const { wrap, input } = select(f.options, f);
    inputs[f.name] = { input, numeric: f.numeric };
    if (!shown.has(f)) hide(wrap);
    form.append(wrap);
  }
  if (!shown.size) hide(form);
  const read = () =>
    Object.fromEntries(
      Object.entries(inputs).map(([k, { input, numeric }]) => [
        k,
        numeric && input.value ? Number(input.value) : input.value,
      ]),
    );
  form.value = read();
  // Registered before view()'s listener, so the value is fresh when the page reads it.
  form.addEventListener("input", () => (form.value = read()));
  return form;
}

/** A search box whose value is its text. */
export function searchBox({ label, placeholder } = {}) {
  const wrap = document.createElement("label");
  wrap.className = "filters";
  const name = document.createElement("span");
  name.textContent = label;
  const input = document.createElement("input");
  input.type = "search";
  input.placeholder = placeholder ?? "";
  wrap.append(name, input);
  wrap.value = "";
  input.addEventListener("input", () => (wrap.value = input.value));
  return wrap;
}
