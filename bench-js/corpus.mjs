// The benchmark corpus, built exactly as benches/corpus.rs builds it.
import { readFileSync } from "node:fs";

const lines = JSON.parse(readFileSync(new URL("../benches/corpus.json", import.meta.url), "utf8"));

/** Builds a corpus of at least `size` bytes of UTF-8. */
export function build(size) {
  const parts = [];
  let bytes = 0;
  for (let n = 0; bytes < size; n++) {
    const line = n % 4 === 3 ? lines.damaged[(Math.floor(n / 4) * 5) % lines.damaged.length] : lines.article[(n * 7) % lines.article.length];
    const piece = line + (n % 3 === 2 ? "\n\n" : "\n");
    parts.push(piece);
    bytes += Buffer.byteLength(piece);
  }
  return parts.join("");
}
