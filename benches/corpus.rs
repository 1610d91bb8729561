//! The benchmark corpus: lines from `benches/corpus.json` (written for this
//! project), interleaved deterministically (three clean lines, then a damaged
//! one; a blank line after every third line) until the corpus reaches the size
//! asked for. `bench-js/corpus.mjs` builds the same corpus for the JS benchmark.

#[derive(serde::Deserialize)]
struct Lines {
    article: Vec<String>,
    damaged: Vec<String>,
}

/// Builds a corpus of at least `size` bytes in which every `damage_every`-th line
/// is damaged (4: dense; 100: about as often as on real scraped pages).
pub fn build(size: usize, damage_every: usize) -> String {
    let lines: Lines = serde_json::from_str(include_str!("corpus.json"))
        .expect("benches/corpus.json should parse");
    let mut out = String::with_capacity(size + 256);
    let mut n = 0usize;
    while out.len() < size {
        let line = if n % damage_every == damage_every - 1 {
            &lines.damaged[(n / damage_every * 5) % lines.damaged.len()]
        } else {
            &lines.article[(n * 7) % lines.article.len()]
        };
        out.push_str(line);
        out.push_str(if n % 3 == 2 { "\n\n" } else { "\n" });
        n += 1;
    }
    out
}
