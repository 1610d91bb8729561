// A module Web Worker that cleans large inputs off the main thread, so the page
// stays responsive. Messages in:
//   { id, kind: "text",  text,  options }
//   { id, kind: "bytes", bytes, options }   (bytes: a transferred ArrayBuffer)
// Messages out:
//   { id, type: "progress", done, pass }    (before each pass, 0..1)
//   { id, type: "result", result, ms }      (result as from clean/cleanBytes, with the
//                                            edits packed by edit-list.js; `input` only
//                                            for bytes, since the page has the text)
//   { id, type: "error", message }
//
// Import maps do not reach workers, so this imports the package by its path.
import init, { clean, cleanBytes } from "./pkg/textscrub.js";
import { packEdits, transferables } from "./edit-list.js";

const ready = init();

self.onmessage = async ({ data }) => {
  const { id, kind, options } = data;
  try {
    await ready;
    const progress = (done, pass) => self.postMessage({ id, type: "progress", done, pass });
    const t0 = performance.now();
    let result;
    if (kind === "bytes") {
      progress(0, "decoding");
      result = cleanBytes(new Uint8Array(data.bytes), options);
    } else {
      result = clean(data.text, options, progress);
    }
    const ms = performance.now() - t0;
    self.postMessage({ id, type: "progress", done: 1, pass: "" });
    const edits = packEdits(result.edits);
    self.postMessage({ id, type: "result", result: { ...result, edits }, ms }, transferables(edits));
  } catch (err) {
    self.postMessage({ id, type: "error", message: String(err?.message ?? err) });
  }
};
