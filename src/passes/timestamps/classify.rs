//! Decides, for one line, which of its stamps are residue.
//!
//! - **A line that holds only stamps** (with prefixes, connectors and marks such
//!   as `|`, `•`, brackets) is removed whole when one of its stamps is *strong*
//!   (a time, a relative time, or a date under a prefix). A line that holds only a
//!   date (`February 4, 2021`, `Tuesday, January 10`) is a dateline many pages
//!   keep as part of the article: it stays, and is reported as a kept stamp.
//!   Two times joined by a dash (`9:30am - 10:15am`) are a schedule and stay, and
//!   so does a dated note in parentheses under a caption (`(Published Monday,
//!   Feb. 5, 2021)`).
//! - **A stamp at the edge of a line** is cut when it cannot be part of a sentence:
//!   glued to a word with no space (`18.11.2019Get short URL`, `Читатель09:40 14.02.19`);
//!   or beside a short byline or label made of capitalised words, either after a
//!   separator (`By Jane Roe - 03/05/21 07:14 AM EST`) or after a space when the
//!   stamp has both a date and a time (`Jane Roe March 3, 2020 12:32`), or
//!   before a one- or two-word place tag after a comma (`… 2021 09:20, UK`).
//! - **Everything else stays**: `On September 27, troops began...`, `the last
//!   train leaves at 23:05`, `Updated figures released on Monday showed...`.

use super::lexicon::Kind;
use super::parse::{Ctx, Stamp, JOINERS};
use super::token::Tk;

/// Marks that separate a stamp from a byline or label beside it.
const SEPARATORS: &[char] = &['|', '/', '•', '·', '-', '–', '—', ';', '¦', '●', '∙', '‧'];
/// Marks that may stand on a stamp-only line besides the stamps.
const FILLER: &[char] = &['*', '>', '»', '«', '.', '~'];

/// One cut in a line: byte offsets into the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    pub reason: String,
}

/// What to do with one line.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Remove the whole line, for this reason.
    pub whole: Option<String>,
    /// Otherwise, cut these spans (sorted, not overlapping).
    pub cuts: Vec<Cut>,
    /// Indices of the stamps removed (by `whole` or `cuts`).
    pub removed: Vec<usize>,
    /// Indices of stamps kept but worth reporting (datelines).
    pub kept: Vec<usize>,
}

/// Which kinds of removal are allowed.
#[derive(Debug, Clone, Copy)]
pub struct Allow {
    pub lines: bool,
    pub edges: bool,
}

fn is_filler(cx: &Ctx, i: usize) -> bool {
    cx.kind(i) == Some(Tk::Space) || cx.is_punct(i, JOINERS) || cx.is_punct(i, FILLER)
}

/// The text of tokens `a..b`, for reasons.
fn text<'a>(cx: &Ctx<'a>, a: usize, b: usize) -> &'a str {
    match (cx.tok(a), b.checked_sub(1).and_then(|l| cx.tok(l))) {
        (Some(s), Some(e)) if s.start <= e.end => &cx.line[s.start..e.end],
        _ => "",
    }
}

/// Whether tokens `a..b` read as a short byline or label (`By Jane Roe`,
/// `Wire Service`, `Channel News`) rather than as a piece of a sentence.
fn name_like(cx: &Ctx, a: usize, b: usize, max_words: usize) -> bool {
    let mut words = 0;
    let mut last: Option<usize> = None;
    for i in a..b {
        match cx.kind(i) {
            Some(Tk::Word) => {
                words += 1;
                let raw = cx.raw(i);
                let capital = raw.chars().next().is_some_and(char::is_uppercase);
                let particle = cx
                    .word(i)
                    .is_some_and(|w| cx.lex.starting_with(w, Kind::Particle).next().is_some());
                let after_apostrophe =
                    i > a && cx.is_punct(i - 1, &['\'', '\u{2019}']) && cx.glued(i - 1);
                if !(capital || particle || after_apostrophe) {
                    return false;
                }
                last = Some(i);
            }
            Some(Tk::Num) => return false,
            Some(Tk::Punct) => {
                if cx.is_punct(i, &['!', '?', '"', '“', '”', '«', '»']) {
                    return false;
                }
                last = Some(i);
            }
            _ => {}
        }
    }
    if let Some(l) = last {
        if cx.is_punct(l, &['.'])
            && !(l > a && cx.raw(l - 1).chars().count() <= 3 && cx.kind(l - 1) == Some(Tk::Word))
        {
            return false;
        }
    }
    (1..=max_words).contains(&words)
}

