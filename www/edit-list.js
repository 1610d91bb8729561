// A compact form of a result's edits, for moving large results out of the
// worker: hundreds of thousands of small objects (each with its steps) take
// seconds to copy between threads, while a few typed arrays and one string take
// milliseconds. The page reads edits through `EditList.get(i)` whichever thread
// produced them.

/**
 * The step an edit is filed under: when several passes shaped one edit, the
 * step that covered the most text. A comment thread that `residue` removed is
 * residue's, even when `unicode` had fixed a space inside it first; every step
 * is still listed with the edit.
 */
export function leadStep(edit) {
  const steps = edit.steps;
  if (!steps || steps.length < 2) return edit;
  let lead = steps[0];
  for (const s of steps) if (s.before.length >= lead.before.length) lead = s;
  return lead;
}

/** `edit` with its pass, rule and reason taken from its lead step. */
function filed(edit) {
  const lead = leadStep(edit);
  return lead === edit ? edit : { ...edit, pass: lead.pass, rule: lead.rule, reason: lead.reason };
}

/** Packs `edits` (as `clean` returns them) into transferable parts. */
export function packEdits(edits) {
  const n = edits.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const kinds = new Uint32Array(n);
  const replOffsets = new Uint32Array(n + 1);
  const kindIndex = new Map();
  const kindTable = [];
  const replacements = [];
  const steps = {};
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const e = filed(edits[i]);
    starts[i] = e.start;
    ends[i] = e.end;
    const key = `${e.pass}\u0000${e.rule}\u0000${e.reason}`;
    let k = kindIndex.get(key);
    if (k === undefined) {
      k = kindTable.length;
      kindIndex.set(key, k);
      kindTable.push([e.pass, e.rule, e.reason]);
    }
    kinds[i] = k;
    replacements.push(e.replacement);
    offset += e.replacement.length;
    replOffsets[i + 1] = offset;
    // A single step repeats the edit itself; only several steps carry news.
    if (e.steps && e.steps.length > 1) steps[i] = e.steps;
  }
  return { starts, ends, kinds, replOffsets, replacements: replacements.join(""), kindTable, steps };
}

/** The buffers of a packed list, for postMessage's transfer list. */
export function transferables(packed) {
  return [packed.starts.buffer, packed.ends.buffer, packed.kinds.buffer, packed.replOffsets.buffer];
}

/**
 * Read access to edits, packed or not: `length`, `get(i)` (the edit as `clean`
 * gives it, filed under its lead step) and `pass(i)`, `rule(i)` (cheap, for
 * counting and grouping).
 */
export class EditList {
  static fromArray(array) {
    const edits = array.map(filed);
    const list = new EditList();
    list.length = edits.length;
    list.get = (i) => edits[i];
    list.pass = (i) => edits[i].pass;
    list.rule = (i) => edits[i].rule;
    return list;
  }

  static fromPacked(p) {
    const list = new EditList();
    list.length = p.starts.length;
    list.pass = (i) => p.kindTable[p.kinds[i]][0];
    list.rule = (i) => p.kindTable[p.kinds[i]][1];
    list.get = (i) => {
      const [pass, rule, reason] = p.kindTable[p.kinds[i]];
      const replacement = p.replacements.slice(p.replOffsets[i], p.replOffsets[i + 1]);
      return {
        start: p.starts[i],
        end: p.ends[i],
        replacement,
        pass,
        rule,
        reason,
        steps: p.steps[i] ?? [{ pass, rule, reason }],
      };
    };
    return list;
  }
}
