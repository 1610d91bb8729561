//! Reading bytes whose encoding is not known.
//!
//! In order:
//! 1. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
//! 2. UTF-16 without a byte-order mark is recognised by its zero bytes (text with
//!    much ASCII or Cyrillic in it has a zero or a small byte in every other
//!    byte, on one side only); text in UTF-8 has no zero bytes at all.
//! 3. Valid UTF-8 is taken as it is.
//! 4. Bytes that are mostly UTF-8 with a few stray bytes keep every valid UTF-8
//!    stretch and read each stray byte as windows-1252 (scraped pages mix the two;
//!    the `encoding` pass can then repair what is left).
//! 5. Otherwise the bytes are in a legacy single-byte encoding. Each candidate
//!    (windows-1252, windows-1251, KOI8-R, IBM866, ISO-8859-7) reads the bytes,
//!    and letter-bigram tables (see [`crate::passes::encoding::bigrams`]) judge
//!    which reading looks most like words. windows-1252, what browsers assume,
//!    wins unless another reading is clearly better.
//!
//! Natively the codecs are `encoding_rs`'s. In the wasm build they are the
//! `encoding` pass's generated tables instead (the same mappings; a native test
//! checks them against `encoding_rs` byte for byte), because `encoding_rs`
//! decodes through one dispatch over every codec it has, which would put all of
//! them, CJK tables included, into the npm package (about 130 KB gzipped).
//!
//! No byte is lost: every single-byte candidate maps every byte (an undefined
//! byte reads as the code point of its number), and what cannot be decoded at all
//! (an unpaired UTF-16 surrogate, an odd last byte) becomes U+FFFD and is counted
//! in [`Decoding::replaced`].

use crate::edit::Decoding;
use crate::passes::encoding::bigrams::Tally;
use crate::passes::encoding::codecs::Codec;

/// An encoding the decoder can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf16Le,
    Utf16Be,
    /// A single-byte codec, by its WHATWG name.
    Single(&'static str),
}

impl Enc {
    fn name(self) -> &'static str {
        match self {
            Enc::Utf16Le => "UTF-16LE",
            Enc::Utf16Be => "UTF-16BE",
            Enc::Single(name) => name,
        }
    }
}

/// Decodes `bytes`, reporting how.
pub fn decode(bytes: &[u8]) -> (String, Decoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, invalid) = utf8_lossless(rest);
        return (text, decoding("UTF-8", 1.0, true, 0, invalid));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, replaced) = utf16(Enc::Utf16Le, rest);
        return (text, decoding("UTF-16LE", 1.0, true, replaced, 0));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, replaced) = utf16(Enc::Utf16Be, rest);
        return (text, decoding("UTF-16BE", 1.0, true, replaced, 0));
    }
    if let Some((enc, confidence)) = utf16_without_bom(bytes) {
        let (text, replaced) = utf16(enc, bytes);
        return (text, decoding(enc.name(), confidence, false, replaced, 0));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        let confidence = if s.is_ascii() { 0.99 } else { 1.0 };
        return (s.to_string(), decoding("UTF-8", confidence, false, 0, 0));
    }
    let (multi, invalid) = utf8_census(bytes);
    if multi > 0 && multi >= invalid {
        let (text, invalid) = utf8_lossless(bytes);
        let share = invalid as f32 / bytes.len().max(1) as f32;
        let confidence = (1.0 - share * 4.0).clamp(0.0, 1.0);
        return (text, decoding("UTF-8", confidence, false, 0, invalid));
    }
    let (enc, confidence) = guess_single_byte(bytes);
    (
        single_byte(enc, bytes),
        decoding(enc.name(), confidence, false, 0, 0),
    )
}

fn decoding(
    encoding: &str,
    confidence: f32,
    bom: bool,
    replaced: usize,
    invalid: usize,
) -> Decoding {
    Decoding {
        encoding: encoding.into(),
        confidence,
        bom,
        replaced,
        invalid,
    }
}

/// UTF-8 with each invalid byte read as windows-1252 (undefined bytes as C1
/// controls): the text and how many bytes were invalid.
fn utf8_lossless(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut invalid = 0;
    let cp1252 = Codec::WINDOWS_1252;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            invalid += 1;
            out.push(cp1252.char(b));
        }
    }
    (out, invalid)
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let mut multi = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (multi, invalid)
}

