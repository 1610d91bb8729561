//! The fast path: one scan that clears a line of ordinary text, so that none of
//! the stages looks at it again.
//!
//! Every repair the pass makes needs something in the line that ordinary text
//! does not have, and this scan looks for any of it:
//! - an `&` (a character reference), a C1 control, or any non-ASCII character
//!   that is not a letter, a digit of a non-Latin script, an emoji or one of a
//!   few common punctuation marks (mojibake is full of symbols: `Ã©`, `â€™`,
//!   `Ð±`, `├®`, `√©`; currency signs, `¼` and the like go to the full check);
//! - a word with letters of two scripts (`mГ©dicament`, `Thйвtre`), or with a
//!   lower-case letter followed by an upper-case one (`РїСЂРёРІРµС‚`, `рТЙЧЕФ`);
//! - a word of two or more letters none of which is ASCII, in Latin script
//!   (`Ñîîáùåíèå`; French, Spanish or German words always have an ASCII letter)
//!   or an all-capital Cyrillic or Greek word (KOI8-R read as windows-1251 turns
//!   lower case into capitals);
//! - an accented capital followed by another non-ASCII character or a space
//!   (`Å `, `ÄŒ`, `Ã ` are lead bytes of UTF-8 read one by one).
//!
//! A line with none of these is left alone without further work. The check is
//! deliberately broad: anything it lets through still has to convince the
//! stages themselves.

use super::bigrams::{is_letter, is_lower, is_upper};
use super::signs::unknown_letter;

/// Punctuation that ordinary text uses next to letters (the hyphens U+2010
/// and U+2011 too: no codec the pass knows spells either one).
fn common_punct(c: char) -> bool {
    matches!(
        c,
        '’' | '‘' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '–' | '—' | '…' | '\u{a0}' | '\u{202f}'
            | '\u{2010}' | '\u{2011}'
            | '\u{2009}' | '′' | '″'
            // CJK punctuation and full-width forms.
            | '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff65}'
    )
}

/// A coarse script for letters: 0 Latin, 1 Greek, 2 Cyrillic, 3 other.
fn script(c: char) -> u8 {
    match c as u32 {
        0..=0x24f | 0x1e00..=0x1eff => 0,
        0x370..=0x3ff | 0x1f00..=0x1fff => 1,
        0x400..=0x52f => 2,
        _ => 3,
    }
}

/// What [`is_plain`] needs to know of a character, as bits of a `u16`
/// (see [`class_bmp`]).
const KNOWN: u16 = 1; // set in every computed class, so that 0 means "not yet"
const LETTER: u16 = 1 << 1;
const UPPER: u16 = 1 << 2;
const LOWER: u16 = 1 << 3;
const SCRIPT_SHIFT: u16 = 4; // two bits: [`script`] of a letter
const NON_ASCII: u16 = 1 << 6;
/// `&`, a C1 control, or a Cyrillic or Greek letter the letter-pair tables do
/// not know (`њ` of `вњ“`, a check mark read as windows-1251; see
/// `signs::unknown_letter`): never plain.
const NEVER: u16 = 1 << 7;
/// An accented capital that starts UTF-8 read one byte at a time (`Ã `, `Å `).
const ACCENT_CAP: u16 = 1 << 8;
/// Punctuation that mojibake glues between letters (`–°–ú`, `»ô`).
const GLUE: u16 = 1 << 9;
/// A symbol mojibake is made of (`ƒ`, `ª`, `¤`): never plain.
const SYMBOL: u16 = 1 << 10;
/// Not a letter, and a symbol ordinary text does not use next to letters.
const ODD: u16 = 1 << 11;
const WHITESPACE: u16 = 1 << 12;
const SPACE: u16 = 1 << 13;

