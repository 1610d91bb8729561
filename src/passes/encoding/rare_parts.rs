//! UTF-8 read through a codec in part of a segment only, beside clean text
//! that codec cannot spell: `you’re … wonΓÇÖt` (an IBM437 half after a clean
//! half with a curly apostrophe), `Mesterséges … gГ©pi tanulГЎs` (a
//! windows-1251 half after clean Hungarian). The reading of the whole segment
//! fails there, because the clean half does not encode or does not read as
//! UTF-8; and the stretch finder of the mojibake stage looks for the
//! characters of the common codecs only.
//!
//! So the segment's words are taken one at a time: each word with characters
//! outside ASCII is tried against every codec, and neighbouring words that
//! one codec reads make a run, which must then pass all the tests a whole
//! segment passes in [`super::mojibake`] (a plausible reading, in one script,
//! in words the letter-pair tables find plausible, clearly more plausible
//! than the run as it stands; one sequence alone only with the evidence of
//! [`super::signs`]). A run that only gives letters of two bytes (`Ã¥` is
//! `å`) needs letters outside ASCII elsewhere in the segment, clean text it
//! sits beside: without them (`Mccoy – DrÃ¥ber`, one of ftfy's negatives)
//! the segment may as well be inconsistent mojibake throughout, which is
//! safest left as it is.

use super::codecs::Codec;
use super::explain::Layer;
use super::mojibake::{high_letter, rare_codec};
use super::tables::CODECS;

/// Repairs the runs of words in `text` that one codec reads as UTF-8 (see the
/// module's documentation): the repaired text and the layers of each run, or
/// `None` if no run is repaired. Runs that cover every word outside ASCII are
/// left out: the whole segment's reading has been tried already.
pub(super) fn rare_codec_in_part(text: &str) -> Option<(String, Vec<Vec<Layer>>)> {
    let words = words_outside_ascii(text);
    if words.len() < 2 {
        return None;
    }
    let mut buf = Vec::new();
    // For each word, the codecs that read it as UTF-8 other than itself.
    let readers: Vec<u32> = words
        .iter()
        .map(|&(a, b)| readers_of(&text[a..b], &mut buf))
        .collect();
    // Where the first and the last letter outside ASCII are, found once: a
    // run has letters beside it if either lies outside it.
    let high = |(i, c): (usize, char)| high_letter(c).then_some(i);
    let letters = text
        .char_indices()
        .find_map(high)
        .zip(text.char_indices().rev().find_map(high));
    let mut out = String::with_capacity(text.len());
    let mut parts = Vec::new();
    let mut copied = 0;
    let mut k = 0;
    while k < words.len() {
        if readers[k] == 0 {
            k += 1;
            continue;
        }
        // The longest run from word `k` that some codec reads throughout.
        let mut shared = readers[k];
        let mut end = k + 1;
        while end < words.len() && shared & readers[end] != 0 {
            shared &= readers[end];
            end += 1;
        }
        if !(k == 0 && end == words.len()) {
            let (a, b) = (words[k].0, words[end - 1].1);
            let letters_beside = letters.is_some_and(|(first, last)| first < a || last >= b);
            let found = rare_codec(&text[a..b], 0, true)
                .filter(|(fixed, _)| letters_beside || fixed.chars().any(|c| c as u32 >= 0x800));
            if let Some((fixed, layer)) = found {
                out.push_str(&text[copied..a]);
                out.push_str(&fixed);
                copied = b;
                parts.push(vec![layer]);
            }
        }
        k = end;
    }
    if parts.is_empty() {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, parts))
}

/// The byte spans of the words of `text` (split at whitespace) that hold a
/// character outside ASCII.
fn words_outside_ascii(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                if !text[s..i].is_ascii() {
                    words.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// The codecs (as bits, by number) through which `word` spells UTF-8 that is
/// not `word` itself.
fn readers_of(word: &str, buf: &mut Vec<u8>) -> u32 {
    let mut mask = 0;
    for (n, codec) in (0..CODECS.len().min(32)).map(|n| (n, Codec(n))) {
        if codec.encode_into(word, false, buf)
            && std::str::from_utf8(buf).is_ok_and(|s| s != word && !s.is_ascii())
        {
            mask |= 1 << n;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> Option<String> {
        rare_codec_in_part(text).map(|(t, _)| t)
    }

    #[test]
    fn repairs_a_rare_codec_half_beside_a_clean_half() {
        let original = "If you’re new here, it won’t take long.";
        let clean = "If you’re new here,";
        let half = Codec::by_name("IBM437")
            .unwrap()
            .decode(" it won’t take long.".as_bytes());
        assert_eq!(
            fixed(&format!("{clean}{half}")).as_deref(),
            Some(original),
            "should repair the IBM437 half"
        );
    }

    #[test]
    fn leaves_clean_text_alone() {
        for text in [
            "Déjà vu: the café’s crème brûlée",
            "Город и село, “кавычки” и — тире",
            "Ζωή και θάνατος · ελληνικά",
            "Straße und Brücke, naïve résumé",
            "Bremer/Mccoy – DrÃ¥ber",
        ] {
            assert_eq!(fixed(text), None, "should leave {text:?} alone");
        }
    }
}
