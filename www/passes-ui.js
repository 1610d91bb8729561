// The per-pass switches, built from `passes()` so the page shows whichever
// passes the package has, each with its colour, summary and count of changes.

import { passClass } from "./palette.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds one switch per pass into `list`; `onToggle(name, on)` is called when one is flipped. */
export function buildSwitches(list, passes, onToggle) {
  list.replaceChildren();
  for (const pass of passes) {
    const li = el("li", `pass ${passClass(pass.name)}`);
    const id = `pass-${pass.name}`;
    const input = el("input");
    input.type = "checkbox";
    input.id = id;
    input.setAttribute("role", "switch");
    input.dataset.pass = pass.name;
    input.setAttribute("aria-describedby", `${id}-summary ${id}-count`);
    const label = el("label");
    label.htmlFor = id;
    label.append(el("span", "swatch"), el("span", "pass-name", pass.name));
    const count = el("span", "count", "");
    count.id = `${id}-count`;
    const summary = el("span", "summary", pass.summary);
    summary.id = `${id}-summary`;
    li.append(input, label, count, summary);
    input.addEventListener("change", () => onToggle(pass.name, input.checked));
    list.append(li);
  }
}

/** Sets each switch to whether its pass runs (`runs(name)`). */
export function setSwitches(list, runs) {
  for (const input of list.querySelectorAll("input[data-pass]")) {
    input.checked = runs(input.dataset.pass);
    input.closest("li").classList.toggle("off", !input.checked);
  }
}

/** Shows the number of changes per pass (`null`: not run yet). */
export function setCounts(list, changesByPass, ran) {
  for (const input of list.querySelectorAll("input[data-pass]")) {
    const name = input.dataset.pass;
    const count = list.querySelector(`#pass-${CSS.escape(name)}-count`);
    if (!changesByPass || !ran.includes(name)) {
      count.textContent = input.checked ? "" : "off";
      count.classList.add("muted");
    } else {
      const n = changesByPass[name] ?? 0;
      count.textContent = `${n.toLocaleString("en")} ${n === 1 ? "change" : "changes"}`;
      count.classList.toggle("muted", n === 0);
    }
  }
}
