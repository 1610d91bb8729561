//! Reading bytes back as UTF-8, with the damage mojibake picks up along the way.
//!
//! - [`decode`] reads strict UTF-8, and also CESU-8 (a surrogate pair written as
//!   two three-byte sequences, as Java and old MySQL do) and the two-byte NUL
//!   `C0 80`. Anything else that is not UTF-8 fails.
//! - [`restore_a0`] puts back byte 0xA0 where a program turned a no-break space
//!   into a plain space inside a UTF-8 sequence (`Ã ` was `à`, `Â ` was U+00A0).
//! - [`replace_lossy`] turns a UTF-8 sequence with a lost byte (marked 0x1A, or
//!   `?` from a program that replaced what it could not read) into U+FFFD.
//!
//! The byte patterns follow ftfy's `chardata.py` (MIT licence).

/// Decodes UTF-8 (or CESU-8); `None` if the bytes are not that.
pub fn decode(bytes: &[u8]) -> Option<String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).ok()?);
                rest = &rest[good..];
                if rest.starts_with(b"\xc0\x80") {
                    out.push('\0');
                    rest = &rest[2..];
                    continue;
                }
                // CESU-8 surrogate pair: ED A0-AF xx ED B0-BF xx.
                if rest.len() >= 6
                    && rest[0] == 0xed
                    && (0xa0..=0xaf).contains(&rest[1])
                    && is_cont(rest[2])
                    && rest[3] == 0xed
                    && (0xb0..=0xbf).contains(&rest[4])
                    && is_cont(rest[5])
                {
                    let hi = 0xd000 | ((rest[1] as u32 & 0x3f) << 6) | (rest[2] as u32 & 0x3f);
                    let lo = 0xd000 | ((rest[4] as u32 & 0x3f) << 6) | (rest[5] as u32 & 0x3f);
                    let c = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                    out.push(char::from_u32(c)?);
                    rest = &rest[6..];
                    continue;
                }
                return None;
            }
        }
    }
    Some(out)
}

fn is_cont(b: u8) -> bool {
    (0x80..=0xbf).contains(&b)
}

/// Whether the bytes contain a UTF-8 sequence that a plain space broke.
pub fn has_altered_space(b: &[u8]) -> bool {
    // Every such sequence starts with a lead byte of 0xC2 or more.
    (0..b.len()).any(|i| b[i] >= 0xc2 && altered_len(b, i).is_some())
}

/// Length of an "altered" sequence (a space standing in for byte 0xA0) at `i`.
fn altered_len(b: &[u8], i: usize) -> Option<usize> {
    let at = |j: usize| b.get(i + j).copied();
    let mid =
        |x: Option<u8>| x.is_some_and(|x| matches!(x, 0x80..=0x84 | 0x86..=0x9f | 0xa1..=0xbf));
    let cont = |x: Option<u8>| x.is_some_and(is_cont);
    let sp = |x: Option<u8>| x == Some(b' ');
    let lead = at(0)?;
    if matches!(lead, 0xc2 | 0xc3 | 0xc5 | 0xce | 0xd0 | 0xd9) && sp(at(1)) {
        return Some(2);
    }
    if matches!(lead, 0xe2 | 0xe3) && sp(at(1)) && mid(at(2)) {
        return Some(3);
    }
    if (0xe0..=0xe3).contains(&lead) && mid(at(1)) && sp(at(2)) {
        return Some(3);
    }
    if lead == 0xf0 {
        let (x, y, z) = (at(1), at(2), at(3));
        if (sp(x) && cont(y) && cont(z))
            || (cont(x) && sp(y) && cont(z))
            || (cont(x) && cont(y) && sp(z))
        {
            return Some(4);
        }
    }
    None
}

