//! The mojibake heuristic: does a stretch of text contain character sequences
//! that real writing almost never has, but UTF-8 read through a single-byte
//! codec produces all the time?
//!
//! It is used twice, as in ftfy: to decide *whether* to try a repair (a segment
//! that is not bad is left alone, whatever it contains), and *when to stop*
//! (repairs go on layer by layer while the result is still bad).
//!
//! The approach follows ftfy's `badness.py` (MIT licence, Robyn Speer): sort the
//! few hundred characters that mojibake is made of into classes (accented capitals,
//! currency signs, box drawing, ...) and flag juxtapositions of classes that
//! mojibake produces, such as a lower-case accented letter followed by a currency
//! sign (`Ã©` is fine French; `Ã©Â£` is not). The checks here are hand-written
//! over a window of characters rather than one big regular expression, so the
//! wasm build carries no regex engine and the cost is one pass over the segment.

/// Character classes, as bits (a character can be in several).
const C1: u16 = 1; // C1 controls U+0080..U+009F
const BAD: u16 = 1 << 1; // symbols that almost only appear in mojibake
const LAW: u16 = 1 << 2; // ¶ §
const CUR: u16 = 1 << 3; // currency
const SP: u16 = 1 << 4; // opening punctuation
const EP: u16 = 1 << 5; // closing punctuation
const NUM: u16 = 1 << 6; // numeric and math symbols
const KAO: u16 = 1 << 7; // letters that make kaomoji eyes
const UA: u16 = 1 << 8; // upper-case accented Latin
const LA: u16 = 1 << 9; // lower-case accented Latin
const UC: u16 = 1 << 10; // upper-case Greek and Cyrillic
const LC: u16 = 1 << 11; // lower-case Greek and Cyrillic
const BOX: u16 = 1 << 12; // box drawing and blocks
const COMMON: u16 = 1 << 13; // punctuation common both in text and in mojibake

fn in_list(c: char, list: &str) -> bool {
    list.contains(c)
}

/// Code points below this are classified through a table built once.
const TABLE_END: usize = 0x2600;

/// The classes of `c`.
#[inline]
pub(crate) fn class(c: char) -> u16 {
    static TABLE: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    let u = c as u32;
    if u < 0x80 {
        return 0;
    }
    if (u as usize) < TABLE_END {
        let t = TABLE.get_or_init(|| {
            (0..TABLE_END as u32)
                .map(|u| char::from_u32(u).map(classify).unwrap_or(0))
                .collect()
        });
        return t[u as usize];
    }
    class_above(c)
}

/// [`class`] above the table, where only these few characters have a class.
/// Out of line, so that [`class`] stays small enough to inline.
#[inline(never)]
fn class_above(c: char) -> u16 {
    static ABOVE: std::sync::OnceLock<[u16; 4]> = std::sync::OnceLock::new();
    let above = || ABOVE.get_or_init(|| ['\u{f8ff}', 'ﬁ', 'ﬂ', '\u{fffd}'].map(classify));
    match c {
        '\u{f8ff}' => above()[0],
        'ﬁ' => above()[1],
        'ﬂ' => above()[2],
        '\u{fffd}' => above()[3],
        _ => 0,
    }
}

