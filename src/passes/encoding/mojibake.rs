//! Repair of UTF-8 mojibake in one segment (a line, or a stretch of a long
//! line), layer by layer.
//!
//! One step, while the segment looks bad (see [`super::badness`]):
//! 1. If the whole segment encodes in one of the codecs ftfy covers, and the
//!    bytes (after putting back lost no-break spaces and marking lost bytes) read
//!    as UTF-8, that is the repair.
//! 2. Otherwise a rarer codec (`rare_codec`: KOI8-R, IBM866, x-mac-cyrillic,
//!    IBM850, windows-1255/1256/874, ISO-8859-15), if its bytes are UTF-8 with
//!    several multi-byte sequences (or one, in a segment with something words
//!    never have: `youΓÇÖve`) and the result is plausible text.
//! 3. Otherwise the mojibake is mixed with text that is fine: find each stretch
//!    that looks like a UTF-8 sequence read through a Latin-like codec, and repair
//!    each stretch on its own if it looks bad.
//! 4. Otherwise two layers where the outer one is partial (`partial_layer`):
//!    the bytes are UTF-8 sequences with stray bytes between them, and reading
//!    the stray bytes with a codec gives mojibake that undoes in full.
//! 5. Otherwise C1 controls: windows-1252 read as latin-1, or MacRoman letters
//!    between letters (`c1_controls`).
//!
//! A segment that does not look bad gets a step only with other evidence: a
//! stretch left over beside ones already repaired that reads as the script of
//! the rest of the segment (`inconsistent` in context), a rare codec as in 2, or
//! a repair with evidence on both sides (`bold`). Lines whose non-ASCII words
//! already read as words (`reads_as_words`) get none of these.
//!
//! Steps repeat (text mangled twice is repaired twice) until nothing changes.

use super::badness::{chars_of, is_bad, is_bad_chars};
use super::bigrams::{is_letter, Tally};
use super::codecs::Codec;
use super::explain::Layer;
use super::rare_parts::rare_codec_in_part;
use super::signs::{
    block_counts, lone_script, lone_sequence, lone_sequence_possible, mixed_blocks, private_use,
};
use super::tables::{
    CONTINUATION, CONTINUATION_STRICT, FIRST_OF_2, FIRST_OF_3, FIRST_OF_4, FTFY_CODECS,
};
use super::utf8;

/// How many layers one segment may be unwrapped (a guard, not a limit met in practice).
const MAX_LAYERS: usize = 8;

/// Repairs `text`, returning the repaired text and the layers undone (empty when
/// the text is left as it is).
pub fn repair(text: &str) -> (String, Vec<Layer>) {
    let mut cur = text.to_string();
    let mut layers = Vec::new();
    for _ in 0..MAX_LAYERS {
        match step(&cur, !layers.is_empty()) {
            Some((next, layer)) if next != cur => {
                cur = next;
                layers.push(layer);
            }
            _ => break,
        }
    }
    (cur, layers)
}

/// One layer. `repaired` says an earlier layer of this segment was already
/// undone, so the segment is known to be damaged.
fn step(text: &str, repaired: bool) -> Option<(String, Layer)> {
    if text.is_ascii() {
        return None;
    }
    if !is_bad(text) {
        if repaired {
            if let Some((fixed, parts)) = inconsistent(text, true) {
                return Some((fixed, Layer::Mixed(parts)));
            }
        }
        // Text whose non-ASCII words already read as words needs no repair.
        if reads_as_words(text) {
            return None;
        }
        if let Some(found) = rare_codec(text, 0, true).or_else(|| bold(text)) {
            return Some(found);
        }
        // Part of the segment in one codec, beside clean text; not once a
        // layer of the whole segment is undone (which said it was one text).
        if repaired {
            return None;
        }
        return rare_codec_in_part(text).map(|(fixed, parts)| (fixed, Layer::Mixed(parts)));
    }
    let mut buf = Vec::with_capacity(text.len());
    let has_sub = text.contains('\u{1a}');
    // Every codec whose reading works is a candidate; the most plausible result
    // wins, and the earlier codec (the more common mix-up) on a tie.
    let mut best: Option<((usize, i32), String, Layer)> = None;
    // Codecs that agree on the segment's characters give the same bytes, and
    // the same bytes read the same way give the same result at the same cost,
    // which cannot beat the earlier codec's: each reading is worked out once.
    let mut tried: Vec<(Vec<u8>, bool, bool)> = Vec::new();
    for codec in (0..FTFY_CODECS).map(Codec) {
        let lossy_ok = codec.sloppy() && !has_sub;
        if !codec.encode_into(text, lossy_ok, &mut buf) {
            continue;
        }
        // In macintosh, an en dash is byte 0xD0: "– " would pass for a broken
        // two-byte sequence, so no-break spaces are not restored there.
        let a0_ok = codec != Codec::MACINTOSH;
        if tried
            .iter()
            .any(|(b, a, l)| *a == a0_ok && *l == lossy_ok && *b == buf)
        {
            continue;
        }
        tried.push((buf.clone(), a0_ok, lossy_ok));
        if let Some((fixed, a0, lossy)) = read_utf8(&buf, a0_ok, lossy_ok) {
            // latin-1 and windows-1252 agree outside 0x80..=0x9F; name the
            // common one unless C1 controls show it was latin-1.
            let codec = if codec == Codec::LATIN1 && !text.chars().any(is_c1) {
                Codec::WINDOWS_1252
            } else {
                codec
            };
            let rank = cost(&fixed);
            let better = match &best {
                Some((c, _, _)) => rank < *c,
                None => true,
            };
            // A private-use character comes out of latin-1 and windows-1252
            // mojibake of icon fonts (`ï„‡` is U+F107), but from any other
            // codec it is a chance reading: `ÔÇª` (`…` in IBM850) reads as
            // U+F0BB in MacRoman.
            let by_chance = || {
                codec != Codec::LATIN1
                    && codec != Codec::WINDOWS_1252
                    && private_use(&fixed)
                    && !private_use(text)
            };
            if better && !by_chance() {
                best = Some((rank, fixed, Layer::Utf8As { codec, a0, lossy }));
            }
        }
    }
    // A rarer codec's reading competes too (IBM850 beside IBM437 share most
    // box-drawing characters), at a small handicap.
    // (It cannot beat a reading that has nothing implausible in it.)
    let beatable = best.as_ref().map(|b| b.0 .0 > 0).unwrap_or(true);
    if let Some((fixed, layer)) = beatable
        .then(|| rare_codec(text, FTFY_CODECS, false))
        .flatten()
    {
        let (implausible, score) = cost(&fixed);
        let rank = (implausible + 1, score);
        if best.as_ref().map(|b| rank < b.0).unwrap_or(true) {
            return Some((fixed, layer));
        }
    }
    if let Some((_, fixed, layer)) = best {
        return Some((fixed, layer));
    }
    if let Some((fixed, parts)) = inconsistent(text, false).or_else(|| rare_codec_in_part(text)) {
        return Some((fixed, Layer::Mixed(parts)));
    }
    if let Some(found) = partial_layer(text) {
        return Some(found);
    }
    if text.chars().any(is_c1) {
        return c1_controls(text);
    }
    None
}

