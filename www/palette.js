// One colour per pass, used by the switches, the marks in the annotated view and
// the changes list. Known passes get a fixed colour (so a pass keeps its colour
// as others are added); passes this page has not heard of take the spare ones.

const KNOWN = ["encoding", "unicode", "timestamps", "residue", "casing", "whitespace"];
const COLOURS = 8;
const assigned = new Map(KNOWN.map((name, i) => [name, i]));

/** The CSS class that colours `pass` (`c0` … `c7`). */
export function passClass(pass) {
  if (!assigned.has(pass)) {
    assigned.set(pass, assigned.size % COLOURS);
  }
  return `c${assigned.get(pass)}`;
}