/// The classes of `c`, worked out from the lists.
fn classify(c: char) -> u16 {
    let u = c as u32;
    if u < 0x80 {
        return 0;
    }
    let mut k = 0;
    if (0x80..=0x9f).contains(&u) {
        k |= C1;
    }
    if in_list(c, "¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊�ªº") {
        k |= BAD;
    }
    if in_list(c, "¶§") {
        k |= LAW;
    }
    if in_list(c, "¢£¥₧€") {
        k |= CUR;
    }
    if in_list(c, "¡«¿©΄΅‘‚“„•‹\u{f8ff}") {
        k |= SP;
    }
    if in_list(c, "®»˝”›™") {
        k |= EP;
    }
    if in_list(c, "²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№") {
        k |= NUM;
    }
    if matches!(c, 'Ò'..='Ö' | 'Ù'..='Ü' | 'ò'..='ö' | 'ø'..='ü' | 'Ő' | 'Ō' | 'Ū' | 'Ų' | '°')
    {
        k |= KAO;
    }
    if matches!(c, 'À'..='Ñ' | 'Ø' | 'Ü' | 'Ý')
        || in_list(c, "ĂĀĄĆČĎĐĘĚĒĖĞĢİĪĶĹĽŁĻŃŇŅŒŘŚŞŠŢŤŮŰŸŹŻŽҐ")
    {
        k |= UA;
    }
    if matches!(c, 'à'..='ñ') || in_list(c, "ßăąāćčďđęěēėğģįīķĺľłļœŕśşšťüźżžґﬁﬂ")
    {
        k |= LA;
    }
    if matches!(c, 'Α'..='Ω' | 'Ё'..='Я') || in_list(c, "ÞΆΈΉΊΌΎΏΪΫ") {
        k |= UC;
    }
    if matches!(c, 'α'..='ω' | 'а'..='џ') || in_list(c, "άέήίΰ") {
        k |= LC;
    }
    if matches!(c, '═'..='╬') || in_list(c, "│┌┐┘├┤┬┼▀▄█▌▐░▒▓")
    {
        k |= BOX;
    }
    if in_list(c, "\u{a0}\u{ad}·´–—―…’") {
        k |= COMMON;
    }
    k
}

/// Whether `c` is in one of the symbol classes mojibake is made of (C1
/// controls, `ƒ ˆ ¦ ª º`, currency, `« »`-like opening and closing marks,
/// numeric and math signs, box drawing), whatever Unicode calls it.
pub(crate) fn is_symbol_class(c: char) -> bool {
    class(c) & (C1 | BAD | LAW | CUR | SP | EP | NUM | BOX) != 0
}

