//! # The `encoding` pass
//!
//! **What it fixes**, in this order:
//! 1. [`entities`]: HTML character references left in the text (`&amp;`,
//!    `&#8217;`, `&nbsp;`).
//! 2. [`mojibake`]: UTF-8 read through a single-byte codec (`cafÃ©`, `вЂ“`,
//!    `√©`, `â€œ`), as many layers deep as it goes, per line, including lines
//!    where only some words are mangled or two kinds of mojibake sit side by side
//!    (a run of words in a codec the clean half cannot be read through: see
//!    [`rare_parts`]),
//!    sequences where a no-break space became a plain space or a byte was lost
//!    (`?`, U+FFFD), CESU-8 emoji, and C1 control characters (windows-1252 read as
//!    latin-1).
//! 3. [`legacy`]: text in one single-byte codec read with another, with no
//!    UTF-8 involved (`Ñîîáùåíèå` is windows-1251 read as latin-1, `Thйвtre` is
//!    windows-1252 read as windows-1251), decided by letter-bigram evidence.
//!
//! Each repair is an edit whose rule and reason name the chain undone, such as
//! `utf8-as-windows-1252-x2`, "UTF-8 read as windows-1252, twice".
//!
//! **What it never touches.** Text that does not look damaged. A UTF-8 repair
//! needs the [`badness`] heuristic to flag the segment, or else evidence on both
//! sides (the segment has something words never have, such as letters of two
//! scripts glued together, and the repair brings in common letter pairs; or the
//! bytes are UTF-8 in a codec that ordinary text never happens to spell; see
//! [`signs`] for what a single sequence must show). A legacy repair needs
//! overwhelming letter-bigram evidence. Lines whose
//! non-ASCII words already read as words are not second-guessed. Portuguese
//! capitals (`SÃO PAULO`), Icelandic, Danish, Greek, Cyrillic, math and currency
//! symbols, curly quotes and emoji are all left as they are (see the negative
//! cases in `tests/cases/encoding.json`).
//!
//! **Cost.** Text with nothing outside ASCII and no `&` costs one scan; so do
//! lines of ordinary text, which one scan over the whole text clears without
//! splitting it into lines (see [`plain`]); long lines are cut into segments
//! around their non-ASCII text (`segments`), so a repair costs in proportion to
//! the stretch it repairs.
//!
//! **Where its rules come from.** The UTF-8 repair follows ftfy (Robyn Speer, MIT
//! licence): its badness heuristic, sloppy codecs and byte-level repairs, rewritten
//! here. Codec tables are generated from Python's codecs, bigram tables from
//! Hunspell word lists (see `data/encoding/SOURCES.md`), by
//! `tools/gen_encoding_tables.py`.

pub mod badness;
pub mod bigrams;
pub mod codecs;
pub mod diff;
pub mod entities;
pub mod explain;
pub mod legacy;
pub mod mojibake;
pub mod plain;
pub mod rare_parts;
pub mod signs;
#[rustfmt::skip]
pub mod tables;
pub mod utf8;

use crate::options::Options;
use crate::report::{run_stages, Report, Stage};
use serde::Deserialize;

/// Settings of the `encoding` pass: each stage can be turned off.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EncodingOptions {
    /// Repair UTF-8 mojibake and C1 controls.
    pub mojibake: bool,
    /// Repair legacy single-byte mix-ups (windows-1251 read as latin-1, ...).
    pub legacy: bool,
    /// Read HTML character references.
    pub entities: bool,
}

impl Default for EncodingOptions {
    fn default() -> Self {
        Self {
            mojibake: true,
            legacy: true,
            entities: true,
        }
    }
}

/// Runs the pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    // Fast path: one scan finds nothing outside ASCII and no `&`.
    if ascii_without_ampersand(text.as_bytes()) {
        return;
    }
    let s = &options.encoding.settings;
    let mut stages: Vec<(&str, Stage)> = Vec::with_capacity(3);
    // Entities first: a reference may stand for part of a mojibake sequence
    // (`caf&Atilde;&copy;`), which the next stage then repairs in the same run,
    // so a second run has nothing left to do.
    if s.entities {
        stages.push(("entities", entities::run));
    }
    if s.mojibake {
        stages.push(("mojibake", run_mojibake));
    }
    if s.legacy {
        stages.push(("legacy", legacy::run));
    }
    // Line by line, but only the lines that need it: one scan over the whole
    // text (see [`plain::first_odd`]) finds the next line that may not be
    // ordinary text, so the lines of ordinary text before it are neither split
    // off nor looked at again. The stages run on that line alone.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(odd) = plain::first_odd(&text[from..]) {
        let at = from + odd;
        let start = bytes[from..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(from, |i| from + i + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| at + i + 1);
        // Both ends are at a line feed or the text's ends: char boundaries.
        run_line(&text[start..end], start, options, &stages, report);
        from = end;
    }
}

