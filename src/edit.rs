//! The result of cleaning: the text, the edits that produced it, and statistics.
//!
//! Edits are the truth: applying [`Cleaned::edits`] to the input with
//! [`apply_edits`] reproduces [`Cleaned::text`] exactly. Every span is in byte
//! offsets into the *original* input; [`Cleaned::to_utf16`] converts them for
//! callers (such as JavaScript) that index strings in UTF-16 code units.

use serde::Serialize;
use std::collections::BTreeMap;

/// One pass's contribution to an [`Edit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The pass that made this step (`encoding`, `unicode`, ...).
    pub pass: String,
    /// The rule within the pass.
    pub rule: String,
    /// Why, for people.
    pub reason: String,
    /// The text this step replaced, as the pass saw it.
    pub before: String,
    /// What the pass put in its place.
    pub after: String,
}

/// One change to the input: the span `start..end` of the original input became
/// `replacement`.
///
/// When a later pass changes text an earlier pass produced, the two merge into one
/// edit over the original span; `steps` keeps every step in order, and `pass`,
/// `rule` and `reason` describe the first step, with the reason of each later step
/// appended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub pass: String,
    pub rule: String,
    pub reason: String,
    pub steps: Vec<Step>,
}

/// A timestamp or dateline the `timestamps` pass recognised (and usually removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timestamp {
    /// Span of the stamp in the original input (byte offsets).
    pub start: usize,
    pub end: usize,
    /// The stamp as it appeared.
    pub text: String,
    /// ISO 8601 date or date-time, where it can be read unambiguously.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    /// Whether the stamp was removed from the text.
    pub removed: bool,
}

/// How bytes of unknown encoding were read (see [`crate::clean_bytes`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decoding {
    /// The WHATWG name of the encoding chosen, such as `UTF-8` or `windows-1251`.
    pub encoding: String,
    /// How sure the choice is, from 0 to 1.
    pub confidence: f32,
    /// Whether a byte-order mark decided it.
    pub bom: bool,
    /// Bytes that could not be decoded and became U+FFFD.
    pub replaced: usize,
    /// Bytes that were not valid in the chosen encoding and were read another
    /// way so that no text is lost (see [`crate::decode`]).
    pub invalid: usize,
}

/// Counts and findings from one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Size of the input, in bytes of UTF-8.
    pub input_bytes: usize,
    /// Size of the output, in bytes of UTF-8.
    pub output_bytes: usize,
    /// The passes that ran, in order.
    pub passes: Vec<String>,
    /// How many steps each pass contributed.
    pub changes_by_pass: BTreeMap<String, usize>,
    /// Timestamps recognised, in input order.
    pub timestamps: Vec<Timestamp>,
    /// Set when the input came in as bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoding: Option<Decoding>,
    /// Non-fatal findings.
    pub warnings: Vec<String>,
}

/// What [`crate::clean`] returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cleaned {
    /// The clean text.
    pub text: String,
    /// Every change, sorted by `start`, non-overlapping.
    pub edits: Vec<Edit>,
    pub stats: Stats,
}

