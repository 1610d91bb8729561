//! # The `unicode` pass
//!
//! **What it fixes**, in this order:
//! 1. [`invisible`]: control characters, zero-width characters, soft hyphens and
//!    stray byte-order marks, which scraped text picks up from markup and which
//!    break search and tokenisation. Line and paragraph separators become line
//!    breaks.
//! 2. [`spaces`]: no-break, thin, ideographic and other layout spaces become plain
//!    spaces (`of\u{a0}the` is a page's layout, not the author's meaning).
//! 3. [`nfc`]: canonical composition (NFC), so `e` + combining acute becomes `é`.
//! 4. [`confusables`]: a letter from another script inside a word (`Сomment` with
//!    a Cyrillic `С`) becomes its look-alike in the word's own script.
//!
//! **What it never touches.** A zero-width joiner inside an emoji sequence or
//! between letters of scripts that need it; a zero-width non-joiner between
//! letters; direction marks in text that has right-to-left letters; no-break
//! spaces that carry meaning (before French `;:!?»`, after `«`, inside numbers
//! like `10 000`); words written wholly in one script, whatever script that is.
//!
//! **Where its rules come from.** Unicode's character properties (via the
//! `unicode-normalization` crate) and a hand-picked table of look-alikes from
//! Unicode's confusables list, kept in `data/confusables.tsv`.

pub mod confusables;
pub mod invisible;
pub mod nfc;
pub mod spaces;

use crate::options::Options;
use crate::report::{run_stages, Report};
use serde::Deserialize;

/// Settings of the `unicode` pass: each stage can be turned off.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct UnicodeOptions {
    /// Remove control and zero-width characters.
    pub invisible: bool,
    /// Turn layout spaces into plain spaces.
    pub spaces: bool,
    /// Normalise to NFC.
    pub nfc: bool,
    /// Repair look-alike letters from another script inside a word.
    pub confusables: bool,
}

impl Default for UnicodeOptions {
    fn default() -> Self {
        Self {
            invisible: true,
            spaces: true,
            nfc: true,
            confusables: true,
        }
    }
}

/// Runs the pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    // Fast path: plain ASCII with no control characters (but line endings)
    // has nothing to fix.
    if text
        .bytes()
        .all(|b| b == b'\n' || b == b'\t' || b == b'\r' || (0x20..0x7f).contains(&b))
        && !invisible::has_lone_carriage_return(text)
    {
        return;
    }
    let s = &options.unicode.settings;
    let mut stages: Vec<(&str, crate::report::Stage)> = Vec::with_capacity(4);
    if s.invisible {
        stages.push(("invisible", invisible::run));
    }
    if s.spaces {
        stages.push(("spaces", spaces::run));
    }
    if s.nfc {
        stages.push(("nfc", nfc::run));
    }
    if s.confusables {
        stages.push(("confusables", confusables::run));
    }
    run_stages(text, options, &stages, report);
}

/// The name of a character for reasons: `U+00A0 NO-BREAK SPACE`.
pub(crate) fn describe(c: char) -> String {
    let name = match c {
        '\u{a0}' => "NO-BREAK SPACE",
        '\u{ad}' => "SOFT HYPHEN",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{2060}' => "WORD JOINER",
        '\u{feff}' => "BYTE ORDER MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202f}' => "NARROW NO-BREAK SPACE",
        '\u{2009}' => "THIN SPACE",
        '\u{200a}' => "HAIR SPACE",
        '\u{2002}' => "EN SPACE",
        '\u{2003}' => "EM SPACE",
        '\u{205f}' => "MEDIUM MATHEMATICAL SPACE",
        '\u{3000}' => "IDEOGRAPHIC SPACE",
        '\u{fffc}' => "OBJECT REPLACEMENT CHARACTER",
        '\r' => "CARRIAGE RETURN",
        c if c.is_control() => "control character",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} {name}", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uni(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn stages_combine() {
        assert_eq!(
            uni("\u{421}om\u{200b}ment\u{a0}on\u{a0}cafe\u{301}"),
            "Comment on café",
            "should remove, respace, compose and repair in one pass"
        );
    }

    #[test]
    fn clean_text_in_many_scripts_is_untouched() {
        for t in [
            "Министр иностранных дел",
            "iPhone and YouTube",
            "Ελληνικά κείμενα",
            "日本語のテキスト",
            "emoji 👩\u{200d}💻 ok",
            "שלום עולם",
            "naïve café",
        ] {
            let mut report = Report::new();
            run(t, &Options::default(), &mut report);
            assert!(
                report.changes().is_empty(),
                "should leave {t:?} alone, got {:?}",
                report.changes()
            );
        }
    }
}
