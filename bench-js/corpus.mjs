// The benchmark corpus, built exactly as benches/corpus.rs builds it.
import { readFileSync } from "node:fs";

const lines = JSON.parse(readFileSync(new URL("../benches/corpus.json", import.meta.url), "utf8"));

/**
 * Builds a corpus of at least `size` bytes of UTF-8. Every `damageEvery`-th line
 * is a damaged one: 4 gives the dense corpus (a quarter of the lines need work);
 * 100 is closer to real scraped pages, where under one line in a hundred has
 * mojibake.
 */
export function build(size, damageEvery = 4) {
  const parts = [];
  let bytes = 0;
  for (let n = 0; bytes < size; n++) {
    const damaged = n % damageEvery === damageEvery - 1;
    const line = damaged ? lines.damaged[(Math.floor(n / damageEvery) * 5) % lines.damaged.length] : lines.article[(n * 7) % lines.article.length];
    const piece = line + (n % 3 === 2 ? "\n\n" : "\n");
    parts.push(piece);
    bytes += Buffer.byteLength(piece);
  }
  return parts.join("");
}