/// Applies `edits` (sorted, non-overlapping, byte offsets) to `input`.
///
/// Returns `None` if the edits are out of order, overlap, or fall outside the
/// input or off a `char` boundary.
pub fn apply_edits(input: &str, edits: &[Edit]) -> Option<String> {
    let mut out = String::with_capacity(input.len());
    let mut at = 0;
    for e in edits {
        if e.start < at
            || e.end < e.start
            || !input.is_char_boundary(e.start)
            || !input.is_char_boundary(e.end)
        {
            return None;
        }
        out.push_str(&input[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&input[at..]);
    Some(out)
}

impl Cleaned {
    /// Returns a copy whose spans (edits' and timestamps') count UTF-16 code units
    /// instead of bytes, as JavaScript strings do.
    pub fn to_utf16(&self, input: &str) -> Cleaned {
        self.clone().into_utf16(input)
    }

    /// [`Cleaned::to_utf16`] without the copy.
    pub(crate) fn into_utf16(mut self, input: &str) -> Cleaned {
        spans_to_utf16(input, &mut self.edits, &mut self.stats.timestamps);
        self
    }
}

/// Turns the spans of `edits` and `timestamps` (byte offsets into `input`)
/// into UTF-16 offsets, as [`Cleaned::to_utf16`] does.
pub(crate) fn spans_to_utf16(input: &str, edits: &mut [Edit], timestamps: &mut [Timestamp]) {
    let mut positions: Vec<usize> = Vec::with_capacity(edits.len() * 2);
    for e in edits.iter() {
        positions.push(e.start);
        positions.push(e.end);
    }
    for t in timestamps.iter() {
        positions.push(t.start);
        positions.push(t.end);
    }
    let map = Utf16Map::new(input, positions);
    for e in edits.iter_mut() {
        e.start = map.get(e.start);
        e.end = map.get(e.end);
    }
    for t in timestamps.iter_mut() {
        t.start = map.get(t.start);
        t.end = map.get(t.end);
    }
}

/// How many UTF-16 code units the UTF-8 in `bytes` makes: one per byte that
/// starts a character, and one more per 4-byte character (a surrogate pair).
/// `bytes` must start and end on character boundaries. Eight bytes at a time.
pub(crate) fn utf16_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if w & HIGH == 0 {
            units += 8;
            continue;
        }
        // Continuation bytes are 10xxxxxx; 4-byte leads are 11110xxx.
        let continuation = w & !(w << 1) & HIGH;
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
            .sum::<usize>()
}

/// Byte offset to UTF-16 offset, for a known set of offsets, in one scan.
struct Utf16Map {
    sorted: Vec<(usize, usize)>,
}

impl Utf16Map {
    fn new(input: &str, mut positions: Vec<usize>) -> Self {
        positions.sort_unstable();
        positions.dedup();
        let mut sorted = Vec::with_capacity(positions.len());
        let mut units = 0;
        let mut at = 0;
        let bytes = input.as_bytes();
        for p in positions {
            // Positions are char boundaries (edits are checked); one that is not
            // counts up to the next boundary, as a scan by characters would.
            let mut q = p.min(bytes.len());
            while !input.is_char_boundary(q) {
                q += 1;
            }
            units += utf16_len(&bytes[at..q]);
            at = q;
            sorted.push((p, units));
        }
        Self { sorted }
    }

    fn get(&self, byte: usize) -> usize {
        match self.sorted.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.sorted[i].1,
            Err(_) => byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            start,
            end,
            replacement: replacement.into(),
            pass: "unicode".into(),
            rule: "r".into(),
            reason: "why".into(),
            steps: vec![],
        }
    }

    #[test]
    fn apply_edits_replays_in_order() {
        let got = apply_edits("a bc d", &[edit(1, 2, ""), edit(4, 4, "!")]);
        assert_eq!(
            got.as_deref(),
            Some("abc! d"),
            "should apply a removal and an insertion"
        );
    }

    #[test]
    fn apply_edits_refuses_overlap_and_bad_boundaries() {
        assert_eq!(
            apply_edits("abcdef", &[edit(1, 4, ""), edit(2, 3, "")]),
            None,
            "should refuse overlapping edits"
        );
        assert_eq!(
            apply_edits("é", &[edit(1, 2, "")]),
            None,
            "should refuse a span inside a character"
        );
        assert_eq!(
            apply_edits("ab", &[edit(1, 9, "")]),
            None,
            "should refuse a span past the end"
        );
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let input = "a😀bé c";
        let cleaned = Cleaned {
            text: String::new(),
            edits: vec![edit(5, 6, ""), edit(8, 9, "")],
            stats: Stats::default(),
        };
        let js = cleaned.to_utf16(input);
        assert_eq!(
            (js.edits[0].start, js.edits[0].end),
            (3, 4),
            "should count the emoji as two units"
        );
        assert_eq!(
            (js.edits[1].start, js.edits[1].end),
            (5, 6),
            "should count é as one unit"
        );
    }

    #[test]
    fn utf16_len_matches_a_count_by_characters() {
        let text = "ascii only, then é, €, 😀 and 𝕏 mixed: ñ😀€a".repeat(3);
        for start in 0..text.len() {
            for end in start..=text.len() {
                if let Some(s) = text.get(start..end) {
                    let want: usize = s.chars().map(char::len_utf16).sum();
                    assert_eq!(utf16_len(s.as_bytes()), want, "should count {s:?}");
                }
            }
        }
    }
}