/// Runs `stages` on `line` (which starts at `start` in the pass's text and may
/// end with its line feed) unless it is plain, and reports their changes
/// against the whole text.
fn run_line(
    line: &str,
    start: usize,
    options: &Options,
    stages: &[(&str, Stage)],
    report: &mut Report,
) {
    let body = line.strip_suffix('\n').unwrap_or(line);
    let body = body.strip_suffix('\r').unwrap_or(body);
    if plain::is_plain(body) {
        return; // and so is every piece of it
    }
    // Each piece between other line breaks: (its end, where the next begins).
    let breaks = other_line_breaks(body).chain(std::iter::once((body.len(), body.len())));
    let mut piece_start = 0;
    for (end, next) in breaks {
        let piece = &body[piece_start..end];
        let at = piece_start;
        piece_start = next;
        // The whole body is known not to be plain; its pieces are not.
        if piece.len() != body.len() && plain::is_plain(piece) {
            continue;
        }
        let mut r = Report::new();
        run_stages(piece, options, stages, &mut r);
        for mut c in r.changes.drain(..) {
            c.start += start + at;
            c.end += start + at;
            report.changes.push(c);
        }
        for w in r.warnings.drain(..) {
            report.warn(w);
        }
    }
}

/// Where `body` has a line break other than `\n` that the unicode and
/// whitespace passes turn into one, as (start, end): a carriage return (alone,
/// as `\r\n` has been cut off), the vertical tab, the form feed and the
/// Unicode line and paragraph separators.
/// The stages judge a line by all its words (the legacy stage pools their
/// evidence), so they see the lines the later passes make: otherwise a line
/// joined to another by a separator would be judged with it on the first run
/// and alone on the second, and cleaning twice could change the text again.
/// NEL (U+0085) is left out: it is also what the byte 0x85 of UTF-8 becomes
/// when read as latin-1 (`Ã\u{85}` for `Å`), which the mojibake stage repairs.
fn other_line_breaks(body: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    // By bytes, not chars: no decoding. U+2028 and U+2029 are E2 80 A8/A9.
    let bytes = body.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| match b {
        0x0b..=0x0d => Some((i, i + 1)),
        0xe2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xa8 | 0xa9])) => Some((i, i + 3)),
        _ => None,
    })
}

/// Whether `bytes` are all ASCII and none is `&`: eight bytes at a time, as
/// one number, which wasm does several times faster than byte by byte.
fn ascii_without_ampersand(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte of `x ^ "&&&&&&&&"` is zero exactly where `x` has an `&`; in
        // ASCII, subtracting one from a byte sets its top bit only if it was
        // zero (the classic test: exact as to whether any byte is).
        let y = x ^ (ONES * u64::from(b'&'));
        if x & TOPS != 0 || y.wrapping_sub(ONES) & !y & TOPS != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(|&b| b < 0x80 && b != b'&')
}

/// Lines of `text` that have something outside ASCII: `(start, line)`.
pub(crate) fn non_ascii_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = at;
        at += line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        (!line.is_ascii()).then_some((start, line))
    })
}

fn run_mojibake(text: &str, _options: &Options, report: &mut Report) {
    for (start, line) in non_ascii_lines(text) {
        for (at, segment) in segments(line) {
            let (fixed, layers) = mojibake::repair(segment);
            if layers.is_empty() || fixed == segment {
                continue;
            }
            let (rule, reason) = explain::rule_and_reason(&layers);
            diff::record(segment, &fixed, start + at, &rule, &reason, report);
        }
    }
}

/// Lines longer than this are cut into segments around their non-ASCII text.
const LONG_LINE: usize = 512;
/// A stretch of plain ASCII at least this long separates two segments.
const ASCII_GAP: usize = 160;

