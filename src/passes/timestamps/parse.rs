//! Reads stamps from a line's tokens.
//!
//! A stamp is a run of *parts* joined by connectors ([`super::clock`],
//! [`super::date`] and [`super::relative`] read the parts):
//! - clock times: `10:00`, `9:12 am`, `11:47am`, `1:35 a.m.`, `17:27:46`, `10h00`,
//!   `10.30 Uhr`, `16.25 GMT`, `6.30pm`, `10 Uhr`, `5 PM`, and four-digit times before a zone (`0745 GMT`);
//! - time zones, names and offsets: `GMT +3`, `EST`, `UTC+03:00`, `+0300`, `Z`;
//! - numeric dates: `29.09.2016`, `11/13/19`, `2019-11-18`, `2021.06.30`, with ISO
//!   date-times (`2019-03-12T10:00:00Z`);
//! - written dates: `20 February 2017`, `Feb. 4, 2021`, `November 19th, 2019`,
//!   `12. März 2019`, `22 de janeiro de 2018`, `12 марта 2019 г.`, `November 2015`;
//! - weekday names: `Mon`, `Tuesday`, `segunda-feira`, `понедельник`;
//! - relative times: `3 hours ago`, `5H ago`, `vor 2 Stunden`, `il y a 2 heures`,
//!   `hace una hora`, `há 2 horas`, `2 ore fa`, `5 минут назад`, and days named
//!   relative to today (`yesterday`, `вчера`) which count only beside a time;
//! - prefixes: `Updated`, `Published`, `Опубликовано`, `Aktualisiert`, `Publié`...;
//! - connectors: `at`, `on`, `um`, `à`, `às`, `alle`, `в`, and `, | / • · - – — ; @ ( ) [ ] :`.
//!
//! Every part reads a bounded number of tokens, and a run gives up after a few
//! parts with no date, time or relative time in them, so reading a line is linear.

use super::clock::{clock, zone};
use super::date::{numeric_date, weekday, written_date};
use super::lexicon::{Entry, Kind, Lang, Lexicon};
use super::relative::relative;
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
    /// Two times joined by a dash (`9:30am - 10:15am`, `7:05-7:40ish`), or
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
            if ok && best.is_none_or(|(end, _)| j > end) {
                best = Some((j, e));
            }
        }
        best
    }
}

/// A part found: the part, the token after it, and the language its words are in.
pub type Found = (Part, usize, Option<Lang>);

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
