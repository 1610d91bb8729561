//! # The `timestamps` pass
//!
//! **What it fixes.** Time and date stamps that a page template leaves in scraped
//! text, often glued to each other or to a widget label by a lost line break:
//! `04:44 GMT +320 February 2017` (the time `04:44 GMT +3` glued to the date
//! `20 February 2017`), `21:17 18.11.2019Get short URL`, `Updated 3 hours ago`,
//! `Published: 12 March 2019, 10:00 CET`, `вчера в 12:30`, `il y a 2 heures`.
//! A line that holds only stamp residue is removed with its line break; a stamp
//! glued to, or set beside, a short label at the edge of a line is cut from it
//! (the label is left for the `residue` pass). Every stamp removed is reported
//! in `stats.timestamps` with its text and, where it reads unambiguously, its
//! ISO 8601 date-time: the page's publication time is often exactly this.
//!
//! **What it never touches.** Dates and times inside sentences (`On September 27,
//! troops began...`, `the last train leaves at 23:05`); a line that is only a
//! date (`February 4, 2021`), which many pages keep as the article's dateline
//! (it is reported as a kept stamp); schedules (`9:30am - 10:15am`); reading
//! times (`8 min read`); words like `Updated` that no date or time follows.
//!
//! **Where its rules come from.** The formats news sites print in English,
//! Russian, German, French, Spanish, Portuguese and Italian; the word lists
//! (months, weekdays, prefixes, relative-time words, zones) are plain data in
//! `data/timestamps/`, from the Unicode CLDR and the IANA time zone database.
//!
//! The stages, one module each: [`token`] splits a line into tokens and cuts
//! glued ones, [`parse`] reads stamps from the tokens (with [`clock`], [`date`]
//! and [`relative`] reading their parts, and [`lexicon`] holding the word lists),
//! [`classify`] decides what is residue, [`iso`] reads what was found as ISO 8601. All are linear in the
//! line's length; there are no regular expressions.

pub mod classify;
pub mod clock;
pub mod date;
pub mod iso;
pub mod lexicon;
pub mod parse;
pub mod relative;
pub mod token;

use crate::edit::Timestamp;
use crate::options::Options;
use crate::report::Report;
use serde::Deserialize;

/// Settings of the `timestamps` pass.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TimestampsOptions {
    /// Remove lines that hold only timestamp residue.
    pub lines: bool,
    /// Cut stamps glued to, or set beside, a short label at the edge of a line.
    pub edges: bool,
}

impl Default for TimestampsOptions {
    fn default() -> Self {
        Self {
            lines: true,
            edges: true,
        }
    }
}

/// Lines longer than this with no digit cannot be stamp residue (a stamp with no
/// digit is a relative time such as `an hour ago`, on a short line).
const MAX_WORDY_LINE: usize = 80;

/// Lines longer than this are read only when a digit lies near one of their
/// edges: in a long line only a stamp at an edge can be residue.
const LONG_LINE: usize = 200;
/// How near an edge (in bytes) a digit must lie in a long line.
const EDGE: usize = 80;

/// The fast path: whether a line can hold stamp residue at all.
fn worth_reading(line: &str) -> bool {
    let bytes = line.as_bytes();
    let digit = |b: &[u8]| b.iter().any(u8::is_ascii_digit);
    if line.trim().is_empty() {
        false
    } else if bytes.len() > LONG_LINE {
        digit(&bytes[..EDGE]) || digit(&bytes[bytes.len() - EDGE..])
    } else {
        bytes.len() <= MAX_WORDY_LINE || digit(bytes)
    }
}

/// Runs the pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    let settings = &options.timestamps.settings;
    let allow = classify::Allow {
        lines: settings.lines,
        edges: settings.edges,
    };
    let lex = lexicon::lexicon();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let content = line.strip_suffix('\n').unwrap_or(line);
        if !worth_reading(content) {
            continue;
        }
        let toks = token::tokenize(content, lex);
        let cx = parse::Ctx {
            line: content,
            toks: &toks,
            lex,
        };
        let stamps = parse::stamps(&cx);
        if stamps.is_empty() {
            continue;
        }
        let verdict = classify::classify(&cx, &stamps, allow);
        if let Some(reason) = &verdict.whole {
            report.remove(start, start + line.len(), "stamp-line", reason.clone());
        }
        for cut in &verdict.cuts {
            report.remove(
                start + cut.start,
                start + cut.end,
                cut.rule,
                cut.reason.clone(),
            );
        }
        for (list, removed) in [(&verdict.removed, true), (&verdict.kept, false)] {
            for &k in list {
                if let Some(stamp) = stamps.get(k) {
                    record(&cx, stamp, start, removed, report);
                }
            }
        }
    }
}

/// Reports each timestamp a stamp holds.
fn record(
    cx: &parse::Ctx,
    stamp: &parse::Stamp,
    line_start: usize,
    removed: bool,
    report: &mut Report,
) {
    let day_first = iso::day_first(stamp);
    for (a, b) in iso::groups(stamp) {
        let items = &stamp.items[a..b];
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            continue;
        };
        let (Some(s), Some(e)) = (cx.tok(first.start), cx.tok(last.end - 1)) else {
            continue;
        };
        report.timestamp(Timestamp {
            start: line_start + s.start,
            end: line_start + e.end,
            text: cx.line[s.start..e.end].to_string(),
            iso: iso::iso(items, day_first),
            removed,
        });
    }
}

#[cfg(test)]
mod tests;
