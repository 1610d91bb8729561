//! Letter-bigram plausibility: how much a stretch of letters looks like words of
//! its script.
//!
//! The tables (generated into [`super::tables::BIGRAMS`] from Hunspell word lists)
//! give each pair of lower-case letters a score from 0 (never seen in a word) to
//! 15 (very common). A pair of letters from different scripts, or a lower-case
//! letter followed by an upper-case one inside a word, scores 0: real words do
//! not look like that, mojibake does (`Thйвtre`, `рТЙЧЕФ`).

use super::tables::{Bigrams, BIGRAMS};

/// The scripts with a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Cyrillic = 0,
    Greek = 1,
    Latin = 2,
}

impl Script {
    fn table(self) -> &'static Bigrams {
        static TABLES: std::sync::OnceLock<[&'static Bigrams; 3]> = std::sync::OnceLock::new();
        let tables = TABLES.get_or_init(|| {
            [Script::Cyrillic, Script::Greek, Script::Latin].map(|script| {
                let name = match script {
                    Script::Cyrillic => "cyrillic",
                    Script::Greek => "greek",
                    Script::Latin => "latin",
                };
                BIGRAMS
                    .iter()
                    .find(|b| b.script == name)
                    .unwrap_or(&BIGRAMS[0])
            })
        });
        tables[self as usize]
    }

    /// The script of a letter, if it has a table.
    pub fn of(c: char) -> Option<Script> {
        match c as u32 {
            0x41..=0x5a | 0x61..=0x7a | 0xc0..=0x24f => Some(Script::Latin),
            0x370..=0x3ff => Some(Script::Greek),
            0x400..=0x4ff => Some(Script::Cyrillic),
            _ => None,
        }
    }
}

/// Letters below this code point are indexed through a table built once.
const INDEX_END: usize = 0x500;

/// The position of lower-case `c` in its table's alphabet.
fn index(table: &Bigrams, c: char) -> Option<usize> {
    static INDEX: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let idx = INDEX.get_or_init(|| {
        let mut v = vec![0u8; INDEX_END];
        for t in BIGRAMS {
            for (i, a) in t.alphabet.chars().enumerate() {
                if (a as usize) < INDEX_END {
                    v[a as usize] = (i + 1) as u8;
                }
            }
        }
        v
    });
    match idx.get(c as usize) {
        Some(&i) if i > 0 => Some(i as usize - 1),
        Some(_) => None,
        None => table.alphabet.chars().position(|a| a == c),
    }
}

/// The score of the pair `a`, `b` (both letters): `None` when the table does not
/// know one of the letters (such as Icelandic `ð`), so the pair says nothing.
#[inline(always)]
pub fn pair(a: char, b: char) -> Option<u8> {
    let (x, y) = (letter_info(a)?, letter_info(b)?);
    if x.script != y.script || (x.lower && y.upper) {
        return Some(0);
    }
    let t = x.script.table();
    let k = usize::from(x.index?) * t.size + usize::from(y.index?);
    let byte = *t.packed.get(k / 2)?;
    Some(if k % 2 == 0 { byte & 0x0f } else { byte >> 4 })
}

/// What [`pair`] needs to know of a letter of a script with a table.
#[derive(Clone, Copy)]
struct LetterInfo {
    script: Script,
    lower: bool,
    upper: bool,
    /// Where its lower case stands in its script's alphabet.
    index: Option<u8>,
    /// Whether the tables know the letter (see [`known`]).
    known: bool,
}

/// [`LetterInfo`] of `c`, from a table built once (every character with a
/// [`Script`] is below `INDEX_END`); `None` when `c` has no script.
#[inline]
fn letter_info(c: char) -> Option<LetterInfo> {
    static INFO: std::sync::OnceLock<Vec<Option<LetterInfo>>> = std::sync::OnceLock::new();
    let info = INFO.get_or_init(|| {
        (0..INDEX_END as u32)
            .map(|u| {
                let c = char::from_u32(u)?;
                let script = Script::of(c)?;
                Some(LetterInfo {
                    script,
                    lower: is_lower(c),
                    upper: is_upper(c),
                    index: index(script.table(), lower(c)).and_then(|i| u8::try_from(i).ok()),
                    known: c
                        .to_lowercase()
                        .next()
                        .is_some_and(|l| index(script.table(), l).is_some()),
                })
            })
            .collect()
    });
    match info.get(c as usize) {
        Some(i) => *i,
        // Above the table no character has a script.
        None => None,
    }
}

/// Code points below this have their letterhood and lower case in a table.
const FAST_END: usize = 0x2600;

/// Flags in [`fast`]: a letter, upper case, lower case.
const LETTER: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;