/// Two layers where the outer one is partial: a sequence was mangled once
/// (`–` became `â€“`), then only some of its characters went through UTF-8 again
/// before being read with a single-byte codec (`â€` as windows-1252 bytes,
/// `“` as UTF-8 bytes), so the segment's bytes are UTF-8 with stray bytes in
/// between (`E2 80` beside `E2 80 9C`).
///
/// Undoing the outer layer reads the valid UTF-8 sequences as UTF-8 and the
/// stray bytes with the inner codec. That reading is taken only when it is
/// itself mojibake that the inner codec undoes in full: every character comes
/// back as strict UTF-8, the result does not look bad and has nothing
/// implausible in it, and its non-ASCII characters are Latin letters,
/// punctuation or symbols (so that a stray byte never glues Latin mojibake
/// into a CJK or other character). The next step then undoes the inner layer.
fn partial_layer(text: &str) -> Option<(String, Layer)> {
    let mut outer_bytes = Vec::with_capacity(text.len());
    let mut inner_bytes = Vec::with_capacity(text.len());
    for outer in (0..FTFY_CODECS).map(Codec) {
        if !outer.encode_into(text, false, &mut outer_bytes) {
            continue;
        }
        // The bytes must hold both UTF-8 sequences and stray bytes, whatever
        // the inner codec; most segments stop here.
        let (mut multi, mut stray) = (false, false);
        for chunk in outer_bytes.utf8_chunks() {
            multi |= !chunk.valid().is_ascii();
            stray |= !chunk.invalid().is_empty();
        }
        if !(multi && stray) {
            continue;
        }
        for inner in (0..FTFY_CODECS).map(Codec) {
            let mut mid = String::with_capacity(text.len());
            for chunk in outer_bytes.utf8_chunks() {
                mid.push_str(chunk.valid());
                mid.extend(chunk.invalid().iter().map(|&b| inner.char(b)));
            }
            if mid == text {
                continue;
            }
            if !inner.encode_into(&mid, false, &mut inner_bytes) {
                continue;
            }
            let Ok(fixed) = std::str::from_utf8(&inner_bytes) else {
                continue;
            };
            let latin = fixed
                .chars()
                .filter(|c| !c.is_ascii())
                .all(|c| script_of(c).is_none() && plausible(c) && !is_c1(c));
            if latin && !is_bad(fixed) && implausibility(fixed) == 0 {
                return Some((
                    mid,
                    Layer::Utf8As {
                        codec: outer,
                        a0: false,
                        lossy: false,
                    },
                ));
            }
        }
    }
    None
}

