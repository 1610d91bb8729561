// The annotated view: the input as it was, with every change marked where it
// happens. A removed stretch is struck through (<del>), what was put in is
// underlined (<ins>); both sit in a focusable <mark> coloured by pass that
// carries the pass and reason (aria-description, and the tooltip).
//
// Large results are rendered in chunks (a few thousand changes or a few hundred
// thousand characters at a time) so that an 8 MB input does not build millions
// of nodes; "Show more" and jumping to a change render further.
//
// All text goes in through text nodes: the input is never parsed as HTML.

import { passClass } from "./palette.js";
import { visible } from "./visible.js";

const CHUNK_EDITS = 1500;
const CHUNK_CHARS = 100_000;

/** A sentence for assistive technology: which pass, which rule, why. */
export function describeEdit(edit) {
  const steps = edit.steps?.length ? edit.steps : [edit];
  return steps.map((s) => `${s.pass} (${s.rule}): ${s.reason}`).join("; ");
}

export class AnnotatedView {
  /** `root`: the element that holds the text. */
  constructor(root) {
    this.root = root;
    this.input = "";
    this.edits = { length: 0, get: () => undefined };
    this.pos = 0;
    this.next = 0;
    this.current = null;
    root.addEventListener("keydown", (e) => this.#onKey(e));
    root.addEventListener("focusin", (e) => {
      const mark = e.target.closest("mark.edit");
      if (mark) this.#setCurrent(mark);
    });
    root.addEventListener("click", (e) => {
      const more = e.target.closest("button.show-more");
      if (more) {
        const focusIndex = this.next;
        this.#renderChunk(CHUNK_EDITS, CHUNK_CHARS);
        this.markAt(focusIndex)?.focus();
      }
    });
  }

  /** Shows `input` with `edits` (an EditList: sorted, non-overlapping, UTF-16 offsets into `input`). */
  show(input, edits) {
    this.input = input;
    this.edits = edits;
    this.pos = 0;
    this.next = 0;
    this.current = null;
    this.root.replaceChildren();
    this.#renderChunk(CHUNK_EDITS, CHUNK_CHARS);
  }

  /** The mark of edit `i`, rendering up to it first if needed. */
  markAt(i) {
    if (i < 0 || i >= this.edits.length) return null;
    while (this.next <= i) this.#renderChunk(Math.max(CHUNK_EDITS, i - this.next + 1), Infinity);
    return this.root.querySelector(`#edit-${i}`);
  }

  /** Scrolls to edit `i`, focuses it and flashes it. */
  reveal(i) {
    const mark = this.markAt(i);
    if (!mark) return;
    this.#setCurrent(mark);
    mark.scrollIntoView({ block: "center", inline: "nearest" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  }

  #setCurrent(mark) {
    if (this.current && this.current !== mark) this.current.tabIndex = -1;
    this.current = mark;
    if (mark) mark.tabIndex = 0;
  }

  #onKey(e) {
    const mark = e.target.closest?.("mark.edit");
    if (!mark) return;
    const i = Number(mark.dataset.i);
    let target = null;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") target = i + 1;
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") target = i - 1;
    else if (e.key === "Home") target = 0;
    else if (e.key === "End") target = Math.min(this.edits.length - 1, this.next - 1);
    if (target === null || target < 0 || target >= this.edits.length) return;
    e.preventDefault();
    const next = this.markAt(target);
    if (!next) return;
    this.#setCurrent(next);
    next.focus();
  }

  #mark(edit, i) {
    const mark = document.createElement("mark");
    mark.className = `edit ${passClass(edit.pass)}`;
    mark.id = `edit-${i}`;
    mark.dataset.i = String(i);
    mark.tabIndex = i === 0 ? 0 : -1;
    mark.setAttribute("aria-description", describeEdit(edit));
    const before = this.input.slice(edit.start, edit.end);
    if (before) {
      const del = document.createElement("del");
      del.textContent = visible(before);
      mark.append(del);
    }
    if (edit.replacement) {
      const ins = document.createElement("ins");
      ins.textContent = visible(edit.replacement);
      mark.append(ins);
    }
    if (i === 0) this.current = mark;
    return mark;
  }

  #renderChunk(maxEdits, maxChars) {
    this.root.querySelector(":scope > .more")?.remove();
    const frag = document.createDocumentFragment();
    let chars = 0;
    let edits = 0;
    const { input } = this;
    while (this.pos < input.length || this.next < this.edits.length) {
      const edit = this.next < this.edits.length ? this.edits.get(this.next) : undefined;
      const gapEnd = edit ? edit.start : input.length;
      if (gapEnd > this.pos) {
        const room = maxChars - chars;
        if (room <= 0) break;
        const end = Math.min(gapEnd, this.pos + room);
        frag.append(document.createTextNode(input.slice(this.pos, end)));
        chars += end - this.pos;
        this.pos = end;
        if (end < gapEnd) break;
      }
      if (!edit) break;
      if (edits >= maxEdits) break;
      frag.append(this.#mark(edit, this.next));
      chars += edit.end - edit.start + edit.replacement.length;
      this.pos = edit.end;
      this.next += 1;
      edits += 1;
    }
    this.root.append(frag);
    if (this.pos < input.length || this.next < this.edits.length) {
      const more = document.createElement("p");
      more.className = "more";
      const left = this.edits.length - this.next;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "show-more";
      const rest = Math.round(((input.length - this.pos) / input.length) * 100);
      button.textContent = left
        ? `Show more (${left.toLocaleString("en")} more changes, ${rest}% of the text)`
        : `Show the rest of the text (${rest}%)`;
      more.append(button);
      this.root.append(more);
    }
  }
}