/// Puts back byte 0xA0 where a space broke a UTF-8 sequence.
///
/// `Ã` followed by a space is read as `à` and a space (French "à" is a word),
/// except before another space or the Portuguese `s `, `quele`, `quela`, `quilo`
/// (`às`, `àquele`, ...), and inside a Vietnamese syllable (`hà i` is `hài`,
/// see `inside_syllable`), where the space itself was the 0xA0.
pub fn restore_a0(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 4);
    let mut vietnamese = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xc3 && bytes.get(i + 1) == Some(&b' ') {
            let after = &bytes[i + 2..];
            let keep = [&b" "[..], b"quele", b"quela", b"quilo", b"s "];
            let joined = keep.iter().any(|k| after.starts_with(k))
                || (i > 0
                    && bytes[i - 1].is_ascii_alphabetic()
                    && inside_syllable(after)
                    && *vietnamese.get_or_insert_with(|| is_vietnamese(bytes)));
            if !joined {
                out.extend_from_slice(b"\xc3\xa0 ");
                i += 2;
                continue;
            }
        }
        if let Some(n) = altered_len(bytes, i) {
            out.extend(
                bytes[i..i + n]
                    .iter()
                    .map(|&b| if b == b' ' { 0xa0 } else { b }),
            );
            i += n;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Whether `after` starts with a lone Vietnamese syllable ending (`i`, `o`,
/// `m`, `n`, `c`, `p`, `t`, `ng`, `nh`, `ch`) and then a non-letter: the rest
/// of a syllable begun by the `à` before the space, not a word of its own
/// (`y` and `u`, which are also words, are left out).
fn inside_syllable(after: &[u8]) -> bool {
    let n = after.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let end_ok = after.get(n).is_none_or(|&b| b < 0x80);
    end_ok
        && matches!(
            &after[..n],
            b"i" | b"o" | b"m" | b"n" | b"c" | b"p" | b"t" | b"ng" | b"nh" | b"ch"
        )
}

/// Whether the bytes hold UTF-8 for a letter only Vietnamese uses: one from
/// U+1EA0..=U+1EF9 (`ạ ấ ớ ữ ...`, bytes `E1 BA A0`..`E1 BB B9`), or `ơ ư`
/// (`C6 A1`, `C6 B0`).
fn is_vietnamese(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| {
        (w[0] == 0xe1
            && ((w[1] == 0xba && w[2] >= 0xa0) || (w[1] == 0xbb && (0x80..=0xb9).contains(&w[2]))))
            || (w[0] == 0xc6 && matches!(w[1], 0xa1 | 0xb0))
    })
}

/// Length of a lossy sequence at `i`.
fn lossy_len(b: &[u8], i: usize) -> Option<usize> {
    let at = |j: usize| b.get(i + j).copied();
    let lost = |x: Option<u8>| x == Some(0x1a);
    let lost_q = |x: Option<u8>| matches!(x, Some(0x1a | b'?'));
    let cont_l = |x: Option<u8>| x.is_some_and(|x| x == 0x1a || is_cont(x));
    let cont_lq = |x: Option<u8>| x.is_some_and(|x| x == 0x1a || x == b'?' || is_cont(x));
    let lead = at(0)?;
    match lead {
        0x1a => Some(1),
        0xc2..=0xdf if lost(at(1)) || (lead <= 0xc3 && at(1) == Some(b'?')) => Some(2),
        0xed if at(1).is_some_and(|x| (0xa0..=0xaf).contains(&x))
            && at(3) == Some(0xed)
            && at(4).is_some_and(|x| (0xb0..=0xbf).contains(&x))
            && ((lost_q(at(2)) && cont_lq(at(5))) || (cont_lq(at(2)) && lost_q(at(5)))) =>
        {
            Some(6)
        }
        0xe0..=0xef if (lost_q(at(1)) && cont_l(at(2))) || (cont_l(at(1)) && lost_q(at(2))) => {
            Some(3)
        }
        0xf0..=0xf4
            if (lost_q(at(1)) && cont_l(at(2)) && cont_l(at(3)))
                || (cont_l(at(1)) && lost_q(at(2)) && cont_l(at(3)))
                || (cont_l(at(1)) && cont_l(at(2)) && lost_q(at(3))) =>
        {
            Some(4)
        }
        _ => None,
    }
}

/// Whether the bytes hold a UTF-8 sequence with a lost byte, that is, whether
/// [`replace_lossy`] would change them (every such sequence has a 0x1A or `?`
/// in it, which the replacement does not). Most bytes have neither marker, so
/// they are looked for first.
pub fn has_lossy(b: &[u8]) -> bool {
    // Every such sequence starts with 0x1A or a lead byte of 0xC2 or more.
    b.iter().any(|&x| x == 0x1a || x == b'?')
        && (0..b.len()).any(|i| (b[i] == 0x1a || b[i] >= 0xc2) && lossy_len(b, i).is_some())
}

/// Replaces UTF-8 sequences with a lost byte by the bytes of U+FFFD.
pub fn replace_lossy(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let Some(n) = lossy_len(bytes, i) {
            out.extend_from_slice("\u{fffd}".as_bytes());
            i += n;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_cesu8_pairs() {
        let bytes = b"hi \xed\xa0\xbd\xed\xb8\x8d";
        assert_eq!(
            decode(bytes).as_deref(),
            Some("hi 😍"),
            "should join a CESU-8 surrogate pair"
        );
        assert_eq!(decode(b"\xe9t\xe9"), None, "should refuse latin-1 bytes");
    }

    #[test]
    fn restores_no_break_spaces() {
        assert_eq!(
            restore_a0(b"voil\xc3 le"),
            b"voil\xc3\xa0 le",
            "should read 'Ã ' as 'à '"
        );
        assert_eq!(
            restore_a0(b"\xc3 s cri"),
            b"\xc3\xa0s cri",
            "should read 'Ã s ' as 'às '"
        );
        assert_eq!(
            restore_a0(b"h\xc3 i, m\xe1\xbb\x9bi"),
            b"h\xc3\xa0i, m\xe1\xbb\x9bi",
            "should read 'Ã i' inside Vietnamese as 'ài'"
        );
        assert_eq!(
            restore_a0(b"h\xc3 i, m\xc3\xa9"),
            b"h\xc3\xa0 i, m\xc3\xa9",
            "should keep the space after 'à' in text that is not Vietnamese"
        );
        assert_eq!(
            restore_a0(b"v\xc3 ng\xc6\xb0\xe1\xbb\x9di"),
            b"v\xc3\xa0 ng\xc6\xb0\xe1\xbb\x9di",
            "should keep the space before a Vietnamese word of its own"
        );
    }

    #[test]
    fn marks_lost_bytes() {
        assert_eq!(
            replace_lossy(b"\xe2\x80?x"),
            "\u{fffd}x".as_bytes(),
            "should replace a sequence missing its last byte"
        );
        assert!(has_lossy(b"\xe2\x80?x"), "should see the lost byte");
        assert!(
            !has_lossy(b"what? \xe2\x80\x99"),
            "should not take a question mark after ASCII for a lost byte"
        );
    }
}