/// C1 controls: windows-1252 read as latin-1, except that a C1 control between
/// two letters is a letter, from MacRoman (whose 0x80..=0x9F are accented
/// letters), when the letter pairs it makes are common in words: `tur\x92stico`
/// is `turístico`. Byte 0x92 is also windows-1252's apostrophe, so `don\x92t`
/// and `it\x92s` (an English contraction ending) count as MacRoman only when the
/// same line has another C1 control that is clearly a MacRoman letter, as does
/// an elision (`l\x92ennesima`, `qu\x92il`, see [`elision`]); so do
/// 0x96 and 0x97, windows-1252's dashes, which English glues between words
/// (`word\x97word` is `word—word`, but `s\x97lida` beside `econom\x92a` is
/// `sólida`).
fn c1_controls(text: &str) -> Option<(String, Layer)> {
    let chars = chars_of(text);
    let cp1252 = Codec::WINDOWS_1252;
    let mac = Codec::MACINTOSH;
    // For each C1 control: whether it may be a MacRoman letter, and whether it
    // could also be an apostrophe in a contraction.
    let mut mac_ok = vec![false; chars.len()];
    let mut strong = false;
    for (k, &c) in chars.iter().enumerate() {
        if !is_c1(c) {
            continue;
        }
        let m = mac.char(c as u8);
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(k + 1).copied();
        let fits = is_letter(m)
            && prev.is_some_and(|p| is_letter(p) && pair_score(p, m) >= 3)
            && next.is_some_and(|n| is_letter(n) && pair_score(m, n) >= 3);
        if fits {
            mac_ok[k] = true;
            // 0x96 and 0x97 are also windows-1252's en and em dash, which
            // English glues between two words (`licenses—enabling`). A lone
            // letter on one side (`s\x97lida`, `Respiraci\x97n`) is the edge
            // of a word, not a word, unless it is one of English's one-letter
            // words (`uses\x97a proxy`) or the rest of a contraction.
            let dash = matches!(c, '\u{96}' | '\u{97}') && !lone_letter(&chars, k);
            let apostrophe =
                c == '\u{92}' && (contraction(&chars[k + 1..]) || elision(&chars[..k], next));
            strong |= !(dash || apostrophe);
        }
    }
    let mut fixed = String::with_capacity(text.len());
    let (mut any_mac, mut any_1252) = (false, false);
    for (k, &c) in chars.iter().enumerate() {
        if !is_c1(c) {
            fixed.push(c);
        } else if strong && mac_ok[k] {
            fixed.push(mac.char(c as u8));
            any_mac = true;
        } else {
            fixed.push(cp1252.char(c as u8));
            any_1252 = true;
        }
    }
    if fixed == text {
        return None;
    }
    let legacy = Layer::Legacy {
        from: mac,
        read_as: Codec::LATIN1,
    };
    let layer = match (any_mac, any_1252) {
        (true, true) => Layer::Mixed(vec![vec![legacy], vec![Layer::C1Controls]]),
        (true, false) => legacy,
        _ => Layer::C1Controls,
    };
    Some((fixed, layer))
}

/// Whether `rest` starts with an English contraction ending (`s`, `t`, `d`,
/// `m`, `ll`, `re`, `ve`) followed by a non-letter.
fn contraction(rest: &[char]) -> bool {
    let word: String = rest
        .iter()
        .take_while(|&&c| is_letter(c))
        .collect::<String>()
        .to_lowercase();
    matches!(word.as_str(), "s" | "t" | "d" | "m" | "ll" | "re" | "ve")
}

/// Whether the C1 control at `chars[k]` has a lone letter on one side (a
/// letter between it and a space or punctuation other than a C1 control),
/// other than the English words `a` and `I`.
fn lone_letter(chars: &[char], k: usize) -> bool {
    let lone = |l: Option<&char>, beyond: Option<&char>| {
        l.is_some_and(|&l| is_letter(l) && !matches!(l, 'a' | 'A' | 'I'))
            && beyond.is_none_or(|&b| !is_letter(b) && !is_c1(b))
    };
    let before = k.checked_sub(1).and_then(|p| chars.get(p));
    let before_beyond = k.checked_sub(2).and_then(|p| chars.get(p));
    lone(before, before_beyond) || lone(chars.get(k + 1), chars.get(k + 2))
}

/// Whether `before` ends with a word that French and Italian shorten before a
/// vowel or `h` with an apostrophe (`l`, `d`, `qu`, `dell`, `all`, ...), and
/// `next` is such a vowel: `l\x92ennesima` is `l’ennesima`.
fn elision(before: &[char], next: Option<char>) -> bool {
    let vowel = next.is_some_and(|n| "aeiouhàâéèêîôùAEIOUHÀÉÈ".contains(n));
    let start = before
        .iter()
        .rposition(|&c| !is_letter(c))
        .map_or(0, |p| p + 1);
    let word: String = before[start..].iter().collect::<String>().to_lowercase();
    vowel
        && matches!(
            word.as_str(),
            "l" | "d"
                | "j"
                | "m"
                | "n"
                | "s"
                | "t"
                | "c"
                | "qu"
                | "un"
                | "all"
                | "dall"
                | "dell"
                | "nell"
                | "sull"
                | "coll"
                | "quell"
                | "bell"
                | "sant"
                | "lorsqu"
                | "puisqu"
                | "jusqu"
        )
}

fn pair_score(a: char, b: char) -> u8 {
    super::bigrams::pair(a, b).unwrap_or(0)
}

/// Whether `c` is a letter the bigram tables know.
fn known_letter(c: char) -> bool {
    is_letter(c) && super::bigrams::known(c)
}

/// Characters that sit next to letters in ordinary text (the hyphen and the
/// non-breaking hyphen too, which generated text uses in `real‑time`, and
/// the punctuation of Chinese and Japanese, `、` and `。`, and full-width forms).
fn word_punct(c: char) -> bool {
    matches!(
        c,
        '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
            | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}'
            | '’' | '‘'
            | '\u{2010}'
            | '\u{2011}'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '–'
            | '—'
            | '…'
            | '·'
            | '\u{a0}'
            | '™'
            | '®'
            | '©'
            | '°'
            | '′'
            | '″'
            | '¿'
            | '¡'
    )
}

/// Whether the segment has something real words do not have: letters of two
/// scripts side by side, or a symbol glued to a letter (`mГ©dicament`,
/// `pi√π`, `┬┐que`).
pub(super) fn anomalous(text: &str) -> bool {
    any_pair(text, |a, c| {
        !(a.is_ascii() && c.is_ascii()) && anomalous_pair(a, c)
    })
}