/// Whether `c` could be part of any pattern: everything non-ASCII.
fn interesting(c: char) -> bool {
    !c.is_ascii()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether a suspicious sequence starts at `s[i]`.
fn bad_at(s: &[char], i: usize) -> bool {
    let at = |j: usize| s.get(i + j).copied();
    let cls = |j: usize| at(j).map(class).unwrap_or(0);
    let is = |j: usize, set: u16| cls(j) & set != 0;
    let Some(a) = at(0) else { return false };
    let ka = class(a);
    let has = |k: u16, set: u16| k & set != 0;

    // Patterns that start with an ASCII character.
    if a.is_ascii() {
        let b = match at(1) {
            Some(b) => b,
            None => return false,
        };
        if a.is_ascii_alphabetic() && is(1, LC | UC) && is(2, BAD) {
            return true;
        }
        if a.is_whitespace() && is(1, UA) && is(2, CUR) {
            return true;
        }
        if a.is_ascii_lowercase() {
            if is(1, UA) && is(2, SP | CUR) {
                return true;
            }
            // [a-z]\s?[ÃÂ][ ]
            if matches!(b, 'Ã' | 'Â') && at(2) == Some(' ') {
                return true;
            }
            if b.is_whitespace() && matches!(at(2), Some('Ã' | 'Â')) && at(3) == Some(' ') {
                return true;
            }
        }
        // [a-z.,?!]Â[ SP EP]
        if (a.is_ascii_lowercase() || matches!(a, '.' | ',' | '?' | '!'))
            && b == 'Â'
            && (at(2) == Some(' ') || is(2, SP | EP))
        {
            return true;
        }
        return false;
    }

    let kb = cls(1);
    let b = at(1);
    // Fast exits: no pattern starts with an unclassified character other than
    // a space, and none starts with a Greek or Cyrillic letter followed by a
    // letter or ASCII, except `вЂ` and `ГўВЂВ`.
    if ka == 0 && !a.is_whitespace() {
        return false;
    }
    let letters = LC | UC;
    if ka & !letters == 0
        && kb & !letters == 0
        && !matches!((a, b), ('в', Some('Ђ')) | ('Г', Some('ў')))
    {
        return false;
    }
    if a.is_whitespace() && is(1, UA) && is(2, CUR) {
        return true;
    }
    if has(ka, EP) && b == Some('Â') && (at(2) == Some(' ') || is(2, SP | EP)) {
        return true;
    }
    // C1 controls on their own.
    if has(ka, C1) {
        return true;
    }
    let wide = BAD | LA | UA | BOX | SP | EP | CUR | NUM | LAW;
    if has(ka, wide) && has(kb, BAD) {
        return true;
    }
    if has(ka, BAD) && has(kb, LA | UA | BOX | SP | EP | CUR | NUM | LAW) {
        return true;
    }
    if has(ka, LA | LC | BOX | EP | CUR | NUM) && has(kb, UA) {
        return true;
    }
    if has(ka, BOX | EP | CUR | NUM) && has(kb, LA) {
        return true;
    }
    if has(ka, LA | BOX | EP) && has(kb, CUR) {
        return true;
    }
    if has(ka, UA | BOX) && has(kb, NUM | LAW) {
        return true;
    }
    if has(ka, LA | UA | BOX | CUR | EP) && has(kb, SP) && is(2, NUM) {
        return true;
    }
    if has(ka, LA | UA | CUR | NUM | BOX | LAW) && has(kb, EP) && is(2, SP) {
        return true;
    }
    if has(ka, CUR | NUM | BOX) && has(kb, SP) {
        return true;
    }
    if has(ka, BOX) && has(kb, KAO) {
        return true;
    }
    if has(ka, LA | UA | CUR | NUM | SP | EP | LAW) && has(kb, BOX) {
        return true;
    }
    if has(ka, BOX) && has(kb, EP) {
        return true;
    }
    if has(ka, LA | UA) && has(kb, SP | EP) && at(2).is_some_and(is_word) {
        return true;
    }
    // The ligature œ not followed by an unaccented Latin letter.
    if matches!(a, 'Œ' | 'œ') && b.is_some_and(|b| !b.is_ascii_alphabetic()) {
        return true;
    }
    if has(ka, UA) && b == Some('°') {
        return true;
    }
    let Some(b) = b else { return false };
    // Common two-character windows-1252 mojibake.
    if matches!(a, 'Â' | 'Ã' | 'Î' | 'Ð')
        && ("€œŠš¢£Ÿž\u{a0}\u{ad}®©°·»–—´".contains(b) || has(kb, SP | EP))
        && !(a == 'Â' && b == '\u{a0}' && caps_word_end(s, i))
    {
        return true;
    }
    if a == '×' && matches!(b, '²' | '³') {
        return true;
    }
    // windows-1252 mojibake of Arabic: four characters.
    let arabic_follow =
        |k: u16, c: char| has(k, COMMON | CUR | BAD | NUM | SP) || "ŸŠ®°µ»".contains(c);
    if matches!(a, 'Ø' | 'Ù')
        && arabic_follow(kb, b)
        && matches!(at(2), Some('Ø' | 'Ù'))
        && at(3).is_some_and(|d| arabic_follow(class(d), d))
    {
        return true;
    }
    // Lead of three-byte South Asian scripts.
    if a == 'à' && "²µ¹¼½¾".contains(b) {
        return true;
    }
    // MacRoman.
    if a == '√' && "±∂†≠®™´≤≥¥µø".contains(b) {
        return true;
    }
    if a == '≈' && matches!(b, '°' | '¢') {
        return true;
    }
    if a == '‚' && b == 'Ä' && at(2).is_some_and(|c| "ìîïòôúùû†°¢π".contains(c)) {
        return true;
    }
    if a == '‚' && matches!(b, 'â' | 'ó') && at(2).is_some_and(|c| "àä°ê".contains(c)) {
        return true;
    }
    // windows-1251 mojibake of U+2000 punctuation.
    if a == 'в' && b == 'Ђ' {
        return true;
    }
    // windows-1251 mojibake of Latin-1 or Cyrillic: three characters.
    let c1251 = |c: char| matches!(c, 'В' | 'Г' | 'Р' | 'С');
    if c1251(a)
        && (has(kb, C1 | BAD | SP | EP | CUR) || matches!(b, '°' | 'µ'))
        && at(2).is_some_and(c1251)
    {
        return true;
    }
    if a == 'Г'
        && b == 'ў'
        && at(2) == Some('В')
        && at(3) == Some('Ђ')
        && at(4) == Some('В')
        && at(5).is_some()
        && at(6).is_some_and(|c| c.is_ascii_alphabetic() || c == ' ')
    {
        return true;
    }
    // windows-1252 encodings of 'à' and 'á'.
    if a == 'Ã' && matches!(b, '\u{a0}' | '¡') {
        return true;
    }
    if i == 0 && matches!(a, 'Ã' | 'Â') && b == ' ' {
        return true;
    }
    // windows-1253 mojibake.
    if a == 'β' && b == '€' && at(2).is_some_and(|c| "™\u{a0}Ά\u{ad}®°".contains(c)) {
        return true;
    }
    let c1253 = |c: char| matches!(c, 'Β' | 'Γ' | 'Ξ' | 'Ο');
    if c1253(a) && (has(kb, C1 | BAD | SP | EP | CUR) || b == '°') && at(2).is_some_and(c1253) {
        return true;
    }
    // windows-1257 mojibake of U+2000 punctuation.
    if a == 'ā' && b == '€' {
        return true;
    }
    false
}

/// Whether the `Â` at `s[i]`, followed by a no-break space, ends a word in
/// capitals and the next word is in capitals too (`MISUTÂ AJIKKO`, romaji or
/// Romanian, French, Portuguese, Vietnamese capitals). `Â` is then a capital
/// letter among capitals, as plausible as the windows-1252 reading of U+00A0
/// (`C2 A0`), so it is not evidence of mojibake on its own. Lower-case `Â` and
/// an `Â` after a lower-case letter stay suspicious (`dayÂ off`).
fn caps_word_end(s: &[char], i: usize) -> bool {
    let upper = |k: Option<usize>| {
        k.and_then(|k| s.get(k))
            .is_some_and(|c| c.is_ascii_uppercase())
    };
    upper(i.checked_sub(1)) && upper(i.checked_sub(2)) && upper(Some(i + 2))
}

/// Whether `text` looks like it contains mojibake.
pub fn is_bad(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    is_bad_chars(&chars_of(text))
}

/// The characters of `text`, in a vector sized for them at once (collecting
/// would grow it several times from a guess of a quarter of the bytes).
pub(crate) fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    chars
}

