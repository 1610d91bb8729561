//! Dates: numeric (`29.09.2016`, `11/13/19`, `2019-11-18`), written (`20 February
//! 2017`, `Feb. 4, 2021`, `12. März 2019`, `22 de janeiro de 2018`, `12 марта 2019 г.`,
//! `November 2015`) and weekday names (`Mon`, `segunda-feira`).
//!
//! A numeric date whose order the digits do not settle (`03/04/2019`) is marked
//! `swappable`; [`super::iso`] reads it only when the stamp's language puts the day
//! first. A date written with dots (`03.04.2019`) is read day first, as in every
//! language that writes dates so.

use super::lexicon::{Kind, Lang};
use super::parse::{Ctx, Date, Found, Part};
use super::token::Tk;

fn valid_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

fn expand_year(y: u32, digits: usize) -> Option<u32> {
    match digits {
        4 if valid_year(y) => Some(y),
        2 => Some(if y <= 69 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

/// A numeric date at `i`: `29.09.2016`, `11/13/19`, `2019-11-18`.
pub fn numeric_date(cx: &Ctx, i: usize) -> Option<Found> {
    let (a, al) = cx.num(i)?;
    let sep = cx.punct(i + 1).filter(|c| ['-', '/', '.'].contains(c))?;
    let (b, bl) = cx.num(i + 2)?;
    if cx.punct(i + 3) != Some(sep)
        || !(cx.glued(i) && cx.glued(i + 1) && cx.glued(i + 2) && cx.glued(i + 3))
    {
        return None;
    }
    let (c, cl) = cx.num(i + 4)?;
    // Not a piece of a version number, an address or a longer code.
    if cx.punct(i + 5) == Some(sep) && cx.kind(i + 6) == Some(Tk::Num) && cx.glued(i + 4) {
        return None;
    }
    if i >= 2
        && cx.is_punct(i - 1, &['.', '/', '-', ':'])
        && cx.kind(i - 2) == Some(Tk::Num)
        && cx.glued(i - 1)
    {
        return None;
    }
    let date = if al == 4 {
        if !valid_year(a) || bl > 2 || cl > 2 || !(1..=12).contains(&b) || !(1..=31).contains(&c) {
            return None;
        }
        Date {
            year: Some(a as i32),
            month: b,
            day: Some(c),
            swappable: false,
        }
    } else {
        if al > 2 || bl > 2 {
            return None;
        }
        let year = expand_year(c, cl)?;
        let day_first = (1..=31).contains(&a) && (1..=12).contains(&b);
        let month_first = (1..=12).contains(&a) && (1..=31).contains(&b);
        match (day_first, month_first) {
            (true, true) => Date {
                year: Some(year as i32),
                month: b,
                day: Some(a),
                swappable: a != b && sep != '.',
            },
            (true, false) => Date {
                year: Some(year as i32),
                month: b,
                day: Some(a),
                swappable: false,
            },
            (false, true) => Date {
                year: Some(year as i32),
                month: a,
                day: Some(b),
                swappable: false,
            },
            (false, false) => return None,
        }
    };
    Some((Part::Date(date), i + 5, None))
}

/// An ordinal ending glued to a day: `19th`, `1er`, `1º`, or the German `12.`.
fn ordinal(cx: &Ctx, i: usize) -> usize {
    if cx.glued(i) {
        if matches!(
            cx.word(i + 1),
            Some("st" | "nd" | "rd" | "th" | "er" | "º" | "ª" | "o")
        ) {
            return i + 2;
        }
        if cx.is_punct(i + 1, &['.', 'º']) {
            return i + 2;
        }
    }
    i + 1
}

/// A four-digit year at `i` (after an optional `,`, space and `de`): its value and end,
/// with a following `г.` or `года`.
fn year_after(cx: &Ctx, i: usize) -> Option<(u32, usize)> {
    let mut k = i;
    if cx.is_punct(k, &[',', '-']) {
        k += 1;
    }
    k = cx.skip_space(k);
    if matches!(cx.word(k), Some("de" | "of")) {
        k = cx.skip_space(k + 1);
    }
    let (y, 4) = cx.num(k)? else { return None };
    if !valid_year(y)
        || (cx.is_punct(k + 1, &[':', '.', '/'])
            && cx.kind(k + 2) == Some(Tk::Num)
            && cx.glued(k + 1))
    {
        return None;
    }
    let mut end = k + 1;
    let m = cx.skip_space(end);
    if let Some((mend, e)) = cx.phrase(m, Kind::Mark) {
        if e.value == 1 {
            end = if cx.is_punct(mend, &['.']) {
                mend + 1
            } else {
                mend
            };
        }
    }
    Some((y, end))
}

/// A month name at `i` with an optional abbreviation dot: its number, end and language.
fn month_at(cx: &Ctx, i: usize) -> Option<(u32, usize, Lang)> {
    let (end, e) = cx.phrase(i, Kind::Month)?;
    let end = if cx.is_punct(end, &['.']) && cx.glued(end - 1) {
        end + 1
    } else {
        end
    };
    Some((e.value as u32, end, e.lang))
}

/// A date with a written month and a day, and the year that may follow from
/// `after` on (`20 February 2017`, `Feb. 4, 2021`, `4 March`).
fn day_and_month(cx: &Ctx, day: u32, month: u32, after: usize, lang: Lang) -> Found {
    let (year, end) = match year_after(cx, after) {
        Some((y, end)) => (Some(y as i32), end),
        None => (None, after),
    };
    (
        Part::Date(Date {
            year,
            month,
            day: Some(day),
            swappable: false,
        }),
        end,
        Some(lang),
    )
}

/// A written date at `i`: day first (`20 February 2017`, `22 de janeiro de 2018`),
/// month first (`Feb. 4, 2021`), or month and year (`November 2015`).
pub fn written_date(cx: &Ctx, i: usize) -> Option<Found> {
    if let Some((d, dl)) = cx.num(i) {
        if dl > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let after_day = ordinal(cx, i);
        let mut k = after_day;
        if cx.is_punct(k, &['-']) && cx.glued(k - 1) {
            k += 1;
        } else if cx.kind(k) == Some(Tk::Space) {
            k += 1;
            if cx.word(k) == Some("de") {
                k = cx.skip_space(k + 1);
            }
        } else {
            return None;
        }
        let (month, mend, lang) = month_at(cx, k)?;
        return Some(day_and_month(cx, d, month, mend, lang));
    }
    let (month, mend, lang) = month_at(cx, i)?;
    let k = if cx.is_punct(mend, &['-']) {
        mend + 1
    } else {
        cx.skip_space(mend)
    };
    if k > mend {
        if let Some((d, dl)) = cx.num(k) {
            let day_ok = dl <= 2
                && (1..=31).contains(&d)
                && !(cx.is_punct(k + 1, &[':', '.']) && cx.kind(k + 2) == Some(Tk::Num));
            if day_ok {
                return Some(day_and_month(cx, d, month, ordinal(cx, k), lang));
            }
        }
    }
    let (y, end) = year_after(cx, mend)?;
    Some((
        Part::Date(Date {
            year: Some(y as i32),
            month,
            day: None,
            swappable: false,
        }),
        end,
        Some(lang),
    ))
}

/// A weekday name at `i`, with an optional abbreviation dot.
pub fn weekday(cx: &Ctx, i: usize) -> Option<Found> {
    let (end, e) = cx.phrase(i, Kind::Weekday)?;
    let end = if cx.is_punct(end, &['.']) && cx.glued(end - 1) {
        end + 1
    } else {
        end
    };
    Some((Part::Weekday, end, Some(e.lang)))
}