/// Whether some two neighbouring characters of `text` (`a`, then `c`) are as
/// `odd` asks.
pub(super) fn any_pair(text: &str, odd: impl Fn(char, char) -> bool) -> bool {
    let mut chars = text.chars();
    let Some(mut prev) = chars.next() else {
        return false;
    };
    chars.any(|c| odd(std::mem::replace(&mut prev, c), c))
}

/// Whether two characters side by side are something real words do not have
/// (see [`anomalous`]).
pub(super) fn anomalous_pair(a: char, b: char) -> bool {
    let cross = is_letter(a)
        && is_letter(b)
        && matches!((super::bigrams::Script::of(a), super::bigrams::Script::of(b)), (Some(x), Some(y)) if x != y);
    // Cheap tests first: `is_numeric` looks outside ASCII up in a table.
    let glued = |sym: char, letter: char| {
        !sym.is_ascii()
            && is_letter(letter)
            && !word_punct(sym)
            && !is_letter(sym)
            && !sym.is_whitespace()
            && !sym.is_numeric()
    };
    cross || glued(a, b) || glued(b, a)
}

/// Puts the repaired word of [`bold_in_word`] (its span `a..b` of `chars`,
/// its text and layer) into `out` after what is not yet copied, and gives the
/// index to go on from.
fn take_word(
    chars: &[char],
    (a, b, fixed, layer): (usize, usize, String, Layer),
    out: &mut String,
    copied: &mut usize,
    parts: &mut Vec<Vec<Layer>>,
) -> usize {
    out.extend(&chars[*copied..a]);
    out.push_str(&fixed);
    *copied = b;
    parts.push(vec![layer]);
    b
}

/// A letter outside ASCII.
pub(super) fn high_letter(c: char) -> bool {
    !c.is_ascii() && is_letter(c)
}

/// The word around `chars[i..j]`, a stretch of [`inconsistent`] that does not
/// look bad on its own, with the stretch repaired on the evidence [`bold`]
/// asks of a segment: the stretch is glued to letters and, unless the segment
/// is known to be damaged (`context`), the word is anomalous and the segment
/// has letters outside ASCII elsewhere (it has `high_letters` in all). Gives
/// the word's span and its repair.
fn bold_in_word(
    chars: &[char],
    i: usize,
    j: usize,
    context: bool,
    high_letters: usize,
) -> Option<(usize, usize, String, Layer)> {
    let mut a = i;
    while a > 0 && chars[a - 1].is_alphabetic() {
        a -= 1;
    }
    let mut b = j;
    while b < chars.len() && chars[b].is_alphabetic() {
        b += 1;
    }
    // Glued to letters, in a segment with letters outside ASCII elsewhere: a
    // segment of clean text beside mangled text. Without them (`Mccoy –
    // DrÃ¥ber`), the segment may be mojibake of another codec throughout,
    // which the whole-segment readings have already ruled out.
    let in_word = chars[a..b].iter().filter(|&&c| high_letter(c)).count();
    if (a == i && b == j) || !(context || high_letters > in_word) {
        return None;
    }
    let word: String = chars[a..b].iter().collect();
    // A sign between two letters of a word (`™` in `najwiÄ™ksze`) is as odd as
    // [`anomalous`] asks, though `™` after a word is not.
    let inside = a < i && b > j && chars[i..j].iter().any(|&c| !c.is_ascii() && !is_letter(c));
    if !context && !inside && !anomalous(&word) {
        return None;
    }
    let sub: String = chars[i..j].iter().collect();
    let before: String = chars[a..i].iter().collect();
    let after: String = chars[j..b].iter().collect();
    let mut buf = Vec::with_capacity(sub.len());
    for codec in (0..FTFY_CODECS).map(Codec) {
        if !codec.encode_into(&sub, false, &mut buf) {
            continue;
        }
        let Some((fixed, a0, _)) = read_utf8(&buf, codec != Codec::MACINTOSH, false) else {
            continue;
        };
        let whole = format!("{before}{fixed}{after}");
        if fixed == sub
            || fixed.chars().any(char::is_whitespace)
            || is_bad(&whole)
            || anomalous(&whole)
            || !brings_words(&whole, &word)
        {
            continue;
        }
        let layer = Layer::Utf8As {
            codec,
            a0,
            lossy: false,
        };
        return Some((a, b, whole, layer));
    }
    None
}

/// UTF-8 read through one of ftfy's codecs, in a segment the badness heuristic
/// passes: repaired only with evidence on both sides. The segment must be
/// anomalous ([`anomalous`]); what the repair brings in must be letters the
/// bigram tables know, in common letter pairs (or `¿`/`¡` opening a question or
/// exclamation the segment closes); and the result must not look bad.
fn bold(text: &str) -> Option<(String, Layer)> {
    if !anomalous(text) {
        return None;
    }
    let mut buf = Vec::with_capacity(text.len());
    for codec in (0..FTFY_CODECS).map(Codec) {
        if !codec.encode_into(text, false, &mut buf) {
            continue;
        }
        let Some((fixed, a0, _)) = read_utf8(&buf, codec != Codec::MACINTOSH, false) else {
            continue;
        };
        let spaces = |t: &str| t.chars().filter(|c| c.is_whitespace()).count();
        if fixed == text
            || spaces(&fixed) != spaces(text)
            || is_bad(&fixed)
            || anomalous(&fixed)
            || !brings_words(&fixed, text)
        {
            continue;
        }
        return Some((
            fixed,
            Layer::Utf8As {
                codec,
                a0,
                lossy: false,
            },
        ));
    }
    None
}