/// Works out the class of `c` from the rules (see [`class_bmp`] for the fast way).
#[inline(never)]
fn classify(c: char) -> u16 {
    let mut k = KNOWN;
    if is_letter(c) {
        k |= LETTER | (u16::from(script(c)) << SCRIPT_SHIFT);
    }
    if is_upper(c) {
        k |= UPPER;
    }
    if is_lower(c) {
        k |= LOWER;
    }
    if !c.is_ascii() {
        k |= NON_ASCII;
    }
    if c == '&' || ('\u{80}'..='\u{9f}').contains(&c) || unknown_letter(c) {
        k |= NEVER;
    }
    if matches!(c, 'À'..='ß' | 'Ā'..='ž') && is_upper(c) {
        k |= ACCENT_CAP;
    }
    if matches!(c, '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '–' | '—' | '…') {
        k |= GLUE;
    }
    // Letters that mojibake is made of (`ƒ`, `ª`, `ˆ`) count as symbols.
    if !common_punct(c) && super::badness::is_symbol_class(c) {
        k |= SYMBOL;
    }
    // Digits of other scripts are ordinary; Latin-1's `¹²³¼½¾` are mojibake's.
    let digit = c.is_numeric() && c as u32 > 0xff;
    // Emoji and other pictographs are ordinary text.
    let pictograph = matches!(c as u32, 0x1f000..=0x1faff | 0x2600..=0x27bf | 0xfe0f | 0x200d);
    if !c.is_ascii() && !c.is_whitespace() && !common_punct(c) && !digit && !pictograph {
        k |= ODD;
    }
    if c.is_whitespace() {
        k |= WHITESPACE;
    }
    if c == ' ' {
        k |= SPACE;
    }
    k
}

/// The classes of the ASCII characters, as [`classify`] gives them.
const ASCII: [u16; 128] = {
    let mut t = [0u16; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut k = KNOWN;
        if c.is_ascii_alphabetic() {
            k |= LETTER;
        }
        if c.is_ascii_uppercase() {
            k |= UPPER;
        }
        if c.is_ascii_lowercase() {
            k |= LOWER;
        }
        if c == b'&' {
            k |= NEVER;
        }
        // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form
        // feed, carriage return and space.
        if matches!(c, b'\t'..=b'\r' | b' ') {
            k |= WHITESPACE;
        }
        if c == b' ' {
            k |= SPACE;
        }
        t[b] = k;
        b += 1;
    }
    t
};

/// The class of the character `c` of the Basic Multilingual Plane: worked out
/// once and remembered (the table starts empty, so it costs nothing in the
/// wasm file and only the characters a text uses are ever worked out).
#[inline(always)]
fn class_bmp(c: u32) -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static SEEN: [AtomicU16; 0x10000] = [const { AtomicU16::new(0) }; 0x10000];
    let slot = &SEEN[(c & 0xffff) as usize];
    match slot.load(Ordering::Relaxed) {
        0 => {
            let k = classify(char::from_u32(c).unwrap_or('\u{fffd}'));
            slot.store(k, Ordering::Relaxed);
            k
        }
        k => k,
    }
}

/// Whether `line` is ordinary text that no stage of the pass would change.
pub fn is_plain(line: &str) -> bool {
    if line.is_ascii() {
        return !line.contains('&');
    }
    first_odd(line).is_none()
}

