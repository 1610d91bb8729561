// One tooltip for every mark: shown on hover and on keyboard focus, hidden on
// leaving, blur or Escape. Its content is built with textContent only.

/**
 * Wires the tooltip `tip` to the elements matching `selector` inside `root`.
 * `describe(el)` returns `{ title, lines }` for the element under the pointer or focus.
 */
export function attachTooltip(root, tip, selector, describe) {
  let current = null;

  function show(el) {
    const { title, lines } = describe(el);
    tip.replaceChildren();
    const head = document.createElement("strong");
    head.textContent = title;
    tip.append(head);
    for (const line of lines) {
      const p = document.createElement("span");
      p.className = "tip-line";
      p.textContent = line;
      tip.append(p);
    }
    tip.hidden = false;
    current = el;
    place(el);
  }

  function place(el) {
    const rects = el.getClientRects();
    const r = rects.length ? rects[0] : el.getBoundingClientRect();
    const margin = 8;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    let left = Math.min(Math.max(margin, r.left), window.innerWidth - width - margin);
    let top = r.bottom + 6;
    if (top + height > window.innerHeight - margin) top = Math.max(margin, r.top - height - 6);
    tip.style.left = `${Math.round(left + window.scrollX)}px`;
    tip.style.top = `${Math.round(top + window.scrollY)}px`;
  }

  function hide(el) {
    if (el && el !== current) return;
    tip.hidden = true;
    current = null;
  }

  root.addEventListener("mouseover", (e) => {
    const el = e.target.closest(selector);
    if (el && root.contains(el) && el !== current) show(el);
  });
  root.addEventListener("mouseout", (e) => {
    const el = e.target.closest(selector);
    if (el && !el.contains(e.relatedTarget) && document.activeElement !== el) hide(el);
  });
  root.addEventListener("focusin", (e) => {
    const el = e.target.closest(selector);
    if (el) show(el);
  });
  root.addEventListener("focusout", (e) => {
    const el = e.target.closest(selector);
    if (el) hide(el);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !tip.hidden) hide(current);
  });
  window.addEventListener("resize", () => current && place(current));
  root.addEventListener("scroll", () => current && place(current), { passive: true });

  return { hide: () => hide(current) };
}