/// Whether the characters `fixed` has that `orig` lacks are known letters in
/// common pairs with their neighbours (at least one pair in all), or `¿`/`¡`
/// closed later by `?`/`!`.
fn brings_words(fixed: &str, orig: &str) -> bool {
    let chars = chars_of(fixed);
    let mut pairs = 0;
    for (k, &c) in chars.iter().enumerate() {
        if c.is_ascii() || orig.contains(c) {
            continue;
        }
        if c == '¿' || c == '¡' {
            let close = if c == '¿' { '?' } else { '!' };
            if chars[k + 1..].contains(&close) && chars.get(k + 1).is_some_and(|&n| is_letter(n)) {
                pairs += 1;
                continue;
            }
            return false;
        }
        if !known_letter(c) {
            return false;
        }
        for n in [
            k.checked_sub(1).map(|p| chars[p]),
            chars.get(k + 1).copied(),
        ]
        .into_iter()
        .flatten()
        {
            if is_letter(n) {
                let s = if chars.get(k + 1) == Some(&n) {
                    pair_score(c, n)
                } else {
                    pair_score(n, c)
                };
                if s < 1 {
                    return false;
                }
                pairs += 1;
            }
        }
    }
    pairs > 0
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Reads `bytes` as UTF-8 after the byte-level repairs; returns the text and
/// whether a no-break space was restored or a lost byte marked.
fn read_utf8(bytes: &[u8], a0_ok: bool, lossy_ok: bool) -> Option<(String, bool, bool)> {
    let mut cur = std::borrow::Cow::Borrowed(bytes);
    let mut a0 = false;
    let mut lossy = false;
    let a_grave = cur.windows(2).any(|w| w[0] == 0xc3 && w[1] == b' ');
    if a0_ok && (a_grave || utf8::has_altered_space(&cur)) {
        let r = utf8::restore_a0(&cur);
        if r != *cur {
            a0 = true;
            cur = std::borrow::Cow::Owned(r);
        }
    }
    if lossy_ok && utf8::has_lossy(&cur) {
        lossy = true;
        cur = std::borrow::Cow::Owned(utf8::replace_lossy(&cur));
    }
    utf8::decode(&cur).map(|s| (s, a0, lossy))
}

/// A sorted set of characters from [`super::tables`], with a bitmap of those
/// below `SET_END` built on first use, so that a lookup costs one load.
struct CharSet {
    list: &'static [u16],
    bits: std::sync::OnceLock<Vec<u64>>,
}

const SET_END: usize = 0x2600;

impl CharSet {
    const fn new(list: &'static [u16]) -> Self {
        Self {
            list,
            bits: std::sync::OnceLock::new(),
        }
    }

    fn contains(&self, c: char) -> bool {
        let u = c as usize;
        if u >= SET_END {
            return u <= 0xffff && self.list.binary_search(&(u as u16)).is_ok();
        }
        let bits = self.bits.get_or_init(|| {
            let mut b = vec![0u64; SET_END / 64];
            for &x in self.list.iter().filter(|&&x| (x as usize) < SET_END) {
                b[x as usize / 64] |= 1 << (x % 64);
            }
            b
        });
        bits[u / 64] >> (u % 64) & 1 == 1
    }
}

static FIRST_OF_2_SET: CharSet = CharSet::new(FIRST_OF_2);
static FIRST_OF_3_SET: CharSet = CharSet::new(FIRST_OF_3);
static FIRST_OF_4_SET: CharSet = CharSet::new(FIRST_OF_4);
static CONTINUATION_SET: CharSet = CharSet::new(CONTINUATION);
static CONTINUATION_STRICT_SET: CharSet = CharSet::new(CONTINUATION_STRICT);

fn is_cont(c: char) -> bool {
    c == ' ' || CONTINUATION_SET.contains(c)
}

/// Finds stretches that look like UTF-8 read through a Latin-like codec and
/// repairs each one that looks bad on its own.
///
/// With `context` (the segment is known to be damaged and the bad stretches are
/// already repaired), a stretch that does not look bad on its own is repaired
/// too if it reads as letters or digits of a script the rest of the segment is
/// written in: the `Ù Ù Ù¡` left beside repaired Arabic is `٠٠١`.
fn inconsistent(text: &str, context: bool) -> Option<(String, Vec<Vec<Layer>>)> {
    // No stretch without a character that starts a sequence; most segments
    // left after a repair have none.
    let lead = |c: char| {
        FIRST_OF_2_SET.contains(c) || FIRST_OF_3_SET.contains(c) || FIRST_OF_4_SET.contains(c)
    };
    if !text.chars().any(|c| !c.is_ascii() && lead(c)) {
        return None;
    }
    let chars = chars_of(text);
    // Letters and digits of each script in the whole segment, for `context`.
    let mut total = [0usize; 8];
    if context {
        for s in chars.iter().filter_map(|&c| script_of(c)) {
            total[s as usize] += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut parts = Vec::new();
    let mut i = 0;
    let mut copied = 0;
    // What the checks on each stretch need of the whole segment, worked out
    // once: scripts without tables, and letters outside ASCII.
    let blocks = block_counts(&chars);
    let high_letters = chars.iter().filter(|&&c| high_letter(c)).count();
    // The end of the last stretch tried again from its second sequence.
    let mut retried_to = 0;
    while i < chars.len() {
        // ASCII neither starts a sequence nor continues one (see the test
        // `sequence_tables_are_outside_ascii`).
        if chars[i].is_ascii() {
            i += 1;
            continue;
        }
        if i > 0 && CONTINUATION_STRICT_SET.contains(chars[i - 1]) {
            i += 1;
            continue;
        }
        let mut j = i;
        // Where the stretch's first sequence ends.
        let mut first_end = None;
        loop {
            let c = |k: usize| chars.get(j + k).copied();
            let cont = |k: usize| c(k).is_some_and(is_cont);
            let Some(lead) = c(0) else { break };
            if FIRST_OF_2_SET.contains(lead) && cont(1) {
                j += 2;
            } else if FIRST_OF_3_SET.contains(lead) && cont(1) && cont(2) {
                j += 3;
            } else if FIRST_OF_4_SET.contains(lead) && cont(1) && cont(2) && cont(3) {
                j += 4;
            } else {
                break;
            }
            first_end.get_or_insert(j);
        }
        let Some(first_end) = first_end else {
            i += 1;
            continue;
        };
        let span = &chars[i..j];
        let bad = is_bad_chars(span);
        if span.len() < chars.len() && !context && !bad {
            // Not bad on its own, but glued into a word that it makes whole
            // (`najwiÄ™ksze`: `ę` read as windows-1252, beside clean Polish).
            if let Some(word) = bold_in_word(&chars, i, j, false, high_letters) {
                i = take_word(&chars, word, &mut out, &mut copied, &mut parts);
                continue;
            }
        }
        if span.len() < chars.len() && (context || bad) {
            let sub: String = span.iter().collect();
            let (fixed, layers) = if context {
                let mut outside = total;
                for s in span.iter().filter_map(|&c| script_of(c)) {
                    outside[s as usize] -= 1;
                }
                let found = repair_in_context(&sub, &outside);
                // Latin letters have no script count: a stretch glued into a
                // word that it makes whole (`ÄŒeskÃ©`, once `Ã©` is `é`).
                if found.1.is_empty() {
                    if let Some(word) = bold_in_word(&chars, i, j, true, high_letters) {
                        i = take_word(&chars, word, &mut out, &mut copied, &mut parts);
                        continue;
                    }
                }
                found
            } else {
                repair(&sub)
            };
            // A stretch of two or three characters can spell a sequence by
            // chance (`Çª` in `ÔÇª`, which is `…` in IBM850; `á®¢` in IBM866
            // Russian read as windows-1252, which spells a Sundanese letter):
            // what it gives must be plausible, letters the tables know, and
            // for one sequence not the only letter of a script without a
            // table (`६`, a Devanagari digit, from `à¥¬` in Russian read
            // through IBM866 and windows-1251), nor two such scripts.
            let unknown = || {
                fixed.chars().any(|c| {
                    (is_letter(c) && super::bigrams::Script::of(c).is_some() && !known_letter(c))
                        || (!c.is_ascii() && !plausible(c))
                        || (!context && j - i <= 4 && lone_script(c, &blocks))
                }) || mixed_blocks(&fixed)
            };
            if !layers.is_empty() && fixed != sub && !unknown() {
                out.extend(&chars[copied..i]);
                out.push_str(&fixed);
                copied = j;
                parts.push(layers);
            } else if first_end < j && retried_to < j {
                // A stretch can start with characters that only look like a
                // sequence (`ві` before `Ð¿Ñ€Ð°` in `нові Ð¿Ñ€Ð°Ð²Ð¸Ð»Ð°`):
                // try again from its second sequence, once (a long stretch
                // tried from each of its sequences would cost its square).
                retried_to = j;
                i = first_end;
                continue;
            }
        }
        i = j;
    }
    if parts.is_empty() {
        return None;
    }
    out.extend(&chars[copied..]);
    Some((out, parts))
}

/// Repairs a stretch that does not look bad, if some codec reads it as letters
/// or digits of a script found elsewhere in the segment.
fn repair_in_context(sub: &str, outside: &[usize; 8]) -> (String, Vec<Layer>) {
    // A stretch that reads as letters of its own script in common pairs
    // (`ΟΎ` in Greek) is text, not mojibake.
    let mut as_is = Tally::default();
    as_is.add(sub, false);
    if as_is.pairs > 0 && as_is.unseen == 0 {
        return (sub.to_string(), Vec::new());
    }
    let mut buf = Vec::new();
    for codec in (0..FTFY_CODECS).map(Codec) {
        if !codec.encode_into(sub, false, &mut buf) {
            continue;
        }
        let Some((fixed, a0, _)) = read_utf8(&buf, codec != Codec::MACINTOSH, false) else {
            continue;
        };
        let new: Vec<char> = fixed
            .chars()
            .filter(|c| !c.is_ascii() && !c.is_whitespace())
            .collect();
        // Letters of a script with a bigram table must be letters the table knows.
        let common =
            |c: char| !is_letter(c) || super::bigrams::Script::of(c).is_none() || known_letter(c);
        let fits = !new.is_empty()
            && new.iter().all(|&c| {
                (is_letter(c) || c.is_numeric())
                    && common(c)
                    && script_of(c).is_some_and(|s| outside[s as usize] > 0)
            });
        if fits {
            return (
                fixed,
                vec![Layer::Utf8As {
                    codec,
                    a0,
                    lossy: false,
                }],
            );
        }
    }
    (sub.to_string(), Vec::new())
}

/// A rough script id for a letter or digit outside Latin (None for Latin,
/// punctuation and symbols).
fn script_of(c: char) -> Option<u8> {
    if c.is_ascii() || !(is_letter(c) || c.is_numeric()) {
        return None;
    }
    block_of(c)
}

/// The script block of `c`, assigned or not (see [`script_of`]): 1 Greek,
/// 2 Cyrillic, 3 Hebrew, 4 Arabic, 5 Thai, 6 Indic, 7 CJK, kana and Hangul.
pub(super) fn block_of(c: char) -> Option<u8> {
    Some(match c as u32 {
        0x370..=0x3ff | 0x1f00..=0x1fff => 1,
        0x400..=0x52f => 2,
        0x590..=0x5ff => 3,
        0x600..=0x6ff | 0x750..=0x77f => 4,
        0xe00..=0xe7f => 5,
        0x900..=0xdff => 6,
        0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7a3 => 7,
        _ => return None,
    })
}

/// Whether the words with non-ASCII letters in `text` already look like words
/// of their script (enough letter pairs, nearly all of them common).
pub(crate) fn reads_as_words(text: &str) -> bool {
    let mut t = Tally::default();
    for word in text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_ascii())
    {
        t.add(word, true);
    }
    t.pairs >= 6 && t.unseen_share() <= 0.05 && t.mean() >= 7.0
}

/// How implausible a text is: characters outside the common scripts and
/// symbols, letters the bigram tables do not know (in scripts they cover),
/// symbols glued to letters, and never-seen letter pairs.
pub(super) fn implausibility(text: &str) -> usize {
    implausibility_and_pairs(text).0
}

/// What a reading of a segment costs, lowest best: its [`implausibility`],
/// then ten times the mean letter-pair score of its non-ASCII words, negated.
/// Both come from one look at the words.
fn cost(text: &str) -> (usize, i32) {
    let (implausible, pairs) = implausibility_and_pairs(text);
    (implausible, -((pairs.mean() * 10.0) as i32))
}

/// [`implausibility`], with the letter-pair tally of the non-ASCII words that
/// goes into it.
fn implausibility_and_pairs(text: &str) -> (usize, Tally) {
    let mut cost = 0;
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let before = prev.replace(c);
        if c.is_ascii() {
            continue;
        }
        if !plausible(c) || is_c1(c) {
            cost += 10;
        } else if is_letter(c) {
            if super::bigrams::Script::of(c).is_some() && !known_letter(c) {
                cost += 5;
            }
        } else if !c.is_whitespace() && !word_punct(c) {
            // A symbol glued to a letter.
            if before.is_some_and(is_letter) || next.is_some_and(is_letter) {
                cost += 2;
            }
        }
    }
    let mut t = Tally::default();
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_ascii())
    {
        t.add(word, true);
        // A word with letters of two scripts (`macrรณsporo`, `–ó–∞–º`), other
        // than Latin beside Chinese, Japanese or Korean, which write no
        // spaces between words (`からkindleの`).
        let scripts = word
            .chars()
            .filter(|&c| is_letter(c))
            .fold(0u16, |seen, c| seen | 1 << script_of(c).unwrap_or(0));
        if scripts.count_ones() > 1 && scripts != (1 | 1 << 7) {
            cost += 3;
        }
    }
    (cost + t.unseen as usize, t)
}

