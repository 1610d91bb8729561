// The JavaScript surface of the package: options, errors, offsets, bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import textscrub from "./load.mjs";

const { clean, cleanBytes, passes, version } = textscrub;

test("passes are listed in pipeline order with their summaries", () => {
  const list = passes();
  assert.ok(list.length >= 2, "should list the registered passes");
  assert.deepEqual(list.map((p) => p.name).slice(-1), ["whitespace"], "should end with whitespace");
  for (const p of list) assert.equal(typeof p.summary, "string", `should describe ${p.name}`);
});

test("version matches the package", () => {
  assert.match(version(), /^\d+\.\d+\.\d+/, "should be a semver string");
});

test("offsets are UTF-16 code units, usable with String.prototype.slice", () => {
  const input = "😀 \u0421omment";
  const { edits } = clean(input, { only: ["unicode"] });
  assert.equal(edits.length, 1, "should make one edit");
  assert.equal(input.slice(edits[0].start, edits[0].end), "\u0421omment", "should point at the word after the emoji");
});

test("unknown option keys throw an Error naming them", () => {
  assert.throws(() => clean("x", { bogus: true }), (e) => e instanceof Error && /bogus/.test(e.message), "should name the unknown key");
  assert.throws(() => clean("x", { unicode: { nfcc: false } }), /unicode\.nfcc/, "should name the nested key by path");
});

test("wrong types and unknown names throw", () => {
  assert.throws(() => clean("x", { unicode: 3 }), /unicode/, "should name the option with a wrong type");
  assert.throws(() => clean("x", { preset: "loud" }), /loud/, "should name the unknown preset");
  assert.throws(() => clean("x", { skip: ["spelling"] }), /spelling/, "should name the unknown pass");
  assert.throws(() => clean("x", "article"), /options/, "should refuse options that are not an object");
});

test("a pass can be switched off or given settings", () => {
  assert.equal(clean("x\u00a0y", { unicode: false }).text, "x\u00a0y", "should skip a pass switched off");
  assert.equal(clean("x\u00a0y", { unicode: { spaces: false } }).text, "x\u00a0y", "should honour a pass's settings");
  assert.equal(clean("x\u00a0y", { preset: "gentle" }).text, "x y", "gentle should still fix spaces");
});

test("progress is reported before each pass and at the end", () => {
  const seen = [];
  clean("some text\n", undefined, (done, pass) => seen.push([done, pass]));
  assert.ok(seen.length >= 2, "should report progress");
  assert.deepEqual(seen.at(-1), [1, ""], "should end at 1");
  assert.ok(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0]), "should only move forward");
});

test("bytes that are not UTF-8 lose no text and say why", () => {
  const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
  const got = cleanBytes(bytes);
  assert.equal(got.input.length, 7, "should keep every byte's worth of text");
  assert.ok(got.stats.decoding, "should say how the bytes were read");
  assert.ok(got.text.includes("ok"), "should keep the readable text");
});

test("UTF-8 bytes with a BOM decode cleanly", () => {
  const bytes = new TextEncoder().encode("\ufeffcafé");
  const got = cleanBytes(bytes);
  assert.equal(got.text, "café", "should drop the BOM and decode UTF-8");
  assert.equal(got.stats.decoding.bom, true, "should report the BOM");
});

test("clean text comes back unchanged", () => {
  const text = "A clean paragraph.\n\nAnother one, in Русский and Ελληνικά.\n";
  const got = clean(text);
  assert.equal(got.text, text, "should return clean text byte-identical");
  assert.deepEqual(got.edits, [], "should report no edits");
});

test("the TypeScript option types list exactly the settings each pass accepts", async () => {
  const { readFileSync } = await import("node:fs");
  const dts = readFileSync(new URL("../../www/pkg/textscrub.d.ts", import.meta.url), "utf8");
  for (const { name } of passes()) {
    const iface = `${name[0].toUpperCase()}${name.slice(1)}Options`;
    const m = dts.match(new RegExp(`export interface ${iface} \\{([^}]*)\\}`));
    assert.ok(m, `the types should declare ${iface}`);
    const declared = [...m[1].matchAll(/(\w+)\?:/g)].map((x) => x[1]).sort();
    assert.match(dts, new RegExp(`${name}\\?: PassSetting<${iface}>`), `Options should have a ${name} key`);
    let accepted = [];
    try {
      clean("x", { [name]: { __probe__: true } });
    } catch (e) {
      accepted = (e.message.match(/Expected one of (.*)$/)?.[1] ?? "").split(/,\s*/).filter(Boolean).sort();
    }
    assert.deepEqual(declared, accepted, `${iface} should declare exactly the settings the ${name} pass accepts`);
  }
});

test("a result with edits behaves as a plain object", () => {
  const input = "Le cafÃ© est prÃªt.\nCity\u00a0council and \u0421omment.\n";
  const got = clean(input);
  assert.deepEqual(Object.keys(got), ["text", "edits", "stats"], "should have its keys in order");
  assert.ok(got.edits.length >= 2, "should report the edits");
  assert.equal(got.edits, got.edits, "should give the same array on every read");
  let replayed = "";
  let at = 0;
  for (const e of got.edits) {
    replayed += input.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  assert.equal(replayed + input.slice(at), got.text, "should replay its edits to its text");
  const copy = JSON.parse(JSON.stringify(got));
  assert.deepEqual(copy.edits, got.edits, "should serialise its edits");
  assert.deepEqual(structuredClone(got).edits, got.edits, "should survive structuredClone");
  assert.deepEqual({ ...got }.edits, got.edits, "should spread");
  got.edits = [];
  assert.deepEqual(got.edits, [], "should take a new value");
  const bytes = cleanBytes(new TextEncoder().encode(input));
  assert.deepEqual(Object.keys(bytes), ["input", "text", "edits", "stats"], "cleanBytes should have its keys in order");
  assert.equal(bytes.text, clean(input).text, "cleanBytes should clean as clean does");
});

test("text that is not a string is refused", () => {
  assert.throws(() => clean(42), (e) => e instanceof Error && /string/.test(e.message), "should say text must be a string");
});

test("edits carry quotes, backslashes and control characters intact", () => {
  const input = "say &quot;hi&quot; &#92; tab&#9;here caf&eacute; &#x1F600; cafÃ©";
  const got = clean(input, { only: ["encoding"] });
  assert.equal(got.text, 'say "hi" \\ tab\there café 😀 café', "should read every reference");
  assert.deepEqual(got.edits.map((e) => e.replacement), ['"', '"', "\\", "\t", "é", "😀", "é"], "should keep each replacement exact");
  for (const e of got.edits) {
    assert.deepEqual(Object.keys(e), ["start", "end", "replacement", "pass", "rule", "reason", "steps"], "edits should have their fields in order");
    for (const s of e.steps) assert.deepEqual(Object.keys(s), ["pass", "rule", "reason", "before", "after"], "steps should have their fields in order");
    assert.equal(input.slice(e.start, e.end), e.steps[0].before, "the first step should start from the input's text");
    assert.equal(typeof e.start, "number", "offsets should be numbers");
  }
});
