//! Reading bytes whose encoding is not known.
//!
//! Valid UTF-8 (with or without a byte-order mark) is taken as it is. Anything
//! else is decoded so that no byte is lost: each maximal valid UTF-8 stretch is
//! kept, and each invalid byte is read as windows-1252 (the encoding browsers use
//! for undeclared Latin text), which the `encoding` pass can then repair.

use crate::edit::Decoding;

/// Decodes `bytes`, reporting how.
pub fn decode(bytes: &[u8]) -> (String, Decoding) {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if let Ok(s) = std::str::from_utf8(bytes) {
        let confidence = if bom || !s.is_ascii() { 1.0 } else { 0.99 };
        return (
            s.to_string(),
            Decoding {
                encoding: "UTF-8".into(),
                confidence,
                bom,
                replaced: 0,
                invalid: 0,
            },
        );
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            invalid += 1;
            out.push(windows_1252(b));
        }
    }
    let share = invalid as f32 / bytes.len().max(1) as f32;
    (
        out,
        Decoding {
            encoding: "UTF-8".into(),
            confidence: (1.0 - share * 4.0).clamp(0.0, 1.0),
            bom,
            replaced: 0,
            invalid,
        },
    )
}

/// The windows-1252 reading of a byte, with the five undefined bytes kept as
/// the C1 control of the same number (as browsers do), so no byte is lost.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
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
    fn invalid_bytes_are_kept_as_windows_1252() {
        let (s, d) = decode(b"caf\xE9 \x93ok\x94 \xC3\xA9");
        assert_eq!(s, "café “ok” é", "should keep every byte's worth of text");
        assert!(d.confidence < 1.0, "should lower the confidence");
    }
}
