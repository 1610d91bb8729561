// The golden cases of tests/cases/*.json, run through the wasm build: the same
// suite the Rust tests run natively (tests/golden.rs), so both targets agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import textscrub from "./load.mjs";

const dir = new URL("../cases/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

/** Applies UTF-16 edits to a JS string. */
function replay(input, edits) {
  let out = "";
  let at = 0;
  for (const e of edits) {
    assert.ok(e.start >= at && e.end >= e.start, "edits should be sorted and not overlap");
    out += input.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + input.slice(at);
}

test("there are golden cases to run", () => {
  assert.ok(files.length >= 2, "should find case files in tests/cases");
});

for (const file of files) {
  const cases = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  for (const c of cases) {
    test(`[${file}] ${c.label}`, () => {
      const options = c.options ?? undefined;
      const want = c.output ?? c.input;
      const got = textscrub.clean(c.input, options);
      assert.equal(got.text, want, "should give the expected output");
      if (c.output === undefined) assert.deepEqual(got.edits, [], "a negative case should report no edits");
      assert.equal(replay(c.input, got.edits), got.text, "edits (UTF-16 offsets) should replay to the output");
      assert.equal(textscrub.clean(got.text, options).text, got.text, "cleaning again should change nothing");
      for (const rule of c.rules ?? []) {
        const found = got.edits.some((e) => e.steps.some((s) => `${s.pass}/${s.rule}` === rule));
        assert.ok(found, `should use rule ${rule}`);
      }
      for (const s of c.timestamps ?? []) {
        const found = got.stats.timestamps.some((t) => t.text === s.text && (t.iso ?? null) === s.iso);
        assert.ok(found, `should find timestamp ${s.text}`);
      }
    });
  }
}
