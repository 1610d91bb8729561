// Strings into wasm memory (see `string_from` in src/wasm.rs).

const encoder = new TextEncoder();

/**
 * Writes `text` as UTF-8 into `memory` (a `WebAssembly.Memory`) at `ptr`, at
 * most `len` bytes, and returns how many bytes it wrote. One `encodeInto` for
 * the whole string: the glue wasm-bindgen generates copies a string's leading
 * ASCII one character at a time in JavaScript first, which for English text
 * is all of it and costs more than the rest of the work.
 */
export function encode_into(text, memory, ptr, len) {
  return encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, len)).written;
}
