// Page helpers.

/** Scrolls to the element named by the URL's hash once it exists (blocks render after load). */
export function scrollToHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
}
