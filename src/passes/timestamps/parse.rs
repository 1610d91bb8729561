//! Reads stamps from a line's tokens.
//!
//! A stamp is a run of *parts* joined by connectors:
//! - clock times: `10:00`, `8:03 am`, `10:28am`, `1:35 a.m.`, `17:27:46`, `10h00`,
//!   `10.30 Uhr`, `18.54 GMT`, `6.30pm`, `10 Uhr`, `5 PM`, and four-digit times before a zone (`1909 GMT`);
//! - time zones, names and offsets: `GMT +3`, `EST`, `UTC+03:00`, `+0300`, `Z`;
//! - numeric dates: `29.09.2016`, `11/13/19`, `2019-11-18`, `2018.04.05`, with ISO
//!   date-times (`2019-03-12T10:00:00Z`);
//! - written dates: `20 February 2017`, `Nov. 19, 2019`, `November 19th, 2019`,
//!   `12. März 2019`, `22 de janeiro de 2018`, `12 марта 2019 г.`, `November 2015`;
//! - weekday names: `Mon`, `Tuesday`, `segunda-feira`, `понедельник`;
//! - relative times: `3 hours ago`, `7H ago`, `vor 2 Stunden`, `il y a 2 heures`,
//!   `hace una hora`, `há 2 horas`, `2 ore fa`, `5 минут назад`, and days named
//!   relative to today (`yesterday`, `вчера`) which count only beside a time;
//! - prefixes: `Updated`, `Published`, `Опубликовано`, `Aktualisiert`, `Publié`...;
//! - connectors: `at`, `on`, `um`, `à`, `às`, `alle`, `в`, and `, | / • · - – — ; @ ( ) [ ] :`.
//!
//! Every part reads a bounded number of tokens, and a run gives up after a few
//! parts with no date, time or relative time in them, so reading a line is linear.

use super::lexicon::{Entry, Kind, Lang, Lexicon};
use super::token::{Tk, Token};

/// A calendar date as read; `month` and `day` may be swapped when `swappable`
/// (a numeric date such as `03/04/2019` whose order the digits do not settle).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
    pub swappable: bool,
}

/// A time of day, on the 24-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: Option<u32>,
}

/// One part of a stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Prefix,
    Connector,
    /// A dash between parts: between two times it makes a range.
    Dash,
    Weekday,
    Date(Date),
    Clock(Clock),
    /// A time zone or offset; the offset in minutes when known.
    Zone(Option<i32>),
    Relative,
    /// A day named relative to today; the offset in days.
    Day(i32),
}

impl Part {
    /// Dates, times and relative times: what makes a run a stamp.
    pub fn is_core(&self) -> bool {
        matches!(self, Part::Date(_) | Part::Clock(_) | Part::Relative)
    }
}

/// A part and the tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub part: Part,
    pub start: usize,
    pub end: usize,
    pub lang: Option<Lang>,
}

/// A stamp: its parts, from the first part to the last that is not a connector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub items: Vec<Item>,
}

impl Stamp {
    /// First token of the stamp.
    pub fn start(&self) -> usize {
        self.items.first().map_or(0, |i| i.start)
    }
    /// One past the last token of the stamp.
    pub fn end(&self) -> usize {
        self.items.last().map_or(0, |i| i.end)
    }
    fn has(&self, f: impl Fn(&Part) -> bool) -> bool {
        self.items.iter().any(|i| f(&i.part))
    }
    pub fn has_date(&self) -> bool {
        self.has(|p| matches!(p, Part::Date(_)))
    }
    /// Whether a date with year, month and day is among the parts.
    pub fn has_full_date(&self) -> bool {
        self.has(|p| matches!(p, Part::Date(d) if d.year.is_some() && d.day.is_some()))
    }
    pub fn has_clock(&self) -> bool {
        self.has(|p| matches!(p, Part::Clock(_)))
    }
    pub fn has_relative(&self) -> bool {
        self.has(|p| matches!(p, Part::Relative))
    }
    pub fn has_prefix(&self) -> bool {
        self.has(|p| matches!(p, Part::Prefix))
    }
    pub fn has_weekday(&self) -> bool {
        self.has(|p| matches!(p, Part::Weekday))
    }
    /// Two times joined by a dash (`10:30am - 11:00am`, `6:50-7:15ish`), or
    /// several times with no date, prefix or relative time (`10:00 | 12:00 |
    /// 14:00`): a schedule or timetable, not the page template.
    pub fn is_time_range(&self) -> bool {
        let dashed = self.items.windows(3).any(|w| {
            matches!(
                (w[0].part, w[1].part, w[2].part),
                (Part::Clock(_), Part::Dash, Part::Clock(_))
            )
        });
        let clocks = self
            .items
            .iter()
            .filter(|i| matches!(i.part, Part::Clock(_)))
            .count();
        dashed || (clocks >= 2 && !self.has_date() && !self.has_relative() && !self.has_prefix())
    }
    /// Enough to be page furniture wherever it stands on its own: a time, a
    /// relative time, or a date or weekday under a prefix.
    pub fn is_strong(&self) -> bool {
        !self.is_time_range()
            && (self.has_clock()
                || self.has_relative()
                || (self.has_prefix() && (self.has_date() || self.has_weekday())))
    }
    /// Enough to be cut from the edge of a name: a date with a time, a relative
    /// time, a date under a prefix, or a weekday with a time.
    pub fn is_very_strong(&self) -> bool {
        !self.is_time_range()
            && ((self.has_date() && self.has_clock())
                || self.has_relative()
                || (self.has_prefix() && self.has_date())
                || (self.has_weekday() && self.has_clock()))
    }
}