/// UTF-8 read through a codec the badness heuristic does not know (or, in a
/// segment the heuristic passes, any codec): needs the bytes to be UTF-8 with
/// at least two multi-byte sequences (or one, see [`lone_sequence`]), every one of them
/// a plausible character, in one script, in words the bigram tables find
/// plausible. Starts at codec number `first`. When `strict` (the segment does
/// not look bad), the result must also be clearly more plausible than the
/// segment as it stands ([`implausibility`]), with nothing unknown in it.
pub(super) fn rare_codec(text: &str, first: usize, strict: bool) -> Option<(String, Layer)> {
    // Two sequences take four characters at least; one takes two, and a
    // segment with something words never have (see [`lone_sequence`]).
    let high = text.chars().filter(|c| !c.is_ascii()).take(4).count();
    if high < 2 || (high < 4 && !lone_sequence_possible(text)) {
        return None;
    }
    let mut buf = Vec::with_capacity(text.len());
    let mut best: Option<((usize, i32), String, Codec)> = None;
    for codec in (first..super::tables::CODECS.len()).map(Codec) {
        if !codec.encode_into(text, false, &mut buf) {
            continue;
        }
        let Ok(s) = std::str::from_utf8(&buf) else {
            continue;
        };
        let multi: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
        let enough = match multi.len() {
            0 => false,
            1 => lone_sequence(text, s),
            _ => true,
        };
        if !enough || !multi.iter().all(|&c| plausible(c)) || !one_script(&multi) {
            continue;
        }
        if is_bad(s) || !wordlike(s) {
            continue;
        }
        if strict {
            let after = implausibility(s);
            if after > 1 || after >= implausibility(text) {
                continue;
            }
        }
        // Codecs that differ in a few letters can both read the segment
        // (`niĂąo` is `niño` in ISO-8859-2 and `niùo` in windows-1250): the
        // most plausible reading wins, the earlier codec on a tie.
        let rank = cost(s);
        if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
            best = Some((rank, s.to_string(), codec));
        }
    }
    best.map(|(_, fixed, codec)| {
        (
            fixed,
            Layer::Utf8As {
                codec,
                a0: false,
                lossy: false,
            },
        )
    })
}

