//! HTML character references left in scraped text: `&amp;`, `&#8217;`,
//! `&#x2014;`, `&nbsp;`.
//!
//! Only complete references are read: a known HTML 4 name (or `apos`), or a
//! decimal or hexadecimal number, always with the closing `;`. `AT&T`,
//! `&copy 2020` and `&foo;` stay as written. Double escaping (`&amp;amp;`,
//! `&amp;#8217;`) is undone in one go, so the pass stays idempotent. Numbers in
//! 128..=159 are windows-1252 bytes, as browsers read them. A reference is left
//! alone where reading it would make mojibake (`Î&frac14;` would become `Î¼`):
//! there the text around it is damaged and the reference is the safest thing to
//! keep. (Where its neighbours look bad without it, it is read all the same.)

use super::badness::is_bad;
use super::codecs::Codec;
use super::tables::ENTITIES;
use crate::options::Options;
use crate::report::Report;

/// Parses one reference at the start of `s` (which starts with `&`): the
/// character and the length consumed.
fn one(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    let semi = body.bytes().take(33).position(|b| b == b';')?;
    let name = &body[..semi];
    let len = semi + 2;
    let c = if let Some(num) = name.strip_prefix('#') {
        let n = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            if num.is_empty() || num.len() > 7 || !num.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            num.parse().ok()?
        };
        match n {
            9 | 10 | 13 => char::from_u32(n)?,
            0x80..=0x9f => Codec::WINDOWS_1252.char(n as u8),
            0..=0x1f | 0x7f => return None,
            _ => char::from_u32(n)?,
        }
    } else if name == "apos" {
        '\''
    } else {
        let i = ENTITIES.binary_search_by(|&(k, _)| k.cmp(name)).ok()?;
        ENTITIES[i].1
    };
    Some((c, len))
}

/// A reference at the start of `s`, following `&amp;` chains of double
/// escaping: the character and the length consumed.
fn reference(s: &str) -> Option<(char, usize)> {
    let (mut c, mut len) = one(s)?;
    // `&amp;amp;`, `&amp;#8217;`: the `&` a reference gave starts another one.
    while c == '&' {
        match s.get(len..).and_then(|rest| one(&format!("&{rest}"))) {
            Some((c2, l2)) if l2 > 1 => {
                c = c2;
                len += l2 - 1;
            }
            _ => break,
        }
    }
    Some((c, len))
}

/// The stage: reads character references.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    if !text.contains('&') {
        return;
    }
    let mut from = 0;
    while let Some(off) = text[from..].find('&') {
        let at = from + off;
        let Some((c, len)) = reference(&text[at..]) else {
            from = at + 1;
            continue;
        };
        let prev = text[..at].chars().next_back();
        let next = text[at + len..].chars().next();
        let mut window = String::new();
        window.extend(prev);
        window.push(c);
        window.extend(next);
        // Kept only where the character itself would make the mojibake: a
        // C1 control beside the reference (`â€\u{9d}&amp;`) is bad with or
        // without it, and the mojibake stage repairs it after this one.
        let around = || prev.into_iter().chain(next).collect::<String>();
        if is_bad(&window) && !is_bad(&around()) {
            from = at + len;
            continue;
        }
        let shown = &text[at..at + len];
        let reason = format!(
            "HTML character reference {shown} read as U+{:04X}",
            c as u32
        );
        report.replace(at, at + len, c.to_string(), "html-entity", reason);
        from = at + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn reads_references() {
        assert_eq!(
            ent("Tom &amp; Jerry&#8217;s &#x2014; caf&eacute;"),
            "Tom & Jerry’s — café",
            "should read named and numeric references"
        );
        assert_eq!(
            ent("&amp;amp; &amp;#8217;"),
            "& ’",
            "should undo double escaping at once"
        );
        assert_eq!(ent("&#150;"), "–", "should read 128..159 as windows-1252");
        assert_eq!(
            ent("â€\u{9d}&amp; more"),
            "â€\u{9d}& more",
            "should read a reference beside mojibake it does not add to"
        );
    }

    #[test]
    fn leaves_prose_alone() {
        for t in [
            "AT&T and S&P",
            "&copy 2020",
            "&foo; &#xZZ; & ;",
            "10Î&frac14;s",
        ] {
            assert_eq!(ent(t), t, "should leave {t:?} alone");
        }
    }
}
