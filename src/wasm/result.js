// The JavaScript half of src/wasm/result.rs: the `text` of a result, put
// together from slices of strings, and its `edits`, made into objects when
// first read, both from the compact form that file hands over.

/** Fields per edit in `numbers`. */
const FIELDS = 7;

/**
 * Sets `target.text` and defines `target.edits`, from the compact form:
 *
 * `numbers` holds seven numbers per edit: start and end (UTF-16 offsets into
 * `input`), the length of its replacement (the next slice of `replacements`,
 * which holds them all in order), the indices in `table` (a JSON array of
 * strings) of its pass, rule and reason, and how to get its steps: 0 if its
 * one step says the same as the edit (pass, rule and reason,
 * `input.slice(start, end)` before, the replacement after); 1 the same, with
 * the slice made well-formed as it was on its way into wasm (a lone
 * surrogate became U+FFFD); or else 2 + the index of its steps in `steps` (a
 * JSON array of step arrays).
 */
export function define_text_and_edits_js(target, numbers, replacements, input, table, steps) {
  target.text = assemble(numbers, replacements, input);
  defineEdits(target, { numbers, replacements, input, table, steps });
}

/** `input` with the edits of `numbers` applied (see `define_text_and_edits_js`). */
function assemble(numbers, replacements, input) {
  let out = "";
  let at = 0;
  let from = 0;
  for (let j = 0; j < numbers.length; j += FIELDS) {
    const start = numbers[j];
    const to = from + numbers[j + 2];
    if (start > at) out += input.slice(at, start);
    if (to > from) out += replacements.slice(from, to);
    from = to;
    at = numbers[j + 1];
  }
  if (at < input.length) out += input.slice(at);
  return out;
}

/**
 * Defines `target.edits` as an own, enumerable accessor that makes the edit
 * objects on first read and returns the same array from then on; assigning
 * replaces it. Until then only the compact form is kept, and it is let go as
 * soon as the array is made or replaced.
 */
function defineEdits(target, compact) {
  let value;
  let pending = compact;
  Object.defineProperty(target, "edits", {
    get() {
      if (pending !== undefined) {
        value = expand(pending);
        pending = undefined;
      }
      return value;
    },
    set(v) {
      value = v;
      pending = undefined;
    },
    enumerable: true,
    configurable: true,
  });
}

/** The edit objects of the compact form (see `define_text_and_edits_js`). */
function expand({ numbers, replacements, input, table, steps }) {
  const strings = JSON.parse(table);
  const stepLists = JSON.parse(steps);
  const edits = [];
  let from = 0;
  for (let j = 0; j < numbers.length; j += FIELDS) {
    const start = numbers[j];
    const end = numbers[j + 1];
    const to = from + numbers[j + 2];
    const replacement = replacements.slice(from, to);
    from = to;
    const pass = strings[numbers[j + 3]];
    const rule = strings[numbers[j + 4]];
    const reason = strings[numbers[j + 5]];
    const k = numbers[j + 6];
    let steps;
    if (k < 2) {
      const before = input.slice(start, end);
      steps = [{ pass, rule, reason, before: k === 0 ? before : wellFormed(before), after: replacement }];
    } else {
      steps = stepLists[k - 2];
    }
    edits.push({ start, end, replacement, pass, rule, reason, steps });
  }
  return edits;
}

/** `s` with each lone surrogate replaced by U+FFFD, as `TextEncoder` reads it. */
function wellFormed(s) {
  if (typeof s.toWellFormed === "function") return s.toWellFormed();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    out += c >= 0xd800 && c <= 0xdfff ? "\ufffd" : s[i];
  }
  return out;
}
