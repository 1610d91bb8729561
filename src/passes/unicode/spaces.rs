//! Layout spaces to plain spaces.
//!
//! Pages put no-break and fixed-width spaces between words to control line
//! wrapping; in plain text they only break search, tokenisers and `split(' ')`.
//! Some carry meaning and stay: the no-break spaces French typography puts
//! before `; : ! ? »` and after `«`, spaces grouping the digits of a number
//! (`10 000`), and ideographic spaces between CJK characters.

use super::describe;
use crate::options::Options;
use crate::report::Report;

fn is_layout_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn meaningful(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '\u{3000}' => prev.is_some_and(is_cjk) || next.is_some_and(is_cjk),
        '\u{a0}' | '\u{202f}' | '\u{2009}' => {
            let french = next.is_some_and(|n| matches!(n, ';' | ':' | '!' | '?' | '»' | '›'))
                || prev.is_some_and(|p| matches!(p, '«' | '‹'));
            let digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            french || digits
        }
        _ => false,
    }
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    if !text.chars().any(is_layout_space) {
        return;
    }
    let mut prev = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if is_layout_space(c) && !meaningful(c, prev, next) {
            report.replace(
                i,
                i + c.len_utf8(),
                " ",
                "layout-space",
                format!("{} to a plain space", describe(c)),
            );
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn layout_spaces_become_plain() {
        assert_eq!(
            sp("of\u{a0}the\u{2009}page\u{3000}end"),
            "of the page end",
            "should flatten layout spaces"
        );
    }

    #[test]
    fn meaningful_spaces_stay() {
        for t in [
            "Quoi\u{a0}? «\u{a0}oui\u{a0}»",
            "10\u{202f}000 euros",
            "日本\u{3000}語",
        ] {
            assert_eq!(sp(t), t, "should keep the space in {t:?}");
        }
    }
}