/// Where the scan of [`is_plain`] first finds something ordinary text does not
/// have in `text` (which starts a line): the offset of the character it stopped
/// at, or of the end for a last word that is odd; `None` if it finds nothing.
///
/// A line feed ends a word like any space and leaves the scan as it is at the
/// start of a line (the checks on neighbours need a non-ASCII character or a
/// letter before, and a line feed is neither), so the scan can run over many
/// lines at once: every line wholly before the one holding the offset is plain.
/// It is stricter than [`is_plain`] in one way: ASCII lines with a lower-case
/// letter followed by a capital (`iPhone`) stop it too, so a line it stops at
/// still has to be checked on its own.
pub fn first_odd(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut word = Word::default();
    // Classes of the previous two characters (0: none).
    let mut prev: u16 = 0;
    let mut prev2: u16 = 0;
    let mut i = match skip_ascii(bytes, &mut word, &mut prev, &mut prev2) {
        Ok(n) => n,
        Err(at) => return Some(at),
    };
    while let Some(&b0) = bytes.get(i) {
        let start = i;
        // The next character's class, decoded by hand: `text` is valid UTF-8,
        // so sequences of up to three bytes stay in the Basic Multilingual Plane.
        let cont = |j: usize| u32::from(bytes.get(i + j).copied().unwrap_or(0x80) & 0x3f);
        let k = match b0 {
            0..=0x7f => {
                i += 1;
                ASCII[usize::from(b0)]
            }
            0xc0..=0xdf => {
                let c = (u32::from(b0 & 0x1f) << 6) | cont(1);
                i += 2;
                class_bmp(c)
            }
            0xe0..=0xef => {
                let c = (u32::from(b0 & 0x0f) << 12) | (cont(1) << 6) | cont(2);
                i += 3;
                class_bmp(c)
            }
            _ => {
                let c = (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
                i += 4;
                classify(char::from_u32(c).unwrap_or('\u{fffd}'))
            }
        };
        // A letter that is not a capital, right after a letter of the same
        // class, passes every check the one before it passed (it is in the
        // same word, of the same script, and no check looks at a pair of
        // such letters): it only adds to the word. Most letters of a word in
        // any script take this way.
        if k == prev && k & (LETTER | UPPER | ACCENT_CAP | GLUE | NEVER | SYMBOL) == LETTER {
            word.letters += 1;
            word.ascii_letters += usize::from(k & NON_ASCII == 0);
            prev2 = prev;
            // The two-byte letters of the same class that follow go the same
            // way, in a tighter loop (most letters of Cyrillic, Greek and
            // accented Latin words).
            while let [b0 @ 0xc0..=0xdf, b1, ..] = bytes[i..] {
                if class_bmp((u32::from(b0 & 0x1f) << 6) | u32::from(b1 & 0x3f)) != k {
                    break;
                }
                word.letters += 1;
                i += 2;
            }
            continue;
        }
        // An ASCII character after an ASCII one needs none of the checks on
        // the characters before it (they concern non-ASCII ones), and nor does
        // a character with nothing odd about it after one that is not an
        // accented capital or glue punctuation: one test clears both.
        if (k | prev) & NON_ASCII != 0
            && (k & (NEVER | SYMBOL) != 0 || prev & (ACCENT_CAP | GLUE) != 0)
        {
            if k & NEVER != 0 {
                return Some(start);
            }
            // An accented capital followed by a non-ASCII character or a space.
            if prev & ACCENT_CAP != 0 && k & (NON_ASCII | SPACE) != 0 {
                return Some(start);
            }
            // Punctuation glued between a letter and a non-ASCII character, or
            // between a non-ASCII letter and a letter (`–°–ú` is Cyrillic read as
            // MacRoman, `Chele»ô` Romanian, `Г–L` German read as windows-1251).
            if prev & GLUE != 0
                && prev2 & LETTER != 0
                && ((k & NON_ASCII != 0 && k & WHITESPACE == 0)
                    || (k & LETTER != 0 && prev2 & NON_ASCII != 0))
            {
                return Some(start);
            }
            if k & SYMBOL != 0 {
                return Some(start);
            }
        } else if k & NEVER != 0 {
            return Some(start);
        }
        prev2 = prev;
        prev = k;
        if k & LETTER != 0 {
            let s = ((k >> SCRIPT_SHIFT) & 3) as u8;
            match word.script {
                None => word.script = Some(s),
                Some(w) if w != s => return Some(start),
                _ => {}
            }
            if k & UPPER != 0 {
                if word.prev_lower {
                    return Some(start);
                }
                word.upper += 1;
            }
            word.prev_lower = k & LOWER != 0;
            word.letters += 1;
            word.ascii_letters += usize::from(k & NON_ASCII == 0);
            continue;
        }
        if k & ODD != 0 {
            return Some(start);
        }
        // Anything else ends the word (apostrophes and hyphens too, which keeps
        // `l’été` and `Jean-Pierre` apart).
        if word.script.is_some() && !word.end() {
            return Some(start);
        }
        // Between words after an ASCII character: the ASCII text that follows,
        // if any, is cleared in one go.
        if k & NON_ASCII == 0 && bytes.get(i).is_some_and(u8::is_ascii) {
            match skip_ascii(&bytes[i..], &mut word, &mut prev, &mut prev2) {
                Ok(n) => i += n,
                Err(at) => return Some(i + at),
            }
        }
    }
    (!word.end()).then_some(bytes.len())
}

/// Clears the ASCII text at the start of `bytes` as the character-by-character
/// scan of [`is_plain`] would, but in one tight loop, from a point between
/// words after an ASCII character (or at the start of the line): returns how
/// many bytes it covers, and leaves `word` holding the letters it ends with
/// (a word that may go on past it) and `prev`, `prev2` the classes of its last
/// two characters. `Err` with the offset of the first thing no plain line has,
/// if there is one: an `&`, or a lower-case letter followed by a capital.
///
/// Those two are all the scan would look for there: the checks on neighbours
/// concern non-ASCII characters, and a word with an ASCII letter is never odd
/// for its letters (see [`Word::end`]) once its script is Latin.
fn skip_ascii(
    bytes: &[u8],
    word: &mut Word,
    prev: &mut u16,
    prev2: &mut u16,
) -> Result<usize, usize> {
    let mut n = 0;
    // Where the word the run ends with starts.
    let mut word_start = 0;
    let mut prev_lower = false;
    // Eight bytes at a time while they are all ASCII, then one at a time.
    while let Some(&chunk) = bytes
        .get(n..n + 8)
        .and_then(|c| <&[u8; 8]>::try_from(c).ok())
    {
        let x = u64::from_le_bytes(chunk);
        if x & TOPS != 0 {
            break;
        }
        let lower = in_range(x, b'a', b'z');
        let upper = in_range(x, b'A', b'Z');
        // A capital right after a lower-case letter, inside the eight bytes
        // or at their start.
        let camel = ((lower << 8) | (u64::from(prev_lower) << 7)) & upper;
        let odd = in_range(x, b'&', b'&') | camel;
        if odd != 0 {
            // The top bit of the first odd byte.
            return Err(n + odd.trailing_zeros() as usize / 8);
        }
        let non_letters = !(lower | upper) & TOPS;
        if non_letters != 0 {
            word_start = n + (63 - non_letters.leading_zeros() as usize) / 8 + 1;
        }
        prev_lower = lower >> 63 != 0;
        n += 8;
    }
    while let Some(&b) = bytes.get(n) {
        if b >= 0x80 {
            break;
        }
        if b == b'&' || (prev_lower && b.is_ascii_uppercase()) {
            return Err(n);
        }
        prev_lower = b.is_ascii_lowercase();
        n += 1;
        if !b.is_ascii_alphabetic() {
            word_start = n;
        }
    }
    if n == 0 {
        return Ok(0);
    }
    let letters = &bytes[word_start..n];
    if !letters.is_empty() {
        *word = Word {
            script: Some(0),
            letters: letters.len(),
            ascii_letters: letters.len(),
            upper: letters.iter().filter(|b| b.is_ascii_uppercase()).count(),
            prev_lower,
        };
    }
    *prev2 = if n > 1 {
        ASCII[usize::from(bytes[n - 2])]
    } else {
        *prev
    };
    *prev = ASCII[usize::from(bytes[n - 1])];
    Ok(n)
}

/// The top bit of every byte: set in a byte outside ASCII.
const TOPS: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes read as one little-endian number, the top bit of
/// each byte that lies in `lo..=hi` (`lo` above 0): adding `0x80 - lo` to a
/// byte sets its top bit exactly when it is `lo` or more, and no byte of
/// ASCII carries into the next.
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & TOPS
}

