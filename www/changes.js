// The list of changes, grouped by pass in pipeline order. Each entry says what
// changed (before → after), the rule, the reason and the line, and is a button
// that takes you to the change in the annotated view. Long lists are shown a
// page at a time.

import { passClass } from "./palette.js";
import { snippet } from "./visible.js";

const PAGE = 100;

/** Line numbers for offsets: the offsets of every line break, searched by bisection. */
function lineIndex(text) {
  const breaks = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function entry(input, edit, i, lineOf) {
  const li = document.createElement("li");
  const button = el("button", "change");
  button.type = "button";
  button.dataset.i = String(i);
  const what = el("span", "what");
  const before = input.slice(edit.start, edit.end);
  if (before) what.append(el("del", "", snippet(before)));
  if (before && edit.replacement) what.append(el("span", "arrow", "→"));
  if (edit.replacement) what.append(el("ins", "", snippet(edit.replacement)));
  const why = el("span", "why");
  const steps = edit.steps?.length > 1 ? edit.steps : [edit];
  for (const s of steps) {
    const step = el("span", steps.length > 1 ? `step ${passClass(s.pass)}` : "step");
    step.append(el("span", "rule", steps.length > 1 ? `${s.pass} · ${s.rule}` : s.rule), el("span", "reason", ` ${s.reason}`));
    why.append(step);
  }
  button.append(el("span", "where", `line ${lineOf(edit.start).toLocaleString("en")}`), what, why);
  li.append(button);
  return li;
}

/** "indentation 12 · trailing space 4" for the edits `indices`, most frequent first. */
function ruleCounts(edits, indices) {
  const counts = new Map();
  for (const i of indices) {
    const rule = edits.rule(i);
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${n.toLocaleString("en")}`)
    .join(" · ");
}

/**
 * Renders the changes of one result into `root`, one collapsible group per pass
 * (`edits` is an EditList).
 * `order` is the pipeline order of pass names; `onPick(i)` is called with the
 * index of the edit chosen.
 */
export function renderChanges(root, { input, edits }, order, onPick) {
  root.replaceChildren();
  const groups = new Map();
  for (let i = 0; i < edits.length; i++) {
    const pass = edits.pass(i);
    if (!groups.has(pass)) groups.set(pass, []);
    groups.get(pass).push(i);
  }
  const names = [...order.filter((p) => groups.has(p)), ...[...groups.keys()].filter((p) => !order.includes(p))];
  const lineOf = lineIndex(input);
  for (const pass of names) {
    const indices = groups.get(pass);
    const details = el("details", `group ${passClass(pass)}`);
    details.open = true;
    details.dataset.pass = pass;
    const summary = el("summary");
    summary.append(
      el("span", "swatch"),
      el("span", "pass-name", pass),
      el("span", "count", `${indices.length.toLocaleString("en")} ${indices.length === 1 ? "change" : "changes"}`),
      el("span", "rules", ruleCounts(edits, indices)),
    );
    const list = el("ol", "change-list");
    details.append(summary, list);
    let shown = 0;
    const more = el("button", "show-more");
    more.type = "button";
    const page = () => {
      const frag = document.createDocumentFragment();
      const end = Math.min(indices.length, shown + PAGE);
      for (; shown < end; shown++) frag.append(entry(input, edits.get(indices[shown]), indices[shown], lineOf));
      list.append(frag);
      const left = indices.length - shown;
      more.hidden = left === 0;
      more.textContent = `Show ${Math.min(PAGE, left).toLocaleString("en")} more of ${left.toLocaleString("en")}`;
    };
    more.addEventListener("click", page);
    page();
    details.append(more);
    root.append(details);
  }
  root.onclick = (e) => {
    const button = e.target.closest("button.change");
    if (button) onPick(Number(button.dataset.i));
  };
}