/// Dashes, which join parts like other connectors but make two times a range.
pub const DASHES: &[char] = &['-', '–', '—'];

/// What the parser reads from.
pub struct Ctx<'a> {
    pub line: &'a str,
    pub toks: &'a [Token],
    pub lex: &'a Lexicon,
}

/// Punctuation that may join the parts of a stamp.
pub const JOINERS: &[char] = &[
    ',', '|', '/', '•', '·', '-', '–', '—', ';', '@', '(', ')', '[', ']', ':', '¦', '∙', '⋅', '●',
    '‧',
];

impl<'a> Ctx<'a> {
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.line[t.start..t.end])
    }
    pub fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }
    pub fn punct(&self, i: usize) -> Option<char> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Tk::Punct)
            .and_then(|t| self.line[t.start..t.end].chars().next())
    }
    pub fn is_punct(&self, i: usize, set: &[char]) -> bool {
        self.punct(i).is_some_and(|c| set.contains(&c))
    }
    /// The value and digit count of a number token (up to nine digits).
    pub fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self
            .toks
            .get(i)
            .filter(|t| t.kind == Tk::Num && t.end - t.start <= 9)?;
        Some((self.line[t.start..t.end].parse().ok()?, t.end - t.start))
    }
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Tk::Word && !t.lower.is_empty())
            .map(|t| t.lower.as_str())
    }
    /// Whether tokens `i` and `i + 1` touch (no space between them).
    pub fn glued(&self, i: usize) -> bool {
        matches!((self.toks.get(i), self.toks.get(i + 1)), (Some(a), Some(b)) if a.end == b.start && a.kind != Tk::Space && b.kind != Tk::Space)
    }
    /// `i`, or the token after `i` if `i` is a space.
    pub fn skip_space(&self, i: usize) -> usize {
        if self.kind(i) == Some(Tk::Space) {
            i + 1
        } else {
            i
        }
    }

    /// The longest phrase of `kind` starting at token `i`: its end and entry.
    pub fn phrase(&self, i: usize, kind: Kind) -> Option<(usize, &'a Entry)> {
        let first = self.word(i)?;
        let mut best: Option<(usize, &Entry)> = None;
        for e in self.lex.starting_with(first, kind) {
            let mut j = i + 1;
            let mut ok = true;
            for w in &e.words[1..] {
                let joins =
                    self.kind(j) == Some(Tk::Space) || self.is_punct(j, &['-', '\'', '\u{2019}']);
                if joins && self.word(j + 1) == Some(w.as_str()) {
                    j += 2;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok && best.map_or(true, |(end, _)| j > end) {
                best = Some((j, e));
            }
        }
        best
    }
}

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

type Found = (Part, usize, Option<Lang>);

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
        // `rs:5:30`, `1.10:30`: part of something else.
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
        // `1909 GMT`: four digits count as a time only before a zone.
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
    // `10.30 Uhr`, `18.54 GMT`, `6.30pm`: a dot only with a mark, zone or meridiem after it.
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

/// A written date at `i`: day first (`20 February 2017`, `22 de janeiro de 2018`),
/// month first (`Nov. 19, 2019`), or month and year (`November 2015`).
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
        let (year, end) = match year_after(cx, mend) {
            Some((y, end)) => (Some(y as i32), end),
            None => (None, mend),
        };
        return Some((
            Part::Date(Date {
                year,
                month,
                day: Some(d),
                swappable: false,
            }),
            end,
            Some(lang),
        ));
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
                let after_day = ordinal(cx, k);
                let (year, end) = match year_after(cx, after_day) {
                    Some((y, end)) => (Some(y as i32), end),
                    None => (None, after_day),
                };
                return Some((
                    Part::Date(Date {
                        year,
                        month,
                        day: Some(d),
                        swappable: false,
                    }),
                    end,
                    Some(lang),
                ));
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

/// An amount at `i`: a number of up to three digits or a word such as `an`.
fn amount(cx: &Ctx, i: usize) -> Option<usize> {
    match cx.num(i) {
        Some((_, l)) if l <= 3 => Some(i + 1),
        Some(_) => None,
        None => cx.phrase(i, Kind::Count).map(|(end, _)| end),
    }
}

/// A unit of time at `i`, where `glued` says whether it touches the amount.
fn unit(cx: &Ctx, i: usize, glued: bool) -> Option<usize> {
    let (end, _) = cx.phrase(i, Kind::Unit)?;
    (glued || cx.raw(i).chars().count() > 1).then_some(end)
}

/// The unit after an amount ending at `i`: glued, after a space, or after an apostrophe (`un'ora`).
fn unit_after(cx: &Ctx, i: usize) -> Option<usize> {
    if cx.kind(i) == Some(Tk::Word) && i > 0 && cx.glued(i - 1) {
        return unit(cx, i, true);
    }
    if cx.kind(i) == Some(Tk::Space) || cx.is_punct(i, &['\'', '\u{2019}']) {
        return unit(cx, i + 1, false);
    }
    None
}

/// A relative time at `i`: `3 hours ago`, `vor 2 Stunden`, `il y a 2 heures`,
/// `час назад`; or a relative day (`yesterday`, `вчера`).
pub fn relative(cx: &Ctx, i: usize) -> Option<Found> {
    if let Some((bend, e)) = cx.phrase(i, Kind::Before) {
        let k = cx.skip_space(bend);
        if k > bend {
            if let Some(end) = amount(cx, k).and_then(|a| unit_after(cx, a)) {
                return Some((Part::Relative, end, Some(e.lang)));
            }
        }
    }
    let after_unit = match amount(cx, i) {
        Some(a) => unit_after(cx, a),
        None => unit(cx, i, false),
    };
    if let Some(u) = after_unit {
        let k = cx.skip_space(u);
        if let Some((end, e)) = cx.phrase(k, Kind::After) {
            if k > u || cx.kind(u) != Some(Tk::Word) {
                return Some((Part::Relative, end, Some(e.lang)));
            }
        }
    }
    if cx.num(i).is_none() {
        if let Some((end, e)) = cx.phrase(i, Kind::Day) {
            return Some((Part::Day(e.value), end, Some(e.lang)));
        }
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

/// A connector at `i`: a joining mark, a word such as `at` or `um`, or the `T`
/// of an ISO date-time.
pub fn connector(cx: &Ctx, i: usize) -> Option<usize> {
    if cx.is_punct(i, JOINERS) {
        return Some(i + 1);
    }
    if cx.raw(i) == "T"
        && i > 0
        && cx.glued(i - 1)
        && cx.glued(i)
        && cx.kind(i + 1) == Some(Tk::Num)
    {
        return Some(i + 1);
    }
    cx.phrase(i, Kind::Connector).map(|(end, _)| end)
}

/// One part at `i`, given the parts read so far.
fn part(cx: &Ctx, i: usize, items: &[Item]) -> Option<Found> {
    let after_time = items
        .iter()
        .rev()
        .find(|it| !matches!(it.part, Part::Connector | Part::Dash))
        .is_some_and(|it| matches!(it.part, Part::Clock(_)));
    relative(cx, i)
        .or_else(|| numeric_date(cx, i))
        .or_else(|| written_date(cx, i))
        .or_else(|| clock(cx, i))
        .or_else(|| zone(cx, i, after_time))
        .or_else(|| weekday(cx, i))
        .or_else(|| {
            cx.phrase(i, Kind::Prefix)
                .map(|(end, e)| (Part::Prefix, end, Some(e.lang)))
        })
}

/// The most parts without a date, time or relative time before a run gives up.
const MAX_LEADING: usize = 4;
/// The most connectors in a row.
const MAX_JOIN: usize = 4;

/// The stamp starting at token `i`, if one does.
pub fn stamp(cx: &Ctx, i: usize) -> Option<Stamp> {
    let mut items: Vec<Item> = Vec::new();
    let mut j = i;
    let mut joins = 0;
    let mut has_core = false;
    loop {
        let k = if items.is_empty() {
            j
        } else {
            cx.skip_space(j)
        };
        if k >= cx.toks.len() {
            break;
        }
        if let Some((part, end, lang)) = part(cx, k, &items) {
            if end <= k {
                break;
            }
            has_core |= part.is_core();
            items.push(Item {
                part,
                start: k,
                end,
                lang,
            });
            j = end;
            joins = 0;
            if !has_core && items.len() > MAX_LEADING {
                return None;
            }
            continue;
        }
        if !items.is_empty() && joins < MAX_JOIN {
            if let Some(end) = connector(cx, k) {
                let part = if cx.is_punct(k, DASHES) {
                    Part::Dash
                } else {
                    Part::Connector
                };
                items.push(Item {
                    part,
                    start: k,
                    end,
                    lang: None,
                });
                j = end;
                joins += 1;
                continue;
            }
        }
        break;
    }
    while items
        .last()
        .is_some_and(|it| matches!(it.part, Part::Connector | Part::Dash | Part::Prefix))
    {
        items.pop();
    }
    let core = items.iter().any(|it| it.part.is_core());
    core.then_some(Stamp { items })
}

/// Every stamp in the line, left to right, not overlapping.
pub fn stamps(cx: &Ctx) -> Vec<Stamp> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        let starts = matches!(cx.kind(i), Some(Tk::Num | Tk::Word));
        if starts {
            if let Some(s) = stamp(cx, i) {
                i = s.end().max(i + 1);
                out.push(s);
                continue;
            }
        }
        i += 1;
    }
    out
}
