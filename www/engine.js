// Runs textscrub: small inputs on the main thread (instant), large ones in a
// Web Worker with progress. A newer request cancels an older one: the worker is
// stopped and a fresh one started, since a running wasm call cannot be interrupted.

import init, { clean, cleanBytes, passes, version } from "textscrub";
import { EditList } from "./edit-list.js";

/** Inputs at least this long (UTF-16 code units or bytes) go to the worker. */
export const WORKER_THRESHOLD = 256 * 1024;

export class Engine {
  #worker = null;
  #pending = null;
  #nextId = 1;

  async init() {
    await init();
    return { passes: passes(), version: version() };
  }

  /**
   * Cleans `{ text }` or `{ bytes }` with `options`. Resolves to
   * `{ input, text, edits, stats, ms, where }` with `edits` an EditList; rejects with an Error (its
   * `cancelled` is true when a newer request replaced this one).
   * `onProgress(done, pass)` is called only for work done in the worker.
   */
  run(source, options, onProgress = () => {}) {
    this.cancel();
    const size = source.bytes ? source.bytes.byteLength : source.text.length;
    if (size < WORKER_THRESHOLD) return Promise.resolve(this.#runHere(source, options));
    return this.#runInWorker(source, options, onProgress);
  }

  /** Stops the work under way, if any. */
  cancel() {
    if (!this.#pending) return;
    const { reject } = this.#pending;
    this.#pending = null;
    this.#worker?.terminate();
    this.#worker = null;
    const err = new Error("cancelled");
    err.cancelled = true;
    reject(err);
  }

  #runHere(source, options) {
    const t0 = performance.now();
    let result;
    if (source.bytes) {
      result = cleanBytes(new Uint8Array(source.bytes), options);
    } else {
      result = clean(source.text, options);
      result.input = source.text;
    }
    const ms = performance.now() - t0;
    return { ...result, edits: EditList.fromArray(result.edits), ms, where: "main" };
  }

  #runInWorker(source, options, onProgress) {
    if (!this.#worker) {
      this.#worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "textscrub" });
    }
    const worker = this.#worker;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending = { id, reject };
      const done = () => {
        if (this.#pending?.id === id) this.#pending = null;
        worker.onmessage = null;
        worker.onerror = null;
      };
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.type === "progress") onProgress(data.done, data.pass);
        else if (data.type === "result") {
          done();
          const input = data.result.input ?? source.text;
          resolve({ ...data.result, input, edits: EditList.fromPacked(data.result.edits), ms: data.ms, where: "worker" });
        } else if (data.type === "error") {
          done();
          reject(new Error(data.message));
        }
      };
      worker.onerror = (e) => {
        done();
        this.#worker?.terminate();
        this.#worker = null;
        reject(new Error(e.message || "the worker failed"));
      };
      if (source.bytes) {
        const bytes = source.bytes.slice(0).buffer;
        worker.postMessage({ id, kind: "bytes", bytes, options }, [bytes]);
      } else {
        worker.postMessage({ id, kind: "text", text: source.text, options });
      }
    });
  }
}