/// The first token that is not a space.
fn first_content(cx: &Ctx) -> usize {
    (0..cx.toks.len())
        .find(|&i| cx.kind(i) != Some(Tk::Space))
        .unwrap_or(0)
}

/// The last token that is not a space.
fn last_content(cx: &Ctx) -> usize {
    (0..cx.toks.len())
        .rev()
        .find(|&i| cx.kind(i) != Some(Tk::Space))
        .unwrap_or(0)
}

/// Classifies a line's stamps.
pub fn classify(cx: &Ctx, stamps: &[Stamp], allow: Allow) -> Verdict {
    let mut v = Verdict::default();
    if stamps.is_empty() {
        return v;
    }
    let n = cx.toks.len();
    let mut covered = vec![false; n];
    for s in stamps {
        for c in covered.iter_mut().take(s.end().min(n)).skip(s.start()) {
            *c = true;
        }
    }
    let only_stamps = (0..n).all(|i| covered[i] || is_filler(cx, i));
    if only_stamps {
        // `(Published Monday, Feb. 5, 2021)` under a video or photo: a dated
        // note that belongs to its caption, not a template stamp.
        let caption_note = cx.is_punct(first_content(cx), &['('])
            && cx.is_punct(last_content(cx), &[')'])
            && !stamps.iter().any(|s| s.has_clock() || s.has_relative());
        if stamps.iter().any(Stamp::is_strong) && !caption_note {
            if allow.lines {
                let what: Vec<&str> = stamps
                    .iter()
                    .map(|s| text(cx, s.start(), s.end()))
                    .collect();
                v.whole = Some(format!(
                    "the line holds only the timestamp '{}'",
                    what.join("', '")
                ));
                v.removed = (0..stamps.len()).collect();
            } else {
                v.kept = (0..stamps.len()).collect();
            }
        } else {
            // Report a dateline only when it is a full calendar date: archive
            // links (`November 2015`) and list dates (`Nov 18`) are not worth it.
            v.kept = (0..stamps.len())
                .filter(|&k| stamps[k].has_full_date() && !stamps[k].is_time_range())
                .collect();
        }
        return v;
    }
    if !allow.edges {
        return v;
    }
    let first = (0..n).find(|&i| !is_filler(cx, i)).unwrap_or(0);
    let last = (0..n).rev().find(|&i| !is_filler(cx, i)).unwrap_or(0);
    let content_end = (0..n)
        .rev()
        .find(|&i| cx.kind(i) != Some(Tk::Space))
        .and_then(|i| cx.tok(i))
        .map_or(0, |t| t.end);
    let mut taken_to = 0;
    if let Some(s) = stamps.first().filter(|s| s.start() == first) {
        if let Some(cut) = start_cut(cx, s, last) {
            taken_to = cut.end;
            v.cuts.push(cut);
            v.removed.push(0);
        }
    }
    let li = stamps.len() - 1;
    if let Some(s) = stamps
        .last()
        .filter(|s| s.end() == last + 1 && !v.removed.contains(&li))
    {
        if let Some(cut) = end_cut(cx, s, first, content_end) {
            if cut.start >= taken_to {
                v.cuts.push(cut);
                v.removed.push(li);
            }
        }
    }
    v
}