/// (flags, lower case) for code points below [`FAST_END`].
fn fast() -> &'static [(u8, char)] {
    static FAST: std::sync::OnceLock<Vec<(u8, char)>> = std::sync::OnceLock::new();
    FAST.get_or_init(|| {
        (0..FAST_END as u32)
            .map(|u| match char::from_u32(u) {
                Some(c) => {
                    let mut l = c.to_lowercase();
                    let lower = match (l.next(), l.next()) {
                        (Some(x), None) => x,
                        _ => c,
                    };
                    let flags = (c.is_alphabetic() as u8 * LETTER)
                        | (c.is_uppercase() as u8 * UPPER)
                        | (c.is_lowercase() as u8 * LOWER);
                    (flags, lower)
                }
                None => (0, '\0'),
            })
            .collect()
    })
}

#[inline]
fn flags(c: char) -> u8 {
    match fast().get(c as usize) {
        Some(&(f, _)) => f,
        None => flags_above(c),
    }
}

/// [`flags`] above the table: worked out once per character of the Basic
/// Multilingual Plane and remembered (0 means not yet). Out of line, so that
/// [`flags`] stays small enough to inline.
#[inline(never)]
fn flags_above(c: char) -> u8 {
    use std::sync::atomic::{AtomicU8, Ordering};
    const KNOWN: u8 = 0x80;
    static SEEN: [AtomicU8; 0x10000] = [const { AtomicU8::new(0) }; 0x10000];
    let work = || {
        (c.is_alphabetic() as u8 * LETTER)
            | (c.is_uppercase() as u8 * UPPER)
            | (c.is_lowercase() as u8 * LOWER)
    };
    let Some(slot) = SEEN.get(c as usize) else {
        return work();
    };
    match slot.load(Ordering::Relaxed) {
        0 => {
            let f = work();
            slot.store(f | KNOWN, Ordering::Relaxed);
            f
        }
        f => f & !KNOWN,
    }
}

/// `c.is_alphabetic()`, with a fast path for the common scripts.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c) & LETTER != 0
}

/// `c.is_uppercase()`, with a fast path for the common scripts.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    flags(c) & UPPER != 0
}

/// `c.is_lowercase()`, with a fast path for the common scripts.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    flags(c) & LOWER != 0
}

/// The (single-character) lower case of `c`.
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match fast().get(c as usize) {
        Some(&(_, l)) => l,
        None => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether the tables know the letter `c` (in either case).
pub fn known(c: char) -> bool {
    letter_info(c).is_some_and(|i| i.known)
}

/// Scores over a set of words: the sum and number of scored pairs, and how many
/// scored 0.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub sum: u32,
    pub pairs: u32,
    pub unseen: u32,
}

impl Tally {
    /// Adds the pairs of adjacent letters in `word` (only pairs with at least
    /// one non-ASCII letter when `non_ascii_only`).
    ///
    /// A word whose letters come from two scripts is not a word: every pair in
    /// it scores 0.
    pub fn add(&mut self, word: &str, non_ascii_only: bool) {
        // One scan: the pairs are scored as they come, and count as never seen
        // at the end if the word turns out to mix scripts.
        let mut first: Option<Script> = None;
        let mut mixed = false;
        let (mut sum, mut scored, mut unseen) = (0u32, 0u32, 0u32);
        let mut prev: Option<char> = None;
        for c in word.chars() {
            if !is_letter(c) {
                prev = None;
                continue;
            }
            if let Some(s) = Script::of(c) {
                match first {
                    None => first = Some(s),
                    Some(f) => mixed |= f != s,
                }
            }
            if let Some(p) = prev {
                if !(non_ascii_only && p.is_ascii() && c.is_ascii()) {
                    if let Some(s) = pair(p, c) {
                        sum += u32::from(s);
                        scored += 1;
                        unseen += u32::from(s == 0);
                    }
                }
            }
            prev = Some(c);
        }
        self.pairs += scored;
        if mixed {
            self.unseen += scored;
        } else {
            self.sum += sum;
            self.unseen += unseen;
        }
    }

    /// Mean score of the pairs (0 when there are none).
    pub fn mean(&self) -> f32 {
        if self.pairs == 0 {
            0.0
        } else {
            self.sum as f32 / self.pairs as f32
        }
    }

    /// Share of pairs never seen in words.
    pub fn unseen_share(&self) -> f32 {
        if self.pairs == 0 {
            1.0
        } else {
            self.unseen as f32 / self.pairs as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mean(w: &str) -> f32 {
        let mut t = Tally::default();
        t.add(w, true);
        t.mean()
    }

    #[test]
    fn real_words_score_higher_than_mojibake() {
        assert!(
            mean("сообщение") > mean("ñîîáùåíèå") + 4.0,
            "should prefer Russian to its latin-1 reading"
        );
        assert!(
            mean("καλημέρα") > mean("êáëçìýñá") + 4.0,
            "should prefer Greek to its latin-1 reading"
        );
        assert!(
            mean("théâtre") > mean("thйвtre") + 2.5,
            "should prefer French to its windows-1251 reading"
        );
    }
}
