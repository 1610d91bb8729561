// The page's DOM-free modules, tested directly in Node: the link format
// (state.js), the compact form of edits for the worker (edit-list.js), and the
// visible form of invisible characters (visible.js).

import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeHash, decodeHash, toOptions, passRuns, HASH_TEXT_LIMIT } from "../state.js";
import { packEdits, EditList, leadStep, transferables } from "../edit-list.js";
import { visible, snippet } from "../visible.js";

const PASSES = [
  { name: "encoding", gentle: true },
  { name: "unicode", gentle: true },
  { name: "residue", gentle: false },
  { name: "whitespace", gentle: true },
];

test("state: a hash round-trips preset, switches, view and text", () => {
  const state = {
    preset: "gentle",
    overrides: new Map([["residue", true], ["unicode", false]]),
    view: "plain",
    text: "a+b & c=d #1 100% \u00a0<b>\n\r\n",
    example: null,
  };
  const hash = encodeHash(state);
  assert.ok(hash.startsWith("#"), "should be a hash");
  assert.ok(!hash.includes("+"), "should encode spaces as %20, so a plus stays a plus");
  const back = decodeHash(hash, PASSES);
  assert.equal(back.preset, "gentle", "should keep the preset");
  assert.deepEqual([...back.overrides].sort(), [["residue", true], ["unicode", false]], "should keep the switches");
  assert.equal(back.view, "plain", "should keep the view");
  assert.equal(back.text, state.text, "should keep the text exactly");
  assert.deepEqual(back.ignored, [], "should ignore nothing");
});

test("state: defaults make an empty hash; long texts and examples are not copied", () => {
  assert.equal(encodeHash({ preset: "article", overrides: new Map(), view: "annotated", text: "", example: null }), "", "defaults should give no hash");
  const long = "x".repeat(HASH_TEXT_LIMIT + 1);
  assert.equal(encodeHash({ preset: "article", overrides: new Map(), view: "annotated", text: long, example: null }), "", "a long text should stay out of the link");
  assert.equal(encodeHash({ preset: "article", overrides: new Map(), view: "annotated", text: "abc", example: "news" }), "#example=news", "an example should be named, not copied");
  const ex = decodeHash("#example=news", PASSES);
  assert.equal(ex.example, "news", "should read the example");
  assert.equal(ex.text, null, "no text with an example");
});

test("state: unknown passes, presets and views are ignored and reported", () => {
  const s = decodeHash("#preset=loud&on=sparkle,residue&off=&view=sideways", PASSES);
  assert.equal(s.preset, "article", "an unknown preset falls back to article");
  assert.deepEqual([...s.overrides], [["residue", true]], "only known passes are switched");
  assert.equal(s.view, "annotated", "an unknown view falls back");
  assert.deepEqual(s.ignored, ["preset “loud”", "pass “sparkle”"], "should report what was ignored");
});

test("state: options for clean carry the preset and only the switches that differ", () => {
  const state = { preset: "gentle", overrides: new Map([["residue", true]]) };
  assert.deepEqual(toOptions(state), { preset: "gentle", residue: true }, "should build the options object");
  assert.equal(passRuns(state, PASSES[2]), true, "a pass switched on runs");
  assert.equal(passRuns(state, PASSES[0]), true, "a gentle pass runs under gentle");
  assert.equal(passRuns({ preset: "gentle", overrides: new Map() }, PASSES[2]), false, "a non-gentle pass does not run under gentle");
});

const EDITS = [
  { start: 0, end: 1, replacement: " ", pass: "unicode", rule: "layout-space", reason: "nbsp", steps: [{ pass: "unicode", rule: "layout-space", reason: "nbsp", before: "\u00a0", after: " " }] },
  { start: 3, end: 3, replacement: "ins€rt", pass: "casing", rule: "glued", reason: "split", steps: [{ pass: "casing", rule: "glued", reason: "split", before: "", after: "ins€rt" }] },
  {
    start: 5,
    end: 40,
    replacement: "",
    pass: "unicode",
    rule: "layout-space",
    reason: "nbsp",
    steps: [
      { pass: "unicode", rule: "layout-space", reason: "nbsp", before: "\u00a0", after: " " },
      { pass: "residue", rule: "comment-thread", reason: "comments", before: "Comments (3)\nA reply here\n", after: "" },
      { pass: "whitespace", rule: "blank-lines", reason: "collapsed", before: "\n\n", after: "\n" },
    ],
  },
  { start: 41, end: 42, replacement: " ", pass: "unicode", rule: "layout-space", reason: "nbsp", steps: [] },
];

test("edit-list: a multi-pass edit is filed under the step that covered the most text", () => {
  assert.equal(leadStep(EDITS[2]).pass, "residue", "the comment thread is residue's");
  assert.equal(leadStep(EDITS[0]), EDITS[0], "a single step is the edit itself");
  const list = EditList.fromArray(EDITS);
  assert.equal(list.pass(2), "residue", "the list should file it under residue");
  assert.equal(list.get(2).steps.length, 3, "all steps should be kept");
  assert.equal(EDITS[2].pass, "unicode", "the caller's edits should not be changed");
});

test("edit-list: packing for the worker loses nothing the page shows", () => {
  const packed = packEdits(EDITS);
  assert.equal(transferables(packed).length, 4, "the typed arrays should be transferable");
  assert.equal(packed.kindTable.length, 3, "repeated pass/rule/reason should be stored once");
  const a = EditList.fromArray(EDITS);
  const b = EditList.fromPacked(structuredClone(packed));
  assert.equal(b.length, a.length, "same length");
  for (let i = 0; i < a.length; i++) {
    const x = a.get(i);
    const y = b.get(i);
    for (const k of ["start", "end", "replacement", "pass", "rule", "reason"]) assert.equal(y[k], x[k], `edit ${i}: ${k} should survive packing`);
    assert.equal(b.pass(i), a.pass(i), `edit ${i}: pass(i) should agree`);
    assert.equal(b.rule(i), a.rule(i), `edit ${i}: rule(i) should agree`);
    if (x.steps.length > 1) assert.deepEqual(y.steps, x.steps, `edit ${i}: steps should survive`);
  }
});

test("visible: invisible characters get a visible form, line breaks are kept", () => {
  assert.equal(visible("a b\tc"), "a·b⇥c", "space and tab");
  assert.equal(visible("\u00a0\u200b\ufeff"), "⍽⟨U+200B⟩⟨U+FEFF⟩", "no-break space, zero-width space, BOM");
  assert.equal(visible("x\r\ny"), "x␍↵\ny", "CR shows, LF shows and is kept");
  assert.equal(visible("\u0081"), "⟨U+0081⟩", "C1 controls show their code point");
  assert.equal(visible("é😀"), "é😀", "visible characters stay as they are");
  assert.equal(snippet("line one\nline two", 12), "line·one↵li…", "a snippet is one line, cut with an ellipsis");
});
