// Building elements: h("p", {class: "muted"}, "text", child). Strings become text nodes, never markup,
// and a URL attribute never takes a script: data from the warehouse cannot run in the page.
// (The installed htl 1.0.0 exports only an "import" condition, which Framework cannot bundle.)

const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href"]);
const scriptUrl = /^\s*(javascript|vbscript|data):/i;

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith("on")) {
      if (typeof value === "function") element.addEventListener(name.slice(2), value);
    } else if (urlAttributes.has(name.toLowerCase()) && scriptUrl.test(String(value))) continue;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}