/// [`is_bad`] over characters already collected.
pub fn is_bad_chars(s: &[char]) -> bool {
    (0..s.len()).any(|i| {
        // Skip quickly over plain ASCII stretches.
        let near = |j: usize| s.get(i + j).is_some_and(|&c| interesting(c));
        (near(0) || near(1) || near(2) || near(3)) && bad_at(s, i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_not_bad() {
        for t in [
            "Hello, World!",
            "Один два απο ένα δύο 123 £$%",
            "こんにちは、世界！",
            "This (®»˝”›™²³¹±¼½¾×µ÷⁄∂∆) is text.",
            "SÃO PAULO",
            "MISUTÂ\u{a0}AJIKKO",
            "Þórður Ægisson í Reykjavík",
            "Ærø Ø Å blåbærsyltetøy",
            "price: 5 € or £4, 2×3 ≤ 7",
        ] {
            assert!(!is_bad(t), "should not flag {t:?}");
        }
    }

    #[test]
    fn mojibake_is_bad() {
        for t in [
            "Ã¡.",
            "\u{80}",
            "â€œquotedâ€\u{9d}",
            "РґРѕСЂРѕРіРµ вЂ“",
            "√©t√©",
            "dayÂ\u{a0}off",
            "DAYÂ\u{a0}off",
        ] {
            assert!(is_bad(t), "should flag {t:?}");
        }
    }
}
