// Makes the characters a change touched visible: a removed no-break space or
// zero-width character would otherwise be struck through as nothing at all.
// Used only inside marks; the text around them is shown exactly as it is.

const NAMED = new Map([
  [" ", "·"],
  ["\t", "⇥"],
  ["\r", "␍"],
  ["\u00a0", "⍽"],
  ["\u2028", "⏎"],
  ["\u2029", "¶"],
]);

// Other spaces, format and control characters (zero-width, BOM, bidi marks…).
const HIDDEN = /[\p{Zs}\p{Cf}\p{Cc}]/u;

function codePoint(ch) {
  return ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/**
 * `text` with invisible characters replaced by visible symbols. A line break
 * shows as ↵ and is kept, so the marked text keeps the layout of the input.
 */
export function visible(text) {
  let out = "";
  for (const ch of text) {
    if (ch === "\n") out += "↵\n";
    else if (NAMED.has(ch)) out += NAMED.get(ch);
    else if (HIDDEN.test(ch)) out += `⟨U+${codePoint(ch)}⟩`;
    else out += ch;
  }
  return out;
}

/** A short, single-line version of `text` for lists: visible, cut to `max` characters. */
export function snippet(text, max = 60) {
  const shown = visible(text).replace(/\n/g, "");
  const chars = Array.from(shown);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : shown;
}
