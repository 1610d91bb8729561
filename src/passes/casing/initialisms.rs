//! Dotted initialisms written in lower case: `u.s.` to `U.S.`, `u.k.`, `u.n.`,
//! `e.u.`, `d.c.`.
//!
//! English always writes these in capitals, so a text written all in lower
//! case (or a slip) is the only way to meet them otherwise. Only a short list
//! is taken: most dotted abbreviations stay in lower case (`e.g.`, `i.e.`,
//! `a.m.`), and initials of people (`j.d.`) cannot be told from them.

use crate::options::Options;
use crate::report::Report;

/// The initialisms, lower case, longest first where one starts another.
const INITIALISMS: &[&str] = &["u.s.a.", "u.s.", "u.k.", "u.n.", "e.u.", "d.c."];

/// The stage: raises each listed initialism that has a small letter, where it
/// stands on its own (not inside a longer dotted run or a word).
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Every listed initialism has its first full stop second: look for full
    // stops, which prose has far fewer of than the letters that start them.
    while let Some(off) = text[from..].find('.') {
        let dot = from + off;
        from = dot + 1;
        let Some(at) = dot.checked_sub(1) else {
            continue;
        };
        if !matches!(bytes[at], b'u' | b'e' | b'd' | b'U' | b'E' | b'D') {
            continue;
        }
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.') {
            continue;
        }
        let Some(found) = INITIALISMS.iter().find(|i| {
            bytes
                .get(at..at + i.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(i.as_bytes()))
        }) else {
            continue;
        };
        let end = at + found.len();
        // `u.s.a.b.` is no listed initialism, nor `u.s.x`.
        if text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let seen = &text[at..end];
        if !seen.bytes().any(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let upper = seen.to_ascii_uppercase();
        let reason = format!("'{upper}' is an initialism English writes in capitals");
        report.replace(at, end, upper, "initialism", reason);
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn raises_listed_initialisms() {
        assert_eq!(
            fix("the u.s. army, the u.k. and u.s.-backed forces in washington, d.c."),
            "the U.S. army, the U.K. and U.S.-backed forces in washington, D.C.",
            "should raise each listed initialism"
        );
        assert_eq!(
            fix("made in the u.s.a."),
            "made in the U.S.A.",
            "should take the longest"
        );
        assert_eq!(
            fix("the U.s. and the u.N."),
            "the U.S. and the U.N.",
            "should mend half-raised ones"
        );
    }

    #[test]
    fn leaves_other_dotted_words_alone() {
        for t in [
            "e.g. this, i.e. that, at 9 a.m.",
            "the U.S. army",
            "menu.s.x and bus.u.k.",
            "emu.s. and du.k.",
            "u.s.x",
        ] {
            assert_eq!(fix(t), t, "should leave {t:?} alone");
        }
    }
}
