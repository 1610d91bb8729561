//! Control, zero-width and other invisible characters.
//!
//! Removed: C0 and C1 controls other than tab and line breaks, DEL, soft hyphens,
//! zero-width spaces, word joiners, byte-order marks, the object replacement
//! character, and joiners or direction marks where they do nothing. Form feed,
//! vertical tab, NEL, a carriage return not followed by `\n` and the Unicode
//! line separator become `\n`; the paragraph separator becomes a blank line.

use super::describe;
use crate::options::Options;
use crate::report::Report;

/// What to do with one invisible character in its context.
enum Verdict {
    Keep,
    Remove(&'static str),
    Replace(&'static str, &'static str),
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

fn is_emoji_like(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0xE0020..=0xE007F)
}

/// Letters of scripts whose spelling uses joiners (Arabic, Indic, Sinhala, ...):
/// everything alphabetic outside Latin, Greek and Cyrillic.
fn joins(c: char) -> bool {
    c.is_alphabetic() && !matches!(c as u32, 0..=0x24F | 0x370..=0x52F | 0x1E00..=0x1FFF)
        || matches!(c as u32, 0x0900..=0x0DFF)
}

fn verdict(c: char, prev: Option<char>, next: Option<char>, has_rtl: bool) -> Verdict {
    match c {
        // A carriage return alone ends a line (old Mac files); the passes
        // after this one read lines by `\n`, so it becomes one here, as the
        // line separator does. `\r\n` is the whitespace pass's to change.
        '\r' if next != Some('\n') => Verdict::Replace("\n", "line-break"),
        '\t' | '\n' | '\r' => Verdict::Keep,
        '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' => Verdict::Replace("\n", "line-break"),
        '\u{2029}' => Verdict::Replace("\n\n", "paragraph-break"),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Verdict::Remove("control"),
        '\u{ad}' => Verdict::Remove("soft-hyphen"),
        '\u{200b}' | '\u{2060}' | '\u{180e}' | '\u{fffc}' => Verdict::Remove("zero-width"),
        '\u{feff}' => Verdict::Remove("bom"),
        '\u{200d}' => {
            let emoji = prev.is_some_and(is_emoji_like) && next.is_some_and(is_emoji_like);
            let letters = prev.is_some_and(joins) && next.is_some_and(joins);
            if emoji || letters {
                Verdict::Keep
            } else {
                Verdict::Remove("zero-width")
            }
        }
        '\u{200c}' => {
            if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic)
                && (prev.is_some_and(joins) || next.is_some_and(joins))
            {
                Verdict::Keep
            } else {
                Verdict::Remove("zero-width")
            }
        }
        '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            if has_rtl {
                Verdict::Keep
            } else {
                Verdict::Remove("direction-mark")
            }
        }
        _ => Verdict::Keep,
    }
}

/// Whether `text` has a carriage return not followed by `\n`.
pub(super) fn has_lone_carriage_return(text: &str) -> bool {
    text.match_indices('\r')
        .any(|(i, _)| text.as_bytes().get(i + 1) != Some(&b'\n'))
}

fn is_candidate(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n'))
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2028}' | '\u{2029}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{61c}' | '\u{feff}' | '\u{fffc}')
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    if !text.chars().any(is_candidate) {
        return;
    }
    let has_rtl = text.chars().any(is_rtl);
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if is_candidate(c) {
            match verdict(c, prev, next, has_rtl) {
                Verdict::Keep => {}
                Verdict::Remove(rule) => {
                    report.remove(
                        i,
                        i + c.len_utf8(),
                        rule,
                        format!("removed invisible {}", describe(c)),
                    );
                    continue;
                }
                Verdict::Replace(with, rule) => {
                    report.replace(
                        i,
                        i + c.len_utf8(),
                        with,
                        rule,
                        format!("{} to a line break", describe(c)),
                    );
                    continue;
                }
            }
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn removes_what_carries_no_meaning() {
        assert_eq!(
            inv("\u{feff}zero\u{200b}width soft\u{ad}hyphen bell\u{7}"),
            "zerowidth softhyphen bell",
            "should drop invisible characters"
        );
        assert_eq!(
            inv("a\u{2028}b\u{c}c"),
            "a\nb\nc",
            "should turn separators into line breaks"
        );
        assert_eq!(
            inv("old\rmac\r\nwindows\r"),
            "old\nmac\r\nwindows\n",
            "should turn a carriage return alone into a line break, and leave \\r\\n"
        );
        assert_eq!(
            inv("plain\u{200e} text"),
            "plain text",
            "should drop a direction mark in left-to-right text"
        );
    }

    #[test]
    fn keeps_joiners_that_matter() {
        for t in [
            "👨\u{200d}👩\u{200d}👧 family",
            "می\u{200c}خواهم",
            "क्\u{200d}ष",
            "שלום\u{200f} abc",
        ] {
            assert_eq!(inv(t), t, "should keep the joiner or mark in {t:?}");
        }
    }
}
