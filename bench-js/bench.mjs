// Throughput of the wasm package against ftfy-js (the mojibake fixer a JS user
// would pick today), on the same generated multi-language corpus, in one process.
//
//   node bench-js/bench.mjs            # 4 MB corpora, 2 warm-up runs, then best of 5
//   node bench-js/bench.mjs --quick    # 256 KB, 1 run: checks that it works (CI)
//
// Two corpora (bench-js/corpus.mjs): "dense", where a quarter of the lines are
// damaged, and "sparse", one line in a hundred, about as often as real scraped
// pages carry mojibake; then the same lines with none damaged, and the copy
// of the string into wasm memory that every call makes, as floors. Prints MB/s (of UTF-8 input) for each system and pass,
// and the ratio of the `encoding` pass to ftfy-js's fix_encoding (also with the
// result's edits read, and against fix_text).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fix_encoding, fix_text } from "ftfy-js";
import init, { clean, passes } from "../www/pkg/textscrub.js";
import { build } from "./corpus.mjs";

const quick = process.argv.includes("--quick");
await init({ module_or_path: readFileSync(new URL("../www/pkg/textscrub_bg.wasm", import.meta.url)) });
const runs = quick ? 1 : 5;
const size = quick ? 256 * 1024 : 4 * 1024 * 1024;
const names = passes().map((p) => p.name);

// Every system gets the same treatment: untimed warm-up runs first, so that the
// JS and wasm engines have compiled their optimised code, then the best of `runs`.
const warmups = quick ? 0 : 2;

function best(fn) {
  let fastest = Infinity;
  let out;
  for (let i = 0; i < warmups; i++) fn();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = fn();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return { ms: fastest, out };
}

console.log(`passes: ${names.join(", ")}; ${warmups} warm-up run(s), then best of ${runs}`);
for (const [corpus, every] of [["dense", 4], ["sparse", 100]]) {
  const text = build(size, every);
  const mb = Buffer.byteLength(text) / 1e6;
  console.log(`\n${corpus} corpus: ${mb.toFixed(2)} MB, ${text.split("\n").length} lines, one damaged line in ${every}`);
  const rows = [];
  const measure = (label, fn) => {
    const { ms, out } = best(fn);
    rows.push({ label, ms, mbs: mb / (ms / 1000) });
    console.log(`  ${label.padEnd(38)} ${ms.toFixed(1).padStart(9)} ms ${(mb / (ms / 1000)).toFixed(2).padStart(9)} MB/s`);
    return out;
  };
  measure("textscrub article preset (wasm)", () => clean(text));
  measure("textscrub gentle preset (wasm)", () => clean(text, { preset: "gentle" }));
  for (const name of names) {
    const out = measure(`textscrub --only ${name} (wasm)`, () => clean(text, { only: [name] }));
    if (out.text.length === 0) throw new Error(`textscrub --only ${name} returned empty text`);
  }
  // `edits` becomes objects when first read (see src/wasm/result.rs); reading
  // it shows the cost for a caller who wants every edit as well as the text.
  if (names.includes("encoding")) {
    measure("textscrub --only encoding, edits read", () => {
      const out = clean(text, { only: ["encoding"] });
      if (!Array.isArray(out.edits)) throw new Error("edits should be an array");
      return out;
    });
  }
  // ftfy's fix_encoding slows down sharply on long strings; fix_text splits text
  // into lines first, so fix_encoding is given one line at a time, as fix_text does.
  measure("ftfy-js fix_encoding, per line", () => text.split("\n").map((l) => fix_encoding(l)).join("\n"));
  measure("ftfy-js fix_text", () => fix_text(text));
  // The floor under every call: the string's copy into wasm memory as UTF-8
  // (one TextEncoder.encodeInto, as src/wasm/text.js makes it).
  const utf8 = new Uint8Array(text.length * 3);
  const encoder = new TextEncoder();
  measure("copy into wasm memory (encodeInto)", () => encoder.encodeInto(text, utf8));
  const ours = rows.find((r) => r.label === (names.includes("encoding") ? "textscrub --only encoding (wasm)" : "textscrub gentle preset (wasm)"));
  const theirs = rows.find((r) => r.label === "ftfy-js fix_encoding, per line");
  console.log(`  ratio ${ours.label} / ftfy-js fix_encoding per line: ${(ours.mbs / theirs.mbs).toFixed(1)}x`);
  const read = rows.find((r) => r.label === "textscrub --only encoding, edits read");
  const fixText = rows.find((r) => r.label === "ftfy-js fix_text");
  if (read) console.log(`  ratio ${read.label} / ftfy-js fix_encoding per line: ${(read.mbs / theirs.mbs).toFixed(1)}x`);
  console.log(`  ratio ${ours.label} / ftfy-js fix_text: ${(ours.mbs / fixText.mbs).toFixed(1)}x`);
}

// The same corpus with no damaged line: what the pass costs when it repairs
// nothing (the copy and one scan), the floor for the corpora above.
{
  const text = build(size, Infinity);
  const mb = Buffer.byteLength(text) / 1e6;
  console.log(`\nundamaged corpus: ${mb.toFixed(2)} MB, ${text.split("\n").length} lines, no damaged line`);
  const { ms } = best(() => clean(text, { only: ["encoding"] }));
  console.log(`  ${"textscrub --only encoding (wasm)".padEnd(38)} ${ms.toFixed(1).padStart(9)} ms ${(mb / (ms / 1000)).toFixed(2).padStart(9)} MB/s`);
}
