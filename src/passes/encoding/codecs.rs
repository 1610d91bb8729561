//! Single-byte codecs, both ways, over the generated tables in [`super::tables`].
//!
//! Encoding turns text back into the bytes a program once misread; decoding reads
//! bytes the way that program did. The windows-* codecs are "sloppy" as browsers
//! and ftfy make them: a byte the codec leaves undefined reads as the C1 control of
//! the same number, so every byte has a character and encoding never loses one.
//! When `lossy` is set, U+FFFD encodes as byte 0x1A, a marker for "some byte was
//! lost here" that [`super::utf8`] turns back into U+FFFD.

use super::tables::{CodecTable, CODECS, LATIN1, MACINTOSH, WINDOWS_1252};

/// Characters below this encode through a table (see [`Codec::byte`]).
const FAST_END: usize = 0x2600;

/// A codec, by its position in [`CODECS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Codec(pub usize);

impl Codec {
    /// ISO-8859-1 (latin-1), the one codec that is not sloppy.
    pub const LATIN1: Codec = Codec(LATIN1);
    /// windows-1252 (sloppy).
    pub const WINDOWS_1252: Codec = Codec(WINDOWS_1252);
    /// macintosh (MacRoman, sloppy).
    pub const MACINTOSH: Codec = Codec(MACINTOSH);

    /// Every known codec, in the order the pass tries them.
    pub fn all() -> impl Iterator<Item = Codec> {
        (0..CODECS.len()).map(Codec)
    }

    /// The codec called `name` (WHATWG spelling).
    pub fn by_name(name: &str) -> Option<Codec> {
        CODECS
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
            .map(Codec)
    }

    fn table(self) -> &'static CodecTable {
        &CODECS[self.0]
    }

    /// The codec's name, such as `windows-1252`.
    pub fn name(self) -> &'static str {
        self.table().name
    }

    /// Whether this codec reads undefined bytes as C1 controls (all but latin-1).
    pub fn sloppy(self) -> bool {
        self != Codec::LATIN1
    }

    /// The byte `c` encodes to, if the codec has it.
    pub fn byte(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        // Most characters of every codec sit below `FAST_END`: a table built
        // once answers for them.
        static FAST: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let fast = FAST.get_or_init(|| {
            let mut t = vec![0u8; CODECS.len() * FAST_END];
            for (i, codec) in CODECS.iter().enumerate() {
                for &(k, b) in &codec.reverse {
                    if (k as usize) < FAST_END && b >= 0x80 {
                        t[i * FAST_END + k as usize] = b;
                    }
                }
            }
            t
        });
        if (c as usize) < FAST_END {
            // Every byte in the table is 0x80 or above; 0 means none.
            return match fast.get(self.0 * FAST_END + c as usize) {
                Some(&b) if b >= 0x80 => Some(b),
                _ => None,
            };
        }
        let rev = &self.table().reverse;
        rev.binary_search_by(|&(k, _)| k.cmp(&c))
            .ok()
            .map(|i| rev[i].1)
    }

    /// Encodes `text` into `out`; false (with `out` in an unspecified state) if a
    /// character has no byte.
    pub fn encode_into(self, text: &str, lossy: bool, out: &mut Vec<u8>) -> bool {
        out.clear();
        for c in text.chars() {
            match self.byte(c) {
                Some(b) => out.push(b),
                None if lossy && c == '\u{fffd}' => out.push(0x1a),
                None => return false,
            }
        }
        true
    }

    /// The character byte `b` reads as.
    pub fn char(self, b: u8) -> char {
        if b < 0x80 {
            b as char
        } else {
            self.table().high[(b - 0x80) as usize]
        }
    }

    /// Reads `bytes` with this codec.
    pub fn decode(self, bytes: &[u8]) -> String {
        bytes.iter().map(|&b| self.char(b)).collect()
    }

    /// Reads `bytes` with this codec into `out`, replacing what it held (so
    /// that one buffer serves many readings).
    pub fn decode_into(self, bytes: &[u8], out: &mut String) {
        out.clear();
        out.extend(bytes.iter().map(|&b| self.char(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_table_agrees_with_the_codec_tables() {
        for codec in Codec::all() {
            for u in 0x80..FAST_END as u32 {
                let Some(c) = char::from_u32(u) else { continue };
                let want = codec
                    .table()
                    .reverse
                    .iter()
                    .find(|&&(k, _)| k == c)
                    .map(|&(_, b)| b);
                assert_eq!(
                    codec.byte(c),
                    want,
                    "{} should encode {c:?} as its table does",
                    codec.name()
                );
            }
        }
    }

    #[test]
    fn round_trips_every_byte() {
        for codec in Codec::all() {
            for b in 0x80..=0xffu8 {
                let c = codec.char(b);
                assert_eq!(
                    codec.byte(c),
                    Some(b),
                    "{} should encode {c:?} back to {b:#x}",
                    codec.name()
                );
            }
        }
    }

    #[test]
    fn sloppy_windows_1252_keeps_undefined_bytes() {
        let cp1252 = Codec::by_name("windows-1252").unwrap();
        assert_eq!(
            cp1252.decode(b"\x81\x93ok\x94"),
            "\u{81}“ok”",
            "should read 0x81 as U+0081"
        );
    }
}