/// Whether the letters that came out of multi-byte sequences sit in words the
/// bigram tables find plausible (for scripts that have a table).
fn wordlike(s: &str) -> bool {
    let mut t = Tally::default();
    for word in s.split(|c: char| !is_letter(c)).filter(|w| !w.is_ascii()) {
        t.add(word, true);
    }
    t.pairs == 0 || (t.unseen_share() <= 0.2 && t.mean() >= 5.0)
}

/// Characters ordinary text is made of: Latin, Greek, Cyrillic, Hebrew, Arabic,
/// Indic, Thai, CJK, Hangul, kana, common punctuation and symbols (the narrow
/// no-break space of French typography among them), emoji with the joiners
/// and variation selectors that build them (`🏳️‍🌈`). Not the
/// mathematical operators and brackets of U+27C0 to U+2AFF, which only
/// formulas use and which `вЂ™` gives in x-mac-cyrillic (`⫪`, where
/// windows-1251 gives `’`).
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0xa0..=0x24f | 0x370..=0x3ff | 0x400..=0x52f | 0x5d0..=0x5ea | 0x600..=0x6ff
        | 0x900..=0xdff | 0xe00..=0xe7f | 0x1e00..=0x1fff | 0x2010..=0x2027 | 0x202f..=0x205e
        | 0x20a0..=0x20bf | 0x2100..=0x27bf | 0x27f0..=0x27ff | 0x2900..=0x297f
        | 0x2b00..=0x2bff | 0x3000..=0x30ff | 0x3400..=0x9fff | 0x200c..=0x200d | 0xfe00..=0xfe0f
        | 0xac00..=0xd7a3 | 0xff01..=0xff60 | 0x1f300..=0x1faff)
}