/// Decodes UTF-16 (no BOM handling): the text and how many code units or bytes
/// became U+FFFD.
fn utf16(enc: Enc, bytes: &[u8]) -> (String, usize) {
    let le = enc == Enc::Utf16Le;
    let units = || {
        bytes.chunks_exact(2).map(move |p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
    };
    let unpaired = char::decode_utf16(units()).filter(|r| r.is_err()).count();
    let replaced = unpaired + bytes.len() % 2;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let codec = if le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = codec.decode_without_bom_handling(bytes);
        (text.into_owned(), replaced)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let mut text: String = char::decode_utf16(units())
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect();
        if bytes.len() % 2 == 1 {
            text.push('\u{fffd}');
        }
        (text, replaced)
    }
}

/// UTF-16 without a BOM: in text of one alphabetic script, the high bytes of
/// the code units are nearly all the same small number (0x00 for Latin, 0x04 for
/// Cyrillic, 0x03 for Greek, ...), so one side of the byte pairs is dominated by
/// a byte below 0x20, which no text in a byte-oriented encoding is.
fn utf16_without_bom(bytes: &[u8]) -> Option<(Enc, f32)> {
    if bytes.len() < 4 {
        return None;
    }
    let pairs = (bytes.len() / 2) as f32;
    let mut even = [0u32; 32];
    let mut odd = [0u32; 32];
    for p in bytes.chunks_exact(2) {
        if p[0] < 0x20 {
            even[p[0] as usize] += 1;
        }
        if p[1] < 0x20 {
            odd[p[1] as usize] += 1;
        }
    }
    // Tab, line feed and carriage return are common in any text.
    let dominant = |h: &[u32; 32]| {
        h.iter()
            .enumerate()
            .filter(|(b, _)| !matches!(b, 9 | 10 | 13))
            .map(|(_, &n)| n)
            .max()
            .unwrap_or(0) as f32
            / pairs
    };
    let (e, o) = (dominant(&even), dominant(&odd));
    let (share, other, enc) = if o > e {
        (o, e, Enc::Utf16Le)
    } else {
        (e, o, Enc::Utf16Be)
    };
    if share < 0.4 || other * 4.0 > share {
        return None;
    }
    Some((enc, (0.5 + share / 2.0).min(0.99)))
}

/// The legacy single-byte candidates, the default first.
const CANDIDATES: [Enc; 5] = [
    Enc::Single("windows-1252"),
    Enc::Single("windows-1251"),
    Enc::Single("KOI8-R"),
    Enc::Single("IBM866"),
    Enc::Single("ISO-8859-7"),
];

/// Reads `bytes` with a single-byte `enc`; bytes the codec leaves undefined read
/// as the code point of their number, as in the pass's sloppy codecs.
fn single_byte(enc: Enc, bytes: &[u8]) -> String {
    let name = enc.name();
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(codec) = encoding_rs::Encoding::for_label(name.as_bytes()) {
        let (text, had_errors) = codec.decode_without_bom_handling(bytes);
        if !had_errors {
            return text.into_owned();
        }
    }
    match Codec::by_name(name) {
        Some(codec) => codec.decode(bytes),
        None => Codec::WINDOWS_1252.decode(bytes),
    }
}

/// Scores a reading: the mean plausibility of its letter pairs that involve a
/// non-ASCII letter, less a penalty for never-seen pairs and C1 controls.
fn score(text: &str) -> (f32, u32) {
    let mut t = Tally::default();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_ascii())
    {
        t.add(word, true);
    }
    let c1 = text
        .chars()
        .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
        .count() as f32;
    let letters = text.chars().filter(|c| !c.is_ascii()).count().max(1) as f32;
    (
        t.mean() - 10.0 * t.unseen_share() - 10.0 * c1 / letters,
        t.pairs,
    )
}