/// The segments of a line that a repair works on: the whole line when it is
/// short; otherwise each stretch from the word holding a non-ASCII character to
/// the word holding the last non-ASCII character before a long ASCII gap. Plain
/// ASCII encodes to itself in every codec, so cutting there changes nothing but
/// the cost, which then follows the stretches to repair, not the line.
pub(crate) fn segments(line: &str) -> Vec<(usize, &str)> {
    if line.len() <= LONG_LINE {
        return vec![(0, line)];
    }
    let bytes = line.as_bytes();
    let word_start = |mut i: usize| {
        while i > 0 && !bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        i
    };
    let word_end = |mut i: usize| {
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let start = word_start(i + off);
        let mut last = i + off;
        let mut j = last;
        while j < bytes.len() {
            if bytes[j] >= 0x80 {
                last = j;
            } else if j - last > ASCII_GAP {
                break;
            }
            j += 1;
        }
        let end = word_end(last);
        // Both ends sit at ASCII whitespace or the line's ends: char boundaries.
        out.push((start, &line[start..end]));
        i = end;
        if i >= bytes.len() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(text: &str) -> (String, Vec<String>) {
        let mut report = Report::new();
        run(text, &Options::default(), &mut report);
        (
            report.apply(text),
            report.changes().iter().map(|c| c.rule.clone()).collect(),
        )
    }

    #[test]
    fn other_line_breaks_end_a_line_as_later_passes_see_it() {
        // Alone, the cp1251 line is repaired; joined to a French line by a
        // line separator it must be too, as it is once the unicode pass has
        // made the separator a line feed.
        for sep in ["\n", "\u{2028}", "\r", "\u{c}"] {
            let (out, _) = enc(&format!("Le café est prêt à côté.{sep}Ñîîáùåíèå î âñòðå÷å"));
            assert_eq!(
                out,
                format!("Le café est prêt à côté.{sep}Сообщение о встрече"),
                "should judge the line after {sep:?} on its own"
            );
        }
    }

    #[test]
    fn repairs_and_names_the_chain() {
        let (out, rules) = enc("Le cafÃ© est prÃªt.\nPlain line.\n");
        assert_eq!(
            out, "Le café est prêt.\nPlain line.\n",
            "should repair the mangled words"
        );
        assert!(
            rules
                .iter()
                .all(|r| r == "utf8-as-iso-8859-1" || r == "utf8-as-windows-1252"),
            "should name the codec: {rules:?}"
        );
    }

    #[test]
    fn long_lines_are_cut_around_their_non_ascii_text() {
        let pad = "plain words ".repeat(40);
        let line = format!("{pad}cafÃ© crÃ¨me {pad}naÃ¯ve{pad}");
        let segs = segments(&line);
        assert_eq!(
            segs.len(),
            2,
            "should make one segment per non-ASCII stretch"
        );
        assert!(
            segs.iter().all(|(at, s)| &line[*at..at + s.len()] == *s),
            "should point into the line"
        );
        let (out, _) = enc(&line);
        assert_eq!(
            out,
            format!("{pad}café crème {pad}naïve{pad}"),
            "should repair both stretches"
        );
    }

    #[test]
    fn entities_that_spell_mojibake_are_repaired_in_one_run() {
        let (out, _) = enc("caf&Atilde;&copy; cr&Atilde;&uml;me");
        assert_eq!(
            out, "café crème",
            "should read the references, then repair the mojibake"
        );
        let (again, rules) = enc(&out);
        assert_eq!(
            (again.as_str(), rules.len()),
            ("café crème", 0),
            "should have nothing left for a second run"
        );
    }

    #[test]
    fn the_fast_path_finds_any_ampersand_or_non_ascii_byte() {
        let text = "plain ASCII text, long enough for several eight-byte words";
        assert!(
            ascii_without_ampersand(text.as_bytes()),
            "should clear ASCII"
        );
        for at in 0..text.len() {
            for odd in ["&", "é"] {
                let t = format!("{}{odd}{}", &text[..at], &text[at..]);
                assert!(
                    !ascii_without_ampersand(t.as_bytes()),
                    "should find {odd:?} in {t:?}"
                );
            }
        }
    }

    #[test]
    fn clean_text_is_untouched() {
        for t in [
            "SÃO PAULO",
            "Þetta er íslenska.",
            "Ærø og Åbenrå",
            "Η Αθήνα",
            "Москва",
            "“quoted” — 5 € ≤ 7 👍",
        ] {
            let (out, rules) = enc(t);
            assert_eq!(out, t, "should leave {t:?} alone");
            assert!(rules.is_empty(), "should make no edit on {t:?}");
        }
    }
}
