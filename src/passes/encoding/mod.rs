//! # The `encoding` pass
//!
//! **What it fixes**, in this order:
//! 1. [`mojibake`]: UTF-8 read through a single-byte codec (`cafÃ©`, `вЂ“`,
//!    `√©`, `â€œ`), as many layers deep as it goes, per line, including lines
//!    where only some words are mangled or two kinds of mojibake sit side by side,
//!    sequences where a no-break space became a plain space or a byte was lost
//!    (`?`, U+FFFD), CESU-8 emoji, and C1 control characters (windows-1252 read as
//!    latin-1).
//! 2. [`legacy`]: text in one single-byte codec read with another, with no
//!    UTF-8 involved (`Ñîîáùåíèå` is windows-1251 read as latin-1, `Thйвtre` is
//!    windows-1252 read as windows-1251), decided by letter-bigram evidence.
//! 3. [`entities`]: HTML character references left in the text (`&amp;`,
//!    `&#8217;`, `&nbsp;`).
//!
//! Each repair is an edit whose rule and reason name the chain undone, such as
//! `utf8-as-windows-1252-x2`, "UTF-8 read as windows-1252, twice".
//!
//! **What it never touches.** Text that does not look damaged: the
//! [`badness`] heuristic must flag a line before any UTF-8 repair is tried, and a
//! legacy repair needs the bigram evidence to be overwhelming. Portuguese
//! capitals (`SÃO PAULO`), Icelandic, Danish, Greek, Cyrillic, math and currency
//! symbols, curly quotes and emoji are all left as they are.
//!
//! **Cost.** Text with nothing outside ASCII and no `&` costs one scan. Lines
//! without non-ASCII characters are skipped; a repair costs in proportion to the
//! line it repairs.
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
    if text.bytes().all(|b| b < 0x80 && b != b'&') {
        return;
    }
    let s = &options.encoding.settings;
    let mut stages: Vec<(&str, Stage)> = Vec::with_capacity(3);
    if s.mojibake {
        stages.push(("mojibake", run_mojibake));
    }
    if s.legacy {
        stages.push(("legacy", legacy::run));
    }
    if s.entities {
        stages.push(("entities", entities::run));
    }
    run_stages(text, options, &stages, report);
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
        let (fixed, layers) = mojibake::repair(line);
        if layers.is_empty() || fixed == line {
            continue;
        }
        diff::record(
            line,
            &fixed,
            start,
            &explain::rule(&layers),
            &explain::reason(&layers),
            report,
        );
    }
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
