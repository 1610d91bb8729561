//! Clock times and time zones.
//!
//! Times: `10:00`, `9:12 am`, `11:47am`, `1:35 a.m.`, `17:27:46`, `10h00`,
//! `10.30 Uhr`, `16.25 GMT`, `6.30pm`, `10 Uhr`, `5 PM`, and four-digit times before
//! a zone (`0745 GMT`). Zones: names from `data/timestamps/stamps.tsv` (`GMT`, `EST`,
//! `МСК`), matched case-sensitively and only after a time, with an optional offset
//! (`GMT +3`, `UTC+03:00`); or an offset alone touching a time (`10:00:00+03:00`).

use super::lexicon::Kind;
use super::parse::{Clock, Ctx, Found, Part};
use super::token::Tk;

/// `am`, `PM`, `a.m.` at `i` (after at most one space): its end and whether it is p.m.
fn meridiem(cx: &Ctx, i: usize) -> Option<(usize, bool)> {
    let k = cx.skip_space(i);
    match cx.word(k)? {
        "am" => Some((k + 1, false)),
        "pm" => Some((k + 1, true)),
        w @ ("a" | "p") if cx.is_punct(k + 1, &['.']) && cx.word(k + 2) == Some("m") => {
            let end = if cx.is_punct(k + 3, &['.']) {
                k + 4
            } else {
                k + 3
            };
            Some((end, w == "p"))
        }
        _ => None,
    }
}

fn with_meridiem(hour: u32, pm: bool) -> Option<u32> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    })
}

/// `Uhr`, `h`, `ч` after a time: the end of the mark, if there is one.
fn time_mark(cx: &Ctx, i: usize) -> Option<usize> {
    let k = cx.skip_space(i);
    cx.phrase(k, Kind::Mark)
        .filter(|(_, e)| e.value == 2)
        .map(|(end, _)| end)
}

/// A clock time at `i`.
pub fn clock(cx: &Ctx, i: usize) -> Option<Found> {
    let (h, hl) = cx.num(i)?;
    if i > 0 && cx.is_punct(i - 1, &[':', '.', ',']) && cx.glued(i - 1) {
        // `rs:12:30`, `1.10:30`: part of something else.
        return None;
    }
    let found = |hour, minute, second, end| {
        Some((
            Part::Clock(Clock {
                hour,
                minute,
                second,
            }),
            end,
            None,
        ))
    };
    if hl == 4 {
        // `0745 GMT`: four digits count as a time only before a zone.
        let (hh, mm) = (h / 100, h % 100);
        let k = cx.skip_space(i + 1);
        let zone = cx
            .tok(k)
            .is_some_and(|t| t.kind == Tk::Word && cx.lex.zone(cx.raw(k)).is_some());
        return if zone && hh <= 23 && mm <= 59 && k > i + 1 {
            found(hh, mm, None, i + 1)
        } else {
            None
        };
    }
    if hl > 2 || h > 24 {
        return None;
    }
    let j = i + 1;
    if cx.is_punct(j, &[':']) && cx.glued(i) {
        let (m, ml) = cx.num(j + 1)?;
        if ml != 2 || m > 59 {
            return None;
        }
        let mut end = j + 2;
        let mut second = None;
        if cx.is_punct(end, &[':']) {
            if let Some((s, 2)) = cx.num(end + 1) {
                if s > 59 {
                    return None;
                }
                second = Some(s);
                end += 2;
            }
        }
        if cx.is_punct(end, &[':']) && cx.kind(end + 1) == Some(Tk::Num) {
            return None; // `1:02:03:04`
        }
        if cx.is_punct(end, &['.']) && cx.num(end + 1).is_some() && cx.glued(end) {
            // A fraction of a second, only in an ISO time (`10:00:00.000Z`).
            let after = end + 2;
            if second.is_some() && (cx.raw(after) == "Z" || cx.is_punct(after, &['+', '-'])) {
                end = after;
            } else {
                return None;
            }
        }
        let mut hour = h;
        if let Some((mend, pm)) = meridiem(cx, end) {
            hour = with_meridiem(h, pm).or(if h > 12 { Some(h) } else { None })?;
            end = mend;
        }
        if let Some(mend) = time_mark(cx, end) {
            end = mend;
        }
        return found(hour % 24, m, second, end);
    }
    // `10h00`, `10h30`.
    if cx.word(j) == Some("h") && cx.glued(i) && cx.glued(j) {
        if let Some((m, 2)) = cx.num(j + 1) {
            return if m <= 59 {
                found(h % 24, m, None, j + 2)
            } else {
                None
            };
        }
    }
    // `10.30 Uhr`, `16.25 GMT`, `6.30pm`: a dot only with a mark, zone or meridiem after it.
    if cx.is_punct(j, &['.']) && cx.glued(i) && cx.glued(j) {
        if let Some((m, 2)) = cx.num(j + 1) {
            let k = j + 2;
            let next = cx.skip_space(k);
            if m > 59 || (cx.is_punct(k, &['.']) && cx.kind(k + 1) == Some(Tk::Num)) {
                return None;
            }
            if cx.word(next) == Some("uhr") {
                return found(h % 24, m, None, next + 1);
            }
            if let Some((end, pm)) = meridiem(cx, k) {
                return found(with_meridiem(h, pm)?, m, None, end);
            }
            let zone = cx.kind(next) == Some(Tk::Word) && cx.lex.zone(cx.raw(next)).is_some();
            if zone && next > k && h <= 23 {
                return found(h, m, None, k);
            }
        }
        return None;
    }
    // `5 PM`, `5pm`.
    if let Some((end, pm)) = meridiem(cx, j) {
        return found(with_meridiem(h, pm)?, 0, None, end);
    }
    // `10 Uhr`.
    if cx.word(cx.skip_space(j)) == Some("uhr") {
        return found(h % 24, 0, None, cx.skip_space(j) + 1);
    }
    None
}