/// A stamp at the start of a line with other text after it.
fn start_cut(cx: &Ctx, s: &Stamp, last: usize) -> Option<Cut> {
    let (a, e) = (s.start(), s.end());
    let start = cx.tok(a)?.start;
    let stamp = text(cx, a, e);
    if cx.kind(e) == Some(Tk::Word) && cx.glued(e - 1) && s.is_strong() {
        let end = cx.tok(e)?.start;
        return Some(Cut {
            start,
            end,
            rule: "glued-stamp",
            reason: format!("timestamp '{stamp}' glued to '{}'", cx.raw(e)),
        });
    }
    let mut k = cx.skip_space(e);
    let spaced = k > e;
    let separated = cx.is_punct(k, SEPARATORS);
    if separated {
        k = cx.skip_space(k + 1);
    }
    let rest_start = cx.tok(k)?.start;
    let rest = text(cx, k, last + 1);
    let cut = |rule| {
        Some(Cut {
            start,
            end: rest_start,
            rule,
            reason: format!("timestamp '{stamp}' at the start of the label '{rest}'"),
        })
    };
    if separated && s.is_strong() && name_like(cx, k, last + 1, 8) {
        return cut("edge-stamp");
    }
    // `Wednesday 20 November 2021 09:20, UK`: a place tag after a comma.
    if cx.is_punct(k, &[',']) && s.is_very_strong() {
        let tag = cx.skip_space(k + 1);
        if tag > k + 1 && name_like(cx, tag, last + 1, 2) {
            let end = cx.tok(tag)?.start;
            return Some(Cut {
                start,
                end,
                rule: "edge-stamp",
                reason: format!(
                    "timestamp '{stamp}' before the place tag '{}'",
                    text(cx, tag, last + 1)
                ),
            });
        }
    }
    if spaced && !separated && s.is_very_strong() && name_like(cx, k, last + 1, 4) {
        return cut("edge-stamp");
    }
    None
}

/// A stamp at the end of a line with other text before it.
fn end_cut(cx: &Ctx, s: &Stamp, first: usize, content_end: usize) -> Option<Cut> {
    let a = s.start();
    if a == 0 {
        return None;
    }
    let stamp = text(cx, a, s.end());
    if cx.kind(a - 1) == Some(Tk::Word) && cx.glued(a - 1) && s.is_strong() {
        let start = cx.tok(a)?.start;
        return Some(Cut {
            start,
            end: content_end,
            rule: "glued-stamp",
            reason: format!("timestamp '{stamp}' glued to '{}'", cx.raw(a - 1)),
        });
    }
    // Walk back over a space, a separator or a connector word, and a space.
    let mut k = a;
    let spaced = cx.kind(k - 1) == Some(Tk::Space);
    if spaced {
        k -= 1;
    }
    let mut separated = false;
    let mut connected = false;
    if k > 0 && (cx.is_punct(k - 1, SEPARATORS) || cx.is_punct(k - 1, &[','])) {
        separated = true;
        k -= 1;
    } else if spaced && k > 0 && cx.kind(k - 1) == Some(Tk::Word) {
        let w = k - 1;
        if cx
            .phrase(w, Kind::Connector)
            .is_some_and(|(end, _)| end == k)
        {
            connected = true;
            k = w;
        }
    }
    if (separated || connected) && k > 0 && cx.kind(k - 1) == Some(Tk::Space) {
        k -= 1;
    }
    if k <= first {
        return None;
    }
    let head = text(cx, first, k);
    let start = cx.tok(k)?.start;
    let cut = || {
        Some(Cut {
            start,
            end: content_end,
            rule: "edge-stamp",
            reason: format!("timestamp '{stamp}' at the end of the label '{head}'"),
        })
    };
    if separated && s.is_strong() && name_like(cx, first, k, 8) {
        return cut();
    }
    if spaced && !separated && s.is_very_strong() && name_like(cx, first, k, 5) {
        return cut();
    }
    None
}