/// Whether the letters among `chars` come from at most one non-Latin script
/// (mojibake decoded wrongly tends to hop between scripts).
fn one_script(chars: &[char]) -> bool {
    let mut seen: Option<u32> = None;
    for &c in chars.iter().filter(|&&c| is_letter(c)) {
        let block = match c as u32 {
            0..=0x24f | 0x1e00..=0x1eff => continue,
            0x370..=0x3ff | 0x1f00..=0x1fff => 1,
            0x400..=0x52f => 2,
            0x590..=0x5ff => 3,
            0x600..=0x6ff => 4,
            0xe00..=0xe7f => 5,
            0x900..=0xdff => 6,
            _ => 7,
        };
        match seen {
            None => seen = Some(block),
            Some(b) if b == block => {}
            Some(_) => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        repair(s).0
    }

    #[test]
    fn sequence_tables_are_outside_ascii() {
        for table in [FIRST_OF_2, FIRST_OF_3, FIRST_OF_4, CONTINUATION_STRICT] {
            assert!(
                table.iter().all(|&c| c >= 0x80),
                "should hold no ASCII character, which `inconsistent` skips"
            );
        }
    }

    #[test]
    fn repairs_one_layer() {
        assert_eq!(
            fixed("cafÃ© au lait"),
            "café au lait",
            "should undo UTF-8 read as windows-1252"
        );
    }

    #[test]
    fn repairs_two_layers() {
        assert_eq!(fixed("doesnÃ¢â‚¬â„¢t"), "doesn’t", "should undo two layers");
    }

    #[test]
    fn repairs_mixed_segments() {
        assert_eq!(
            fixed("Classificação e DivisÃ£o"),
            "Classificação e Divisão",
            "should repair only the mangled word"
        );
    }

    #[test]
    fn leaves_clean_text() {
        for t in [
            "SÃO PAULO",
            "Ελληνικά",
            "Русский язык",
            "naïve café",
            "2×3 ≠ 5 €",
        ] {
            assert_eq!(fixed(t), t, "should leave {t:?} alone");
        }
    }

    #[test]
    fn repairs_utf8_read_as_koi8r() {
        let original = "Привет, как дела";
        let mangled = Codec::by_name("KOI8-R")
            .unwrap()
            .decode(original.as_bytes());
        assert_eq!(
            fixed(&mangled),
            original,
            "should undo UTF-8 read as KOI8-R"
        );
    }

    #[test]
    fn repairs_a_non_breaking_hyphen_read_through_a_rare_codec() {
        // Generated text joins words with U+2011 (`real‑time`); read as IBM866
        // it becomes three Cyrillic letters glued between Latin ones.
        for (codec, original) in [
            ("IBM866", "A real\u{2011}time feed"),
            ("IBM437", "cost\u{2011}cutting measures"),
            ("KOI8-R", "a well\u{2011}known answer"),
        ] {
            let mangled = Codec::by_name(codec).unwrap().decode(original.as_bytes());
            assert_eq!(
                fixed(&mangled),
                original,
                "should undo UTF-8 read as {codec} in {mangled:?}"
            );
        }
    }

    #[test]
    fn repairs_japanese_with_its_punctuation_read_through_a_rare_codec() {
        // `、` and `。` sit against the letters before them, as punctuation
        // does, not as symbols glued to letters.
        let original = "今日は、駅まで歩いて行きました。";
        for codec in ["IBM866", "x-mac-cyrillic"] {
            let mangled = Codec::by_name(codec).unwrap().decode(original.as_bytes());
            assert_eq!(
                fixed(&mangled),
                original,
                "should undo UTF-8 read as {codec} in {mangled:?}"
            );
        }
    }
}