/// The word being scanned by [`is_plain`]: its script, its letters (and how
/// many are ASCII and upper case), and whether the last letter was lower case.
#[derive(Default)]
struct Word {
    script: Option<u8>,
    letters: usize,
    ascii_letters: usize,
    upper: usize,
    prev_lower: bool,
}

impl Word {
    /// Ends the word: whether it was ordinary (a Latin word of two or more
    /// letters has an ASCII one; a Greek or Cyrillic one is not all capitals,
    /// which mojibake of those scripts often is); then starts afresh.
    #[inline]
    fn end(&mut self) -> bool {
        let ok = match self.script {
            Some(0) => !(self.letters >= 2 && self.ascii_letters == 0),
            Some(1) | Some(2) => !(self.letters >= 2 && self.upper == self.letters),
            _ => true,
        };
        *self = Word::default();
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_table_agrees_with_the_rules() {
        for b in 0u8..128 {
            assert_eq!(
                ASCII[b as usize],
                classify(b as char),
                "should classify {:?} as the rules do",
                b as char
            );
        }
    }

    #[test]
    fn ordinary_lines_are_plain() {
        for t in [
            "Le conseil municipal a voté mardi le prolongement du tramway jusqu’au port.",
            "Городской совет во вторник проголосовал за продление трамвайной линии.",
            "Η δημοτική επιτροπή ενέκρινε την επέκταση της γραμμής του τραμ.",
            "市議会は火曜日、路面電車を港まで延伸する計画を承認した。",
            "Der Stadtrat hat am Dienstag beschlossen, die Straßenbahn zu verlängern.",
            "Team 👩\u{200d}💻 wins — «oui» on ٣ May.",
            "Straße, Öl und Äpfel",
            "A real\u{2011}time, well\u{2010}known feed",
            "Le prix: 12 euros, payé à Paris",
            "Ordinary words, then: élan",
            "iPhone",
        ] {
            assert!(is_plain(t), "should clear {t:?}");
        }
    }

    /// The lines a scan of the whole text with [`first_odd`] stops at, as the
    /// pass walks them: each scan starts at the line after the last stop.
    fn stops(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(odd) = first_odd(&text[from..]) {
            let at = from + odd;
            let start = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
            out.push(
                text[start..end]
                    .trim_end_matches('\n')
                    .trim_end_matches('\r'),
            );
            from = end;
        }
        out
    }

    #[test]
    fn a_scan_of_the_whole_text_stops_at_every_line_that_is_not_plain() {
        let lines = [
            "Le conseil municipal a voté mardi.",
            "Городской совет проголосовал.",
            "cafÃ© crÃ¨me",
            "市議会は火曜日",
            "Ñîîáùåíèå",
            "Fish &amp; Chips",
            "plain ascii",
            "iPhone",
            "Straße, Öl und Äpfel",
            "ΚΑΛΗΜΕΡΑ",
            "Ã perturber",
            "",
            "é",
            "Ä",
            "–°–ú",
        ];
        for (a, b, c) in lines
            .iter()
            .flat_map(|a| lines.iter().map(move |b| (a, b)))
            .flat_map(|(a, b)| lines.iter().map(move |c| (a, b, c)))
        {
            for sep in ["\n", "\r\n", "\n\n"] {
                let text = format!("{a}{sep}{b}{sep}{c}");
                let stopped = stops(&text);
                for line in text.lines() {
                    if !is_plain(line) {
                        assert!(
                            stopped.contains(&line),
                            "should stop at {line:?} in {text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn anything_a_stage_might_repair_is_not_plain() {
        for t in [
            "cafÃ©",
            "Ã perturber",
            "â€œquoteâ€",
            "РїСЂРёРІРµС‚",
            "рТЙЧЕФ",
            "Ñîîáùåíèå",
            "Thйвtre",
            "mГ©dicament",
            "pi√π",
            "Fish &amp; Chips",
            "offline mode вњ“, sync вњ“",
            "tur\u{92}stico",
            "ÄŒeÅ¡tina",
            "ΚΑΛΗΜΕΡΑ",
            // What the ASCII words of a line are checked for.
            "L’iPhone coûte cher",
            "Fish & chips à emporter",
            // Within eight ASCII bytes and across their edge.
            "abcdefgHij café",
            "abcdefghIjk café",
            "Ordinary words & then: élan",
        ] {
            assert!(!is_plain(t), "should not clear {t:?}");
        }
    }
}
