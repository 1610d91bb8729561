// The timestamps and datelines the `timestamps` pass recognised: the text as
// found, the moment it stands for (when known), and whether it was removed.
// Choosing one selects it in the input.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders `timestamps` into `list`; `onPick(ts)` is called with the one chosen. Returns how many. */
export function renderTimestamps(list, timestamps, onPick) {
  list.replaceChildren();
  for (const ts of timestamps ?? []) {
    const li = document.createElement("li");
    const button = el("button", "timestamp");
    button.type = "button";
    button.append(el("span", "ts-text", ts.text));
    if (ts.iso) {
      const time = el("time", "ts-iso", ts.iso);
      time.dateTime = ts.iso;
      button.append(time);
    }
    button.append(el("span", `badge ${ts.removed ? "removed" : "kept"}`, ts.removed ? "removed" : "kept"));
    button.addEventListener("click", () => onPick(ts));
    li.append(button);
    list.append(li);
  }
  return list.children.length;
}
