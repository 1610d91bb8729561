//! Words glued together at a layout boundary: `standardsDiscussion`,
//! `FacebookComment`, `reply toThe`.
//!
//! Scrapers drop the break between two blocks of a page, so the last word of one
//! and the first word of the next run together, the second keeping its capital.
//! The stage inserts a space at the lower-to-upper boundary when the first half
//! is a word (or a capitalised name) and the second half is a word that starts
//! sentences (`The`: `FUNCTION_STARTERS`) or, for a glued form that occurs
//! once, page blocks (`Comment`, `Discussion`: `BLOCK_STARTERS`); never on a
//! line that looks like code.
//!
//! **Never touched**: mixed-case words from the lexicon (`iPhone`, `YouTube`,
//! `PlayStation`), `Mc`/`Mac`/`De`/`Di`/`La`/`Le` names (`McDonald`,
//! `DiCaprio`), words glued to digits or symbols, identifiers that repeat
//! (`displayName` in an API reference) and anything on a line with code
//! punctuation.

use super::evidence::key;
use super::lexicon::{Class, Lexicon};
use super::words::{words, Shape};
use crate::options::Options;
use crate::report::Report;
use std::collections::HashMap;

/// Words that begin sentences, so that finding one glued to the end of the word
/// before (`toThe`) is strong evidence of a lost break.
const FUNCTION_STARTERS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "but", "he", "i", "if", "it", "our", "she", "that",
    "the", "there", "these", "they", "this", "those", "we", "what", "when", "while", "you", "your",
];

/// Words that begin page blocks (`FacebookComment`, `standardsDiscussion`): a
/// lost break when the glued form occurs once, outside code (`addComment` in an
/// API reference is an identifier).
const BLOCK_STARTERS: &[&str] = &[
    "comment",
    "comments",
    "contact",
    "discussion",
    "follow",
    "home",
    "like",
    "more",
    "news",
    "next",
    "photo",
    "previous",
    "privacy",
    "read",
    "related",
    "reply",
    "share",
    "sign",
    "subscribe",
    "terms",
];

/// Prefixes of family names written with an inner capital.
const NAME_PREFIXES: &[&str] = &[
    "D", "De", "Di", "Du", "La", "Le", "Mac", "Mc", "O", "St", "Van", "Von",
];

fn looks_like_code(line: &str) -> bool {
    line.contains(['{', '}', ';', '=', '<', '>', '_']) || (line.contains(": ") && line.len() < 40)
}

/// Finds the split point of a glued word, if it is one.
fn split_point(w: &str, lexicon: &Lexicon, once: bool, code: bool) -> Option<(usize, bool)> {
    if lexicon.mixed_form(&key(w)).is_some() {
        return None;
    }
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    let mut boundary = None;
    for k in 1..chars.len() {
        let (a, b) = (chars[k - 1].1, chars[k].1);
        if a.is_lowercase() && b.is_uppercase() {
            if boundary.is_some() {
                return None; // more than one boundary: a brand or an identifier
            }
            boundary = Some(chars[k].0);
        }
    }
    let at = boundary?;
    let (left, right) = w.split_at(at);
    if left.chars().count() < 2 || right.chars().count() < 2 {
        return None;
    }
    let (ls, rs) = (super::words::shape(left), super::words::shape(right));
    if !matches!(ls, Shape::Lower | Shape::Cap) || rs != Shape::Cap {
        return None;
    }
    if ls == Shape::Cap && NAME_PREFIXES.contains(&left) {
        return None;
    }
    let (lk, rk) = (key(left), key(right));
    let known = |k: &str| !matches!(lexicon.class(k), Class::Unknown);
    if !known(&rk) {
        return None;
    }
    let function = FUNCTION_STARTERS.binary_search(&rk.as_str()).is_ok();
    let block = BLOCK_STARTERS.binary_search(&rk.as_str()).is_ok() && once;
    // A name the lexicon does not know (`Facebook`) may precede a block word.
    let left_ok = known(&lk) || (ls == Shape::Cap && lk.chars().count() >= 3);
    ((function || block) && !code && left_ok).then_some((at, function))
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    let lexicon = Lexicon::get();
    let ws = words(text, lexicon);
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for w in &ws {
        if w.shape == Shape::Mixed {
            *seen.entry(w.text(text)).or_default() += 1;
        }
    }
    for w in &ws {
        if w.shape != Shape::Mixed || w.opaque {
            continue;
        }
        let t = w.text(text);
        let line_start = text[..w.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[w.end..].find('\n').map_or(text.len(), |i| w.end + i);
        let code = looks_like_code(&text[line_start..line_end]);
        let once = seen.get(t).copied().unwrap_or(0) == 1;
        if let Some((at, starter)) = split_point(t, lexicon, once, code) {
            let (left, right) = t.split_at(at);
            let why = if starter {
                format!("'{t}' reads as '{left}' glued to '{right}', a word that starts sentences")
            } else {
                format!("'{t}' reads as '{left}' glued to '{right}', a word that starts page blocks; the glued form occurs once")
            };
            report.replace(w.start + at, w.start + at, " ", "glued-words", why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn splits_glued_words() {
        assert_eq!(
            fix("Community standardsDiscussion"),
            "Community standards Discussion",
            "should split a lost break"
        );
        assert_eq!(
            fix("Comment via FacebookComment via Sputnik"),
            "Comment via Facebook Comment via Sputnik",
            "should split before a page-block word"
        );
        assert_eq!(
            fix("Please reply toThe editor"),
            "Please reply to The editor",
            "should split before The"
        );
    }

    #[test]
    fn keeps_real_mixed_case_words() {
        for t in [
            "An iPhone and a PlayStation on YouTube",
            "McDonald and DiCaprio",
            "set displayName here; displayName again",
            "The WordPress plugin",
            "Our MacBook",
        ] {
            assert_eq!(fix(t), t, "should leave {t:?} alone");
        }
    }

    #[test]
    fn starters_are_sorted() {
        assert!(
            FUNCTION_STARTERS.windows(2).all(|w| w[0] < w[1]),
            "should keep FUNCTION_STARTERS sorted"
        );
        assert!(
            BLOCK_STARTERS.windows(2).all(|w| w[0] < w[1]),
            "should keep BLOCK_STARTERS sorted"
        );
    }
}
