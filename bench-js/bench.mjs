// Throughput of the wasm package against ftfy-js (the mojibake fixer a JS user
// would pick today), on the same generated multi-language corpus, in one process.
//
//   node bench-js/bench.mjs            # 4 MB corpus, best of 5 runs
//   node bench-js/bench.mjs --quick    # 256 KB, 1 run: checks that it works (CI)
//
// Prints MB/s (of UTF-8 input) for each and the ratio textscrub / ftfy-js.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fix_encoding, fix_text } from "ftfy-js";
import init, { clean, passes } from "../www/pkg/textscrub.js";
import { build } from "./corpus.mjs";

const quick = process.argv.includes("--quick");
await init({ module_or_path: readFileSync(new URL("../www/pkg/textscrub_bg.wasm", import.meta.url)) });

const text = build(quick ? 256 * 1024 : 4 * 1024 * 1024);
const mb = Buffer.byteLength(text) / 1e6;
const runs = quick ? 1 : 5;

function best(fn) {
  let fastest = Infinity;
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = fn();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return { ms: fastest, out };
}

const names = passes().map((p) => p.name);
const rows = [];
function measure(label, fn) {
  const { ms, out } = best(fn);
  rows.push({ label, ms, mbs: mb / (ms / 1000) });
  return out;
}

const hasEncoding = names.includes("encoding");
const ts = hasEncoding ? measure("textscrub --only encoding (wasm)", () => clean(text, { only: ["encoding"] })) : null;
measure("textscrub gentle preset (wasm)", () => clean(text, { preset: "gentle" }));
measure("textscrub article preset (wasm)", () => clean(text));
// ftfy's fix_encoding slows down sharply on long strings; fix_text splits text
// into lines first, so fix_encoding is given one line at a time, as fix_text does.
const ftfyEnc = measure("ftfy-js fix_encoding, per line", () => text.split("\n").map((l) => fix_encoding(l)).join("\n"));
measure("ftfy-js fix_text", () => fix_text(text));

console.log(`corpus: ${mb.toFixed(2)} MB, ${text.split("\n").length} lines, best of ${runs} run(s); passes: ${names.join(", ")}`);
for (const r of rows) console.log(`${r.label.padEnd(36)} ${r.ms.toFixed(1).padStart(9)} ms ${r.mbs.toFixed(2).padStart(9)} MB/s`);
const ftfyRow = rows.find((r) => r.label === "ftfy-js fix_encoding, per line");
const oursRow = rows.find((r) => r.label.startsWith(hasEncoding ? "textscrub --only encoding" : "textscrub gentle"));
console.log(`ratio ${oursRow.label} / ftfy-js fix_encoding per line: ${(oursRow.mbs / ftfyRow.mbs).toFixed(1)}x`);
if (ts && ts.text.length === 0 && ftfyEnc.length > 0) {
  console.error("textscrub returned empty text");
  process.exit(1);
}