/// A time-zone offset at `i`: `+3`, `+03:00`, `-0500`, `−5`.
fn offset(cx: &Ctx, i: usize) -> Option<(i32, usize)> {
    let sign = match cx.punct(i)? {
        '+' => 1,
        '-' | '\u{2212}' => -1,
        _ => return None,
    };
    let (v, l) = cx.num(i + 1)?;
    if !cx.glued(i) {
        return None;
    }
    let (minutes, end) = match l {
        1 | 2 if cx.is_punct(i + 2, &[':']) && cx.glued(i + 1) => {
            let (m, 2) = cx.num(i + 3)? else { return None };
            (v * 60 + m, i + 4)
        }
        1 | 2 => (v * 60, i + 2),
        4 => ((v / 100) * 60 + v % 100, i + 2),
        _ => return None,
    };
    if minutes > 14 * 60 {
        return None;
    }
    Some((sign * minutes as i32, end))
}

/// A zone name with an optional offset (`GMT +3`, `UTC+03:00`), or an offset alone
/// right after a time (`10:00+03:00`, `10:00 -0500`).
pub fn zone(cx: &Ctx, i: usize, after_time: bool) -> Option<Found> {
    if !after_time {
        return None;
    }
    if let Some(base) = cx
        .tok(i)
        .filter(|t| t.kind == Tk::Word)
        .and_then(|_| cx.lex.zone(cx.raw(i)))
    {
        if cx.raw(i) == "Z" && !(i > 0 && cx.glued(i - 1)) {
            return None;
        }
        let k = cx.skip_space(i + 1);
        if let Some((off, end)) = offset(cx, k) {
            return Some((Part::Zone(base.map(|b| b + off)), end, None));
        }
        return Some((Part::Zone(base), i + 1, None));
    }
    // An offset alone must touch the time's digits (`10:00:00+03:00`) and be
    // written in full, so that `5am-5:55am` stays a range.
    let (off, end) = offset(cx, i)?;
    let long_form = cx.num(i + 1).is_some_and(|(_, l)| l == 4) || end == i + 4;
    let touches = i > 0 && cx.kind(i - 1) == Some(Tk::Num) && cx.glued(i - 1);
    let open_end = !(cx.kind(end) == Some(Tk::Word) && cx.glued(end - 1));
    (long_form && touches && open_end).then_some((Part::Zone(Some(off)), end, None))
}
