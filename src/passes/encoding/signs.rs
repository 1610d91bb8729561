//! Signs that a few characters are a UTF-8 sequence read one byte at a time,
//! for repairs with little else to go on: a rare codec's single sequence
//! (`youΓÇÖve` in IBM437, `тАУ` in IBM866), and the short stretches of a line
//! where mangled text sits beside clean text.
//!
//! Each sign is something words do not have (a capital after a small letter
//! outside ASCII, three accented letters in a row, a letter of another script
//! glued to a Latin word), or something a repair must not give (a private-use
//! character from a codec other than latin-1 or windows-1252, a lone character
//! of a script the segment does not use, two such scripts at once).

use super::bigrams::{is_letter, known, Script};
use super::mojibake::{anomalous, anomalous_pair, any_pair, block_of, implausibility};

/// Whether `text` has a character of the Basic Multilingual Plane's
/// private-use area, which only fonts and programs give a meaning.
pub(super) fn private_use(text: &str) -> bool {
    // U+E000..=U+F8FF is EE xx xx, or EF 80..=A3 xx, in UTF-8.
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &x)| x == 0xee || (x == 0xef && b.get(i + 1).is_some_and(|&n| n <= 0xa3)))
}

/// Whether one multi-byte sequence is evidence enough for the mojibake stage's `rare_codec`:
/// `youΓÇÖve` (IBM437) and `youБ─≥ve` (KOI8-R) are `you’ve`. Most English
/// text has a single non-ASCII character per line, an apostrophe or a dash,
/// so rare-codec mojibake there is one sequence or none. Two or three
/// characters of a rare codec can spell a UTF-8 sequence by chance, so the
/// segment must have something real words never have (letters of two scripts
/// side by side, or a symbol glued to a letter; see [`anomalous`]) and the
/// repair must leave nothing of the kind, nor anything implausible.
///
/// A two-byte sequence is taken only from symbols (`caf├⌐` is `café` in
/// IBM437) or inside a Latin word ([`in_latin_word`]): two characters that
/// include a letter can be ordinary text (`√π` reads as `ù` in MacRoman).
pub(super) fn lone_sequence(text: &str, fixed: &str) -> bool {
    let long = fixed.chars().any(|c| c as u32 >= 0x800);
    let letters = |t: &str| t.chars().any(|c| !c.is_ascii() && is_letter(c));
    let evidence = odd_pairs(text)
        || (long && !letters(fixed) && (high_letters(text) || unknown_letters(text)));
    (long || !letters(text) || in_latin_word(text))
        && evidence
        && !anomalous(fixed)
        && !capital_after_small(fixed)
        && implausibility(fixed) == 0
}

/// Whether `text` may hold a lone sequence [`lone_sequence`] takes: the
/// evidence it asks for, less what depends on the reading.
pub(super) fn lone_sequence_possible(text: &str) -> bool {
    odd_pairs(text) || high_letters(text) || unknown_letters(text)
}

/// Whether `text` has a Cyrillic or Greek letter that the letter-pair tables
/// do not know (`вњ“` is `✓` read as windows-1251: `њ` is Serbian and
/// Macedonian, `Ђ`, `ћ`, `џ` and `Ў` the like): the tables cover Russian,
/// Ukrainian, Bulgarian and Greek, and a three-byte sequence of symbols read
/// through windows-1251 spells one of the others more often than not, while
/// a word of the languages that have them does not spell a sequence (their
/// letters follow a small letter two at a time only by chance).
fn unknown_letters(text: &str) -> bool {
    text.chars().any(unknown_letter)
}

/// Whether `c` is a Cyrillic or Greek letter the letter-pair tables do not
/// know (see [`unknown_letters`]).
pub(super) fn unknown_letter(c: char) -> bool {
    matches!(Script::of(c), Some(Script::Cyrillic | Script::Greek)) && is_letter(c) && !known(c)
}

/// Whether two neighbouring characters of `text`, one outside ASCII, are
/// something words do not have, in one scan: letters of two scripts or a
/// symbol glued to a letter ([`anomalous`]), a capital after a small letter
/// ([`capital_after_small`]), or a letter of another script touching an ASCII
/// letter (`cafأ©`, `cafֳ©`: `é` in windows-1256 and windows-1255).
fn odd_pairs(text: &str) -> bool {
    any_pair(text, |a, c| {
        !(a.is_ascii() && c.is_ascii())
            && (anomalous_pair(a, c)
                || (a.is_lowercase() && c.is_uppercase())
                || (a.is_ascii_alphabetic() && foreign_letter(c))
                || (foreign_letter(a) && c.is_ascii_alphabetic()))
    })
}

/// A letter (or vowel point) of a script other than Latin.
fn foreign_letter(c: char) -> bool {
    c as u32 >= 0x370 && c.is_alphabetic() && !('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Whether a character outside ASCII touches an ASCII letter (`cafц╘`, `é`
/// in KOI8-R): glued into a Latin word, two characters of another script
/// are not text of their own, as `√π` standing apart may be.
fn in_latin_word(text: &str) -> bool {
    any_pair(text, |a, c| {
        (a.is_ascii_alphabetic() && !c.is_ascii()) || (!a.is_ascii() && c.is_ascii_alphabetic())
    })
}

/// Whether three or more letters outside ASCII stand together (`ÔÇô`, an en
/// dash in IBM850): a three-byte sequence read one byte at a time, where it
/// is one character (see [`lone_sequence`]) that is not a letter.
fn high_letters(text: &str) -> bool {
    let mut run = 0;
    text.chars().any(|c| {
        run = if !c.is_ascii() && is_letter(c) {
            run + 1
        } else {
            0
        };
        run >= 3
    })
}

/// Whether `c` is a character of a script other than Latin, Greek and
/// Cyrillic (Hebrew, Arabic, Thai, Indic, CJK) that no character of the
/// segment shares (`blocks`, from [`block_counts`]).
pub(super) fn lone_script(c: char, blocks: &[usize; 8]) -> bool {
    script_block(c).is_some_and(|s| blocks[usize::from(s)] == 0)
}

/// How many characters of `chars` each script of [`script_block`] has, for
/// [`lone_script`]: counted once per segment, not once per stretch.
pub(super) fn block_counts(chars: &[char]) -> [usize; 8] {
    let mut n = [0; 8];
    for b in chars.iter().filter_map(|&c| script_block(c)) {
        n[usize::from(b)] += 1;
    }
    n
}

/// Whether `text` has characters of two of the scripts [`script_block`]
/// tells apart (`४㠮`, Devanagari beside CJK): no writer mixes them in one
/// stretch.
pub(super) fn mixed_blocks(text: &str) -> bool {
    let mut seen = None;
    text.chars()
        .filter_map(script_block)
        .any(|b| *seen.get_or_insert(b) != b)
}

/// The script of `c` among Hebrew, Arabic, Thai, Indic and CJK, by block,
/// assigned or not (`à®¢` spells U+0BA2, a gap in Tamil).
fn script_block(c: char) -> Option<u8> {
    block_of(c).filter(|&b| b >= 3)
}

/// Whether a capital outside ASCII follows a small letter, or a capital
/// follows a small letter outside ASCII (`тАУ`, `youÔÇÖve`): the letters of a
/// UTF-8 sequence read one byte at a time mix their case as words do not.
fn capital_after_small(text: &str) -> bool {
    any_pair(text, |a, c| {
        !(a.is_ascii() && c.is_ascii()) && a.is_lowercase() && c.is_uppercase()
    })
}
