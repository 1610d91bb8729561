//! Canonical composition (NFC).
//!
//! Text copied from macOS file names, PDFs and some CMSs arrives decomposed
//! (`e` followed by U+0301). NFC is what the web expects and what search
//! indexes compare. Only the stretches that are not already NFC are rewritten,
//! so an edit covers a letter and its marks, never the whole text.

use crate::options::Options;
use crate::report::Report;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` starts a stretch that normalises independently of what precedes it.
fn is_stable_starter(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return;
    }
    let mut start = 0;
    let mut suspicious = false;
    let flush = |start: usize, end: usize, report: &mut Report| {
        let stretch = &text[start..end];
        let composed: String = stretch.nfc().collect();
        if composed != stretch {
            report.replace(
                start,
                end,
                composed.clone(),
                "nfc",
                format!(
                    "composed {:?} into {composed:?} (Unicode NFC)",
                    stretch
                        .chars()
                        .map(|c| format!("U+{:04X}", c as u32))
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            );
        }
    };
    for (i, c) in text.char_indices() {
        if is_stable_starter(c) {
            if suspicious {
                flush(start, i, report);
            }
            start = i;
            suspicious = false;
        } else {
            suspicious = true;
        }
    }
    if suspicious {
        flush(start, text.len(), report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_only_the_decomposed_letters() {
        let t = "cafe\u{301} and nai\u{308}ve";
        let mut report = Report::new();
        run(t, &Options::default(), &mut report);
        assert_eq!(report.apply(t), "café and naïve", "should compose");
        assert_eq!(
            report.changes().len(),
            2,
            "should make one small change per letter"
        );
        assert_eq!(
            (report.changes()[0].start, report.changes()[0].end),
            (3, 6),
            "should cover only 'e' and its mark"
        );
    }

    #[test]
    fn hangul_jamo_compose() {
        let t = "\u{1100}\u{1161}\u{11a8}";
        let mut report = Report::new();
        run(t, &Options::default(), &mut report);
        assert_eq!(report.apply(t), "각", "should compose conjoining jamo");
    }
}