/// Picks the single-byte encoding whose reading looks most like words.
fn guess_single_byte(bytes: &[u8]) -> (Enc, f32) {
    // A sample is enough to decide; it keeps the cost flat on large inputs.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let mut scored: Vec<(Enc, f32, u32)> = CANDIDATES
        .into_iter()
        .map(|enc| {
            let (s, pairs) = score(&single_byte(enc, sample));
            (enc, s, pairs)
        })
        .collect();
    let default = scored[0];
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let best = scored[0];
    let second = scored[1].1;
    if best.0 != default.0 && (best.2 < 6 || best.1 < 6.0 || best.1 - default.1 < 3.0) {
        // Not clearly better: keep what browsers assume.
        let conf = (0.4 + (default.1 - second).max(0.0) / 20.0).clamp(0.1, 0.6);
        return (default.0, conf);
    }
    let margin = (best.1
        - if best.0 == default.0 {
            second
        } else {
            default.1
        })
    .max(0.0);
    let evidence = (best.2 as f32 / 40.0).min(1.0);
    (
        best.0,
        (0.5 + margin / 20.0 * evidence + 0.2 * evidence).clamp(0.1, 0.99),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let (s, d) = decode(b"\xEF\xBB\xBFcaf\xC3\xA9");
        assert_eq!(s, "café", "should decode UTF-8 and drop the BOM");
        assert!(d.bom, "should report the BOM");
    }

    #[test]
    fn mostly_utf8_keeps_stray_bytes_as_windows_1252() {
        let (s, d) = decode(
            "\u{201c}ok\u{201d} caf\u{e9} "
                .as_bytes()
                .iter()
                .copied()
                .chain(*b"caf\xe9 \x93ok\x94")
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(
            s, "“ok” café café “ok”",
            "should keep every byte's worth of text"
        );
        assert_eq!(d.invalid, 3, "should count the stray bytes");
        assert!(d.confidence < 1.0, "should lower the confidence");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        assert_eq!(
            decode(
                &"Привет мир"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes())
                    .collect::<Vec<_>>()
            )
            .0,
            "Привет мир",
            "should recognise Cyrillic UTF-16LE without a BOM"
        );
        let text = "Привет, world — ok";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(&le);
        assert_eq!(
            decode(&with_bom).0,
            text,
            "should read UTF-16LE after its BOM"
        );
        let (s, d) = decode(&le);
        assert_eq!(
            (s.as_str(), d.encoding.as_str()),
            (text, "UTF-16LE"),
            "should recognise UTF-16LE without a BOM"
        );
        let (s, d) = decode(&be);
        assert_eq!(
            (s.as_str(), d.encoding.as_str()),
            (text, "UTF-16BE"),
            "should recognise UTF-16BE without a BOM"
        );
    }

    #[test]
    fn legacy_cyrillic_and_greek_are_recognised() {
        let ru = "Министр иностранных дел России заявил об этом в среду.";
        for name in ["windows-1251", "KOI8-R", "IBM866"] {
            let mut bytes = Vec::new();
            assert!(
                Codec::by_name(name)
                    .unwrap()
                    .encode_into(ru, false, &mut bytes),
                "should encode the fixture"
            );
            let (s, d) = decode(&bytes);
            assert_eq!(s, ru, "should read {name} bytes as {name}");
            assert_eq!(d.encoding, name, "should report {name}");
            assert!(
                d.confidence > 0.6,
                "should be fairly sure of {name}: {}",
                d.confidence
            );
        }
        let el = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.";
        let mut bytes = Vec::new();
        assert!(
            Codec::by_name("ISO-8859-7")
                .unwrap()
                .encode_into(el, false, &mut bytes),
            "should encode the fixture"
        );
        assert_eq!(decode(&bytes).0, el, "should read Greek ISO-8859-7");
    }

    #[test]
    fn legacy_latin_defaults_to_windows_1252() {
        let (s, d) = decode(b"Le caf\xe9 est pr\xeat \x96 \x93oui\x94.");
        assert_eq!(s, "Le café est prêt – “oui”.", "should read windows-1252");
        assert_eq!(d.encoding, "windows-1252", "should report windows-1252");
    }

    /// The wasm build reads legacy bytes with the generated tables: they must
    /// agree with encoding_rs wherever encoding_rs maps the byte.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn generated_tables_agree_with_encoding_rs() {
        for enc in CANDIDATES {
            let codec = Codec::by_name(enc.name()).unwrap();
            let rs = encoding_rs::Encoding::for_label(enc.name().as_bytes()).unwrap();
            for b in 0x80..=0xffu8 {
                let byte = [b];
                let (text, had_errors) = rs.decode_without_bom_handling(&byte);
                if !had_errors {
                    assert_eq!(
                        text.chars().next(),
                        Some(codec.char(b)),
                        "{} byte {b:#x} should read the same",
                        enc.name()
                    );
                }
            }
        }
    }

    #[test]
    fn no_byte_is_lost() {
        let bytes: Vec<u8> = (0x80..=0xffu8).collect();
        let (s, _) = decode(&bytes);
        assert_eq!(
            s.chars().count(),
            bytes.len(),
            "should give one character per byte"
        );
        assert!(!s.contains('\u{fffd}'), "should not replace any byte");
    }
}
