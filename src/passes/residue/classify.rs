//! Deciding which lines are furniture.
//!
//! The text is read in four zones:
//! - the **comment thread** (from its start to the end): removed whole;
//! - the **body** (see [`super::body`]): kept, except lines that the lexicons
//!   name as furniture (share bars, credits, ad labels, captions, repeated pull
//!   quotes, a "Related" heading with the headline list under it);
//! - the **head** before the body and the **tail** after it: removed whole when
//!   they show furniture (a lexicon hit or a run of labels), except the
//!   article's title; otherwise only their lexicon hits go.
//!
//! When in doubt a line stays: prose inside the body is never removed, and a
//! zone with no sign of furniture keeps everything but lines the lexicons name.

use super::author_box;
use super::body::{self, Body};
use super::island;
use super::lexicon::{Family, Hits};
use super::lines::Line;
use super::read_more;
use super::roundup;
use super::thread;
use super::ResidueOptions;
use std::collections::HashSet;

/// Why a line goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// The rule id.
    pub rule: &'static str,
    /// What the line is, for people.
    pub what: &'static str,
    /// The line is a list heading the lexicons know ("Related", "Tags"), which
    /// names the block it starts.
    pub heading: bool,
}

impl Removal {
    fn of(f: Family) -> Self {
        Removal {
            rule: f.rule(),
            what: f.describe(),
            heading: matches!(
                f,
                Family::RelatedList | Family::TagList | Family::CommentThread
            ),
        }
    }

    pub(super) fn plain(rule: &'static str, what: &'static str) -> Self {
        Removal {
            rule,
            what,
            heading: false,
        }
    }
}

/// The verdict on every line, and where the comment thread starts.
pub struct Verdicts {
    pub removals: Vec<Option<Removal>>,
    pub thread: Option<thread::Thread>,
    /// The article body, as line indices `start..end`.
    pub body: std::ops::Range<usize>,
}

/// A body lighter than this is no article: the whole text is judged as a body.
const MIN_BODY: f32 = 40.0;

/// Families that may name a lone label of one or two words inside the body
/// only when it stands in a run of labels: a single "Health" or "About" line
/// may be a heading.
fn needs_company(f: Family) -> bool {
    matches!(
        f,
        Family::Navigation | Family::Footer | Family::CookiePrompt
    )
}

fn prev_nonblank(lines: &[Line], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !lines[j].is_blank())
}

fn next_nonblank(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| !lines[j].is_blank())
}

/// Words of a date or a byline's time stamp that are not content words
/// ("Updated", "hours", "read", month and day names are short or few).
const MAX_DATE_WORDS: usize = 2;

/// A short line with figures that reads like a date or a time stamp ("March
/// 20, 2020", "5 min read", "Updated 3 hours ago", "2026-01-14"), not a
/// headline with a number in it ("10 Principles for Designing Good Schemas",
/// "5 Decluttering Tips"): a date line spells out a month, a day or a unit of
/// time, or writes the date in figures, and has at most [`MAX_DATE_WORDS`]
/// other words of four or more letters.
fn looks_like_date(line: &Line) -> bool {
    if line.words > 8 || !line.text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut calendar = has_figure_date(line.text);
    let mut content = 0;
    for w in line.text.split(|c: char| !c.is_alphabetic()) {
        if is_calendar_word(w) {
            calendar = true;
        } else if w.chars().count() >= 4 {
            content += 1;
        }
    }
    calendar && content <= MAX_DATE_WORDS
}

/// A date or a time in figures: two figures joined by `/`, `-`, `.` or `:`
/// ("2026-01-14", "12/03", "10:00").
fn has_figure_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-' | b'.' | b':') && w[2].is_ascii_digit()
    })
}

/// Month and weekday names and units of time of the languages the pass knows
/// (`data/residue/calendar.txt`), which a date line may spell out.
fn is_calendar_word(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let w = word.to_lowercase();
    CALENDAR
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .flat_map(|(_, words)| words.split_whitespace())
        .any(|c| w == c || (c.chars().count() >= 5 && w.starts_with(c)))
}

const CALENDAR: &str = include_str!("../../../data/residue/calendar.txt");

/// The article's title: the nearest headline-like line above the body. A line
/// right above a photo credit may be the photo's caption, with the headline
/// further up; it is the title only when no other headline-like line is there.
fn find_title(lines: &[Line], hits: &[Hits], body: &Body) -> Option<usize> {
    let mut seen = 0;
    let mut captioned: Option<usize> = None;
    // Above the body's first paragraph (a weak body may start at the top of the text).
    let mut i = (body.start..body.end)
        .find(|&k| lines[k].is_prose() && !is_headline(&lines[k]))
        .unwrap_or(body.start);
    while let Some(j) = prev_nonblank(lines, i) {
        i = j;
        seen += 1;
        if seen > 15 {
            break;
        }
        let l = &lines[j];
        if !hits[j].is_empty()
            || l.words <= 2
            || looks_like_date(l)
            || is_menu_bar(l.text)
            || is_spaced_bar(l.text)
        {
            continue;
        }
        if is_headline(l) {
            return Some(j);
        }
        if l.words > MAX_TITLE || (l.text.ends_with('.') && !l.text.ends_with("..")) || l.is_prose()
        {
            continue;
        }
        if captioned.is_none() && is_caption_before_credit(lines, hits, j) {
            captioned = Some(j);
            continue;
        }
        return Some(j);
    }
    captioned
}

/// A line of menu entries set apart by bars or bullets (`Home | World | Sport`).
fn is_menu_bar(text: &str) -> bool {
    text.matches(['|', '•', '·']).count() >= 2
}

/// Labels set apart by runs of spaces or tabs on one line (`Search the
/// archive  Search in PMC`): a row of widgets flattened into text, not a
/// headline, which a scraper never spaces out.
fn is_spaced_bar(text: &str) -> bool {
    text.split(['\t'])
        .flat_map(|s| s.split("  "))
        .filter(|s| !s.trim().is_empty())
        .count()
        >= 2
}

/// The longest title, in words: a longer line without a sentence end is a
/// menu glued into one line.
const MAX_TITLE: usize = 25;

/// A title-cased line that ends in a bracket or a question mark, not a full
/// stop ("The Secrets to Being a Working Mom (Without Losing It)"): a headline,
/// though its length and its end make it look like a sentence.
fn is_headline(line: &Line) -> bool {
    (10..=16).contains(&line.words) && line.caps_share >= 0.6 && line.text.ends_with([')', '?'])
}

/// Consecutive paragraphs of prose needed to keep a passage outside the body.
const MIN_PASSAGE: usize = 2;
/// ... and words in them.
const MIN_PASSAGE_WORDS: usize = 50;

/// Passages of running text outside the body: runs of [`MIN_PASSAGE`] or more
/// prose paragraphs ([`MIN_PASSAGE_WORDS`] words) with no lexicon hit (an article split by a table or a
/// gallery continues there; menus, footers and teaser lists have no such runs).
fn passages(lines: &[Line], hits: &[Hits], range: std::ops::Range<usize>) -> HashSet<usize> {
    let mut keep = HashSet::new();
    let mut run: Vec<usize> = Vec::new();
    let teasers: HashSet<usize> = body::teasers(lines).into_iter().collect();
    let mut flush = |run: &mut Vec<usize>| {
        let words: usize = run.iter().map(|&i| lines[i].words).sum();
        if run.len() >= MIN_PASSAGE && words >= MIN_PASSAGE_WORDS {
            keep.extend(run.iter().copied());
        }
        run.clear();
    };
    for i in range {
        let l = &lines[i];
        if l.is_blank() || l.code {
            continue;
        }
        if l.is_prose() && hits[i].is_empty() && !teasers.contains(&i) {
            run.push(i);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    keep
}

/// Headings that may end an article: "Related", "Tags", "Comments". (A share
/// bar or a newsletter box also sits between an article's sections.)
const ENDINGS: [Family; 3] = [Family::RelatedList, Family::TagList, Family::CommentCounter];

/// The fewest words of a line that counts as a paragraph going on after a
/// list heading; shorter sentences may be the list's headlines.
const MIN_PARAGRAPH: usize = 15;

/// Blurbs after a heading that make it a list of stories.
const MIN_BLURBS: usize = 2;

/// Ends the body at one of the [`ENDINGS`] when no two paragraphs follow each
/// other after it (and at least [`MIN_BLURBS`] single ones do): what comes after such a heading is a list of other stories
/// (headline, blurb, headline, blurb), not the article going on.
fn cut_at_list_heading(
    lines: &[Line],
    hits: &[Hits],
    weights: &[f32],
    body: &Body,
    limit: usize,
    teasers: &HashSet<usize>,
) -> usize {
    let mut before = 0.0f32;
    for r in body.start..body.end {
        before += weights[r].max(0.0);
        let heading =
            ENDINGS.iter().any(|&f| hits[r].has(f)) && lines[r].is_label() && lines[r].words <= 6;
        if !heading || before < MIN_BODY {
            continue;
        }
        let mut prev_prose = false;
        let mut two = false;
        // Blurbs of a "Read more" teaser list right after the body count too:
        // the body search has already left them out.
        let mut blurbs = (body.end..limit)
            .filter(|i| teasers.contains(i) && lines[*i].is_prose())
            .count();
        for l in lines[r + 1..body.end].iter().filter(|l| !l.is_blank()) {
            let prose = l.is_prose();
            // A headline written as a sentence ("Are stocks in a bubble? A
            // market update.") before its blurb is no paragraph of the article.
            if prose && prev_prose && l.words >= MIN_PARAGRAPH {
                two = true;
                break;
            }
            blurbs += usize::from(prose);
            prev_prose = prose && l.words >= MIN_PARAGRAPH;
        }
        if !two && blurbs >= MIN_BLURBS {
            return r;
        }
    }
    body.end
}

/// The longest list a colon may announce, in lines.
const MAX_ANNOUNCED: usize = 80;

/// Extends the body over the list its last line announces ("Tour dates:"): the
/// labels after it, up to the first lexicon hit or paragraph.
fn continue_announced_list(lines: &[Line], hits: &[Hits], body: &Body, limit: usize) -> usize {
    let Some(last) = (body.start..body.end).rev().find(|&i| !lines[i].is_blank()) else {
        return body.end;
    };
    if !lines[last].text.ends_with(':') {
        return body.end;
    }
    let mut end = body.end;
    for i in body.end..limit.min(body.end + MAX_ANNOUNCED) {
        let l = &lines[i];
        if l.is_blank() {
            continue;
        }
        if !hits[i].is_empty() || l.is_prose() {
            break;
        }
        end = i + 1;
    }
    end
}

/// The number that opens a list item: `7)`, `7.`, `7 -`, `#7`.
fn item_number(line: &Line) -> Option<u32> {
    let t = line.text.trim_start_matches('#');
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &t[digits.len()..];
    if rest.starts_with(')')
        || rest.starts_with(". ")
        || rest.starts_with(" -")
        || rest.starts_with(" –")
    {
        digits.parse().ok()
    } else {
        None
    }
}

/// Lines between two items of a numbered list that still count as one list.
const ITEM_GAP: usize = 4;

/// Extends the body over a numbered list it ends in: if the body's last item
/// is `7)`, the lines after it up to `8)`, `9)`... belong to the article too.
fn continue_numbered_list(lines: &[Line], start: usize, end: usize, limit: usize) -> usize {
    let Some(mut number) = (start..end).rev().find_map(|i| item_number(&lines[i])) else {
        return end;
    };
    let mut end = end;
    let mut since = 0;
    let mut i = end;
    while i < limit {
        if !lines[i].is_blank() {
            if item_number(&lines[i]) == Some(number + 1) {
                number += 1;
                since = 0;
                end = i + 1;
            } else {
                since += 1;
                if since > ITEM_GAP {
                    break;
                }
            }
        }
        i += 1;
    }
    // The last item takes the lines right under it (a link, a price), up to a blank line.
    let mut taken = 0;
    while end < limit && !lines[end].is_blank() && taken < 2 && item_number(&lines[end]).is_none() {
        end += 1;
        taken += 1;
    }
    end
}

/// A line that is furniture wherever it stands: a lexicon hit, a one- or
/// two-word label, or a title-cased headline.
fn is_hard_furniture(line: &Line, hits: Hits) -> bool {
    !line.is_blank()
        && (!hits.is_empty() || (line.is_label() && (line.words <= 2 || line.caps_share >= 0.75)))
}

/// A line written like a sentence or a list item, not like a label.
fn is_sentence_like(line: &Line) -> bool {
    line.code || (line.words >= 3 && line.caps_share < 0.5)
}

/// The lines between the body and the nearest hard furniture on that side:
/// the article's own lists and short lines that run on from the body.
fn grey_zone(
    lines: &[Line],
    hits: &[Hits],
    range: std::ops::Range<usize>,
    head: bool,
) -> HashSet<usize> {
    let hard = |i: &usize| is_hard_furniture(&lines[*i], hits[*i]);
    let zone: Vec<usize> = if head {
        let from = range
            .clone()
            .rev()
            .find(hard)
            .map_or(range.start, |h| h + 1);
        (from..range.end).collect()
    } else {
        let to = range.clone().find(hard).unwrap_or(range.end);
        (range.start..to).collect()
    };
    zone.into_iter().collect()
}

/// Whether a zone of lines shows page furniture.
fn shows_furniture(lines: &[Line], hits: &[Hits], range: std::ops::Range<usize>) -> bool {
    let mut labels = 0;
    for i in range {
        if !hits[i].is_empty() {
            return true;
        }
        if lines[i].is_label() {
            labels += 1;
            if labels >= 3 {
                return true;
            }
        }
    }
    false
}

fn zone_removal(line: &Line, hit: Hits, head: bool) -> Removal {
    if let Some(f) = hit.first() {
        return Removal::of(f);
    }
    if head {
        Removal::plain(
            "navigation",
            "navigation and header lines before the article",
        )
    } else if line.words >= 4 && !line.terminal && line.caps_share >= 0.5 {
        Removal::plain("related-list", "headline list after the article")
    } else {
        Removal::plain("footer", "page furniture after the article")
    }
}

/// A byline that names the author ("By Jane Roe"), as opposed to its
/// furniture ("Follow @janeroe", "More from this author").
fn is_byline_name(line: &Line, hits: Hits) -> bool {
    const FURNITURE: [&str; 9] = [
        "follow", "more", "view", "see", "all", "contact", "email", "about", "read",
    ];
    hits.first() == Some(Family::Byline)
        && !line.text.contains('@')
        && !FURNITURE
            .iter()
            .any(|w| line.key.split(' ').next() == Some(*w))
}

/// Judges every line.
pub fn classify(lines: &[Line], hits: &[Hits], options: &ResidueOptions) -> Verdicts {
    let n = lines.len();
    let mut removals: Vec<Option<Removal>> = vec![None; n];
    let weights = body::weights(lines, hits);
    let thread = if options.comment_threads {
        thread::find(lines, hits, &weights)
    } else {
        None
    };
    let limit = thread.as_ref().map_or(n, |t| t.line);
    let mut body = body::densest(&weights, limit);
    if body.score < MIN_BODY {
        body = Body {
            start: 0,
            end: limit,
            score: body.score,
        };
    }
    let read_more: HashSet<usize> = read_more::teasers(&lines[..limit]).into_iter().collect();
    body.end = cut_at_list_heading(lines, hits, &weights, &body, limit, &read_more);
    body.end = continue_numbered_list(lines, body.start, body.end, limit);
    body.end = continue_announced_list(lines, hits, &body, limit);

    // The thread.
    for r in removals.iter_mut().skip(limit) {
        *r = Some(Removal::of(Family::CommentThread));
    }

    // Head and tail.
    let title = if options.keep_title {
        find_title(lines, hits, &body)
    } else {
        None
    };
    for (range, head) in [(0..body.start, true), (body.end..limit, false)] {
        let strict = shows_furniture(lines, hits, range.clone());
        let passages = passages(lines, hits, range.clone());
        let grey = grey_zone(lines, hits, range.clone(), head);
        for i in range {
            if hits[i].is_strong() {
                removals[i] = Some(zone_removal(&lines[i], hits[i], head));
                continue;
            }
            if passages.contains(&i) || (grey.contains(&i) && is_sentence_like(&lines[i])) {
                continue;
            }
            let l = &lines[i];
            if l.is_blank() || Some(i) == title {
                continue;
            }
            if options.keep_bylines && is_byline_name(l, hits[i]) {
                continue;
            }
            if strict || (!hits[i].is_empty() && !l.is_prose()) {
                removals[i] = Some(zone_removal(l, hits[i], head));
            }
        }
    }

    // The body.
    furniture_runs(lines, hits, &body, &mut removals);
    if options.captions {
        repeated_captions(lines, &body, &mut removals);
    }
    let mut i = body.start;
    while i < body.end {
        let l = &lines[i];
        let h = hits[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        // A credit in brackets ("(Image credit: Wareable)") may look like code.
        if l.code && !h.has(Family::PhotoCredit) {
            i += 1;
            continue;
        }
        if l.is_prose() {
            let credited = h.has(Family::Caption) && l.words <= MAX_CAPTION;
            if options.captions && (credited || is_caption_before_credit(lines, hits, i)) {
                removals[i] = Some(Removal::of(Family::Caption));
            } else if is_author_bio(lines, hits, i) {
                removals[i] = Some(Removal::plain("byline", "author bio"));
            } else if let Some(f) = h.first().filter(|_| h.is_strong()) {
                removals[i] = Some(Removal::of(f));
            }
            i += 1;
            continue;
        }
        let Some(f) = h.first() else {
            if options.captions && is_caption_before_credit(lines, hits, i) {
                removals[i] = Some(Removal::of(Family::Caption));
            }
            i += 1;
            continue;
        };
        if options.keep_bylines && is_byline_name(l, h) {
            i += 1;
            continue;
        }
        if needs_company(f) && l.words <= 2 {
            let company = |j: Option<usize>| {
                j.is_some_and(|j| {
                    lines[j].is_label() && (j < body.start || j >= body.end || !hits[j].is_empty())
                })
            };
            if !(company(prev_nonblank(lines, i)) || company(next_nonblank(lines, i))) {
                i += 1;
                continue;
            }
        }
        removals[i] = Some(Removal::of(f));
        // A list heading takes the run of headlines or tags under it.
        if matches!(f, Family::RelatedList | Family::TagList) && l.words <= 6 {
            let mut j = i + 1;
            while j < body.end
                && (lines[j].is_blank() || (lines[j].is_label() && lines[j].words <= 20))
            {
                if !lines[j].is_blank() {
                    removals[j] = Some(Removal::of(f));
                }
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    cta_pitches(lines, hits, body.start..limit, &mut removals);
    for &i in &read_more {
        if removals[i].is_none() {
            removals[i] = Some(Removal::plain(
                "related-list",
                "teaser list closed by 'Read more' links",
            ));
        }
    }
    roundup::strip(lines, &mut removals, limit, title);
    author_box::strip(
        lines,
        hits,
        &mut removals,
        limit,
        title,
        options.keep_bylines,
    );
    island::strip(lines, hits, &mut removals, limit, title);
    if let Some(t) = title {
        removals[t] = None;
    }
    Verdicts {
        removals,
        thread,
        body: body.start..body.end,
    }
}

/// Inside the body, a run of labels that is mostly lexicon hits is a menu or a
/// widget: it goes whole. (A run of title-cased lines is not enough: tour
/// dates, place names and product lists look the same.)
fn furniture_runs(lines: &[Line], hits: &[Hits], body: &Body, removals: &mut [Option<Removal>]) {
    let min_run = 3;
    let mut i = body.start;
    while i < body.end {
        let item = |l: &Line| l.is_label() || is_counted_label(l);
        if !item(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut n = 0;
        let mut hit = 0;
        let mut words = 0;
        let mut last = i;
        while j < body.end && (lines[j].is_blank() || item(&lines[j])) {
            if !lines[j].is_blank() {
                n += 1;
                last = j;
                if !hits[j].is_empty() || is_counted_label(&lines[j]) {
                    hit += 1;
                }
                words += lines[j].words;
            }
            j += 1;
        }
        // A long run of short links with a few the lexicons know is a footer's menu.
        let long_menu = n >= LONG_MENU && words <= n * MENU_ITEM_WORDS && hit >= LONG_MENU_HITS;
        let menu = n >= min_run && (hit * 2 >= n || long_menu);
        if menu {
            for k in i..=last {
                if !lines[k].is_blank() && removals[k].is_none() {
                    removals[k] = Some(match hits[k].first() {
                        Some(f) => Removal::of(f),
                        None => Removal::of(Family::Navigation),
                    });
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The longest line of a call to action's pitch, in words.
const MAX_PITCH: usize = 15;
/// The longest button of a call to action, in words.
const MAX_BUTTON: usize = 4;

/// A call-to-action box in the body or after it: a button ("Request a demo",
/// "Download our guide") takes the short line or two of pitch right above it
/// ("Engage more customers by tracking the right metrics."). The second line
/// goes only when a label stands above it too, or when the two are a heading
/// and a strapline, so an article's list that ends in a button keeps its items.
fn cta_pitches(
    lines: &[Line],
    hits: &[Hits],
    range: std::ops::Range<usize>,
    removals: &mut [Option<Removal>],
) {
    let pitch = |j: usize| {
        let l = &lines[j];
        j >= range.start
            && hits[j].is_empty()
            && !l.code
            && l.words <= MAX_PITCH
            && !l.text.ends_with(':')
            && item_number(l).is_none()
    };
    for i in range.clone() {
        let l = &lines[i];
        // A button the judging kept (a lone "Learn more" after a list) is
        // no box; and a pitch goes only with its button, so that judging the
        // rest again cannot take the lines above one by one.
        if !hits[i].has(Family::Promotion)
            || !l.is_label()
            || l.words > MAX_BUTTON
            || removals[i].is_none()
        {
            continue;
        }
        let Some(a) = prev_nonblank(lines, i).filter(|&a| pitch(a)) else {
            continue;
        };
        removals[a] = Some(Removal::plain("promotion", "call to action's pitch"));
        if let Some(b) = prev_nonblank(lines, a).filter(|&b| pitch(b)) {
            let boxed = if b + 1 < a {
                prev_nonblank(lines, b).is_some_and(|c| lines[c].is_label())
            } else {
                // A heading and its strapline right on top of each other.
                lines[a].is_label() && lines[b].is_label() && !lines[b].terminal
            };
            if boxed {
                removals[b] = Some(Removal::plain("promotion", "call to action's pitch"));
            }
        }
    }
}

/// Lines of a long menu inside the body, its items' words on average at
/// most, and the items of it the lexicons must know.
const LONG_MENU: usize = 8;
const MENU_ITEM_WORDS: usize = 3;
const LONG_MENU_HITS: usize = 3;

/// A category or archive link with its count of posts ("Small Business Tips (306)").
fn is_counted_label(line: &Line) -> bool {
    let Some(inner) = line
        .text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, n)| n)
    else {
        return false;
    };
    line.words <= 6 && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

/// The shortest line taken for a repeated caption (headings repeat a table of contents).
const MIN_CAPTION_WORDS: usize = 15;

/// How far back (in non-blank lines) a repeated caption may have stood.
const REPEAT_WINDOW: usize = 30;

/// A long line repeated within a few lines of a copy that stays (a photo's
/// caption shown under the photo and again in the gallery) goes the second time. Questions are left
/// alone: an interview asks each guest the same ones.
fn repeated_captions(lines: &[Line], body: &Body, removals: &mut [Option<Removal>]) {
    // Distances count non-blank lines, which the `whitespace` pass never changes.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut ordinal = 0usize;
    for (i, l) in lines.iter().enumerate().take(body.end) {
        if l.is_blank() {
            continue;
        }
        ordinal += 1;
        if l.words < MIN_CAPTION_WORDS
            || l.text.ends_with('?')
            || l.code
            || item_number(l).is_some()
        {
            continue;
        }
        if removals[i].is_some() {
            continue;
        }
        if let Some(&j) = seen.get(l.text) {
            if i >= body.start && ordinal - j <= REPEAT_WINDOW {
                removals[i] = Some(Removal::plain(
                    "caption",
                    "caption repeated from a few lines above",
                ));
                continue;
            }
        }
        seen.insert(l.text, ordinal);
    }
}

/// The longest caption, in words.
const MAX_CAPTION: usize = 45;

/// The longest author bio, in words.
const MAX_BIO: usize = 80;

/// A paragraph right above an author's links ("Follow @jane", "More from this
/// author") or right under "About the author" is the author's bio.
fn is_author_bio(lines: &[Line], hits: &[Hits], i: usize) -> bool {
    if lines[i].words > MAX_BIO {
        return false;
    }
    let furniture = |j: usize| hits[j].has(Family::Byline) && !is_byline_name(&lines[j], hits[j]);
    let heading = |j: usize| hits[j].has(Family::Byline) && lines[j].key.starts_with("about the");
    next_nonblank(lines, i).is_some_and(furniture) || prev_nonblank(lines, i).is_some_and(heading)
}

/// A line right above a photo credit is the photo's caption.
fn is_caption_before_credit(lines: &[Line], hits: &[Hits], i: usize) -> bool {
    let Some(j) = next_nonblank(lines, i) else {
        return false;
    };
    let l = &lines[i];
    hits[j].has(Family::PhotoCredit)
        && (2..=12).contains(&lines[j].words)
        && l.words <= MAX_CAPTION
        && j == i + 1
}

#[cfg(test)]
mod tests {
    use super::super::{lexicon, lines};
    use super::*;

    fn removed(text: &str) -> Vec<String> {
        let ls = lines::split(text);
        let hs: Vec<_> = ls
            .iter()
            .map(|l| lexicon::lookup(&l.key, l.words))
            .collect();
        let v = classify(&ls, &hs, &ResidueOptions::default());
        ls.iter()
            .zip(&v.removals)
            .filter(|(_, r)| r.is_some())
            .map(|(l, _)| l.text.to_string())
            .collect()
    }

    #[test]
    fn a_headline_right_above_a_credit_is_the_title_when_nothing_else_is() {
        let text = "Home | World | Business | Sport\n\nHarbour cafe reopens after the flood\n\u{a9} Reuters / Jo Blake\nGet short URL\n\nThe harbour cafe in Porto reopened on Friday, three months after the river flooded the old town, its owner said.\n\nThe city council paid for new windows and doors, and the owner thanked the neighbours who helped clear the mud.\n";
        let gone = removed(text);
        assert!(
            !gone.iter().any(|l| l.starts_with("Harbour")),
            "should keep the headline, removed {gone:?}"
        );
        assert!(
            gone.iter().any(|l| l.starts_with("Home |")),
            "should remove the menu bar, removed {gone:?}"
        );
    }

    #[test]
    fn the_title_is_not_the_caption_above_a_credit() {
        let text = "Menu\nSearch\n\nBarges return to the Rhine as the river rises again\nCargo ships loaded at Duisburg on Tuesday morning\n\u{a9} Reuters / Marta Lindqvist\nGet short URL\n\nShipping on the Rhine resumed at full load this week after three weeks in which barges could carry only a third of their usual cargo, port authorities said.\n\nThe gauge at Kaub, the shallowest stretch between Mainz and Koblenz, rose above 1.20 metres on Monday evening for the first time since mid-February.\n";
        let gone = removed(text);
        assert!(
            !gone.iter().any(|l| l.starts_with("Barges return")),
            "should keep the headline, removed {gone:?}"
        );
        assert!(
            gone.iter().any(|l| l.starts_with("Cargo ships")),
            "should remove the caption above the credit, removed {gone:?}"
        );
    }

    #[test]
    fn a_numbered_list_that_runs_past_the_body_stays() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let mut text = format!("Home\nNews\nSport\n{para}\n{more}\n");
        for n in 1..=3 {
            text.push_str(&format!(
                "{n}) Boxed set number {n}, which has every episode of the first series on twelve discs.\nexample.com/item{n}\n\n"
            ));
        }
        for n in 4..=8 {
            text.push_str(&format!(
                "{n}) Boxed set number {n}\nexample.com/item{n}\n\n"
            ));
        }
        text.push_str("About us\nContact\n");
        let gone = removed(&text);
        assert!(
            gone.iter().all(|l| !l.contains("Boxed set")),
            "should keep every list item: {gone:?}"
        );
        assert!(
            gone.contains(&"About us".to_string()),
            "should still drop the footer: {gone:?}"
        );
    }

    #[test]
    fn strong_furniture_goes_even_as_prose_in_the_body() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let promo = "The Weekly Ledger is a reader-supported publication, so consider becoming a free or paid subscriber today.";
        let last = "Prices go back up on Monday morning, and the shops say they will not run another sale like it before the holidays.";
        let text = format!("{para}\n\n{promo}\n\n{more}\n\n{last}\n");
        let ls = lines::split(&text);
        let hs: Vec<_> = ls
            .iter()
            .map(|l| {
                let mut h = lexicon::lookup(&l.key, l.words);
                h.union(lexicon::lookup_strong(&l.key, l.words));
                h
            })
            .collect();
        let v = classify(&ls, &hs, &ResidueOptions::default());
        let gone: Vec<_> = ls
            .iter()
            .zip(&v.removals)
            .filter(|(_, r)| r.is_some())
            .map(|(l, _)| l.text)
            .collect();
        assert_eq!(gone, [promo], "should drop only the subscription prompt");
    }

    #[test]
    fn a_bracketed_credit_is_not_code() {
        let text = "Menu\nSearch\n\nThe shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.\n(Image credit: Bay News)\nMost of them are boxed sets, and a few are toys that were first sold when the shows were on television.\n";
        let gone = removed(text);
        assert!(
            gone.iter().any(|l| l.starts_with("(Image credit")),
            "should drop the credit, removed {gone:?}"
        );
    }

    #[test]
    fn a_bracketed_headline_is_the_title_not_the_glued_menu_above() {
        let text = "Cart 0\nShop\nCart 0\nMeet the Team Our Story Free Guides Blog Course Login Learn With Us Free Quiz: Which Plant Suits Your Flat? Gift Cards Contact Press Careers Wholesale Stockists Help\nHow to Keep Your Houseplants Alive Through the Winter (Without Trying Hard)\nThe shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.\n\nMost of them are boxed sets, and a few are toys that were first sold when the shows were on television.\n";
        let gone = removed(text);
        assert!(
            gone.iter().any(|l| l.starts_with("Meet the Team")),
            "should drop the glued menu, removed {gone:?}"
        );
        assert!(
            !gone.iter().any(|l| l.starts_with("How to Keep")),
            "should keep the headline, removed {gone:?}"
        );
    }

    #[test]
    fn a_footer_menu_and_a_category_list_in_the_body_go() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let menu = "Why Us\nSecurity\nCommunity impact\nNews and views\nOur blog\nPress room\nAbout us\nOur history\nCareers\nHelp\n";
        let cats = "Garden Tips (306)\nraised beds (304)\nhouseplants (270)\n";
        let text = format!("{para}\n{cats}{more}\n{menu}{para} Again.\n");
        let gone = removed(&text);
        for l in [
            "Security",
            "Press room",
            "Garden Tips (306)",
            "houseplants (270)",
        ] {
            assert!(
                gone.iter().any(|g| g == l),
                "should drop {l}, removed {gone:?}"
            );
        }
        assert!(
            !gone.iter().any(|g| g.starts_with("Most of them")),
            "should keep the prose, removed {gone:?}"
        );
    }

    #[test]
    fn a_call_to_action_takes_its_pitch() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let text = format!("{para}\n\nGrow your shop with better prices.\n\nRequest a demo\n\n{more}\n\n{para} Again.\n");
        let gone = removed(&text);
        assert!(
            gone.iter().any(|l| l.starts_with("Grow your shop")),
            "should drop the pitch above the button, removed {gone:?}"
        );
        assert!(
            !gone.iter().any(|l| l.starts_with("The shops")),
            "should keep the paragraph above the pitch, removed {gone:?}"
        );
    }

    #[test]
    fn tells_date_lines_from_numbered_headlines() {
        let ls = lines::split("March 20, 2020\n5 min read\nUpdated 3 hours ago\n18 января 2024\n2026-01-14·min read\n10 Principles for Designing Good Garden Beds\n5 Raised Bed Tips\n");
        let d: Vec<_> = ls.iter().map(looks_like_date).collect();
        assert_eq!(
            d,
            [true, true, true, true, true, false, false],
            "should take stamps for dates and a numbered headline for none"
        );
    }

    #[test]
    fn a_numbered_headline_is_the_title_not_the_glued_menu_above() {
        let text = "Docs\nPricingBlog\nGitHubTalk to usLogin\nBlogLearn\n7 Ways to Keep Your Garden Green\nMay 3, 2024\n\nThe shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.\n\nMost of them are boxed sets, and a few are toys that were first sold when the shows were on television.\n";
        let gone = removed(text);
        assert!(
            !gone.iter().any(|l| l.starts_with("7 Ways")),
            "should keep the numbered headline, removed {gone:?}"
        );
        assert!(
            gone.iter().any(|l| l.starts_with("GitHubTalk")),
            "should drop the glued menu, removed {gone:?}"
        );
    }

    #[test]
    fn a_spaced_row_of_widgets_is_no_title() {
        assert!(
            is_spaced_bar("Search the archive  Search in Journals"),
            "should see two widgets apart by spaces"
        );
        assert!(
            !is_spaced_bar("Harbour cafe reopens after the flood"),
            "should not see a headline as a row of widgets"
        );
    }

    #[test]
    fn a_call_to_action_after_the_article_takes_its_pitch() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let text = format!("{para}\n\n{more}\n\n{para} Again.\n\nHow to start a garden club\nTen plants for shady beds\nReady to plan a garden club of your own?\nBook a demo\nAbout us\nContact\n");
        let gone = removed(&text);
        assert!(
            gone.iter().any(|l| l.starts_with("Ready to plan")),
            "should drop the pitch above the button, removed {gone:?}"
        );
        assert!(
            !gone
                .iter()
                .any(|l| l.starts_with("The shops") || l.starts_with("How to start")),
            "should keep the article and its list, removed {gone:?}"
        );
    }

    #[test]
    fn a_list_of_stories_with_sentence_headlines_ends_the_article() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let blurb = "Dealers say that prices for the first editions have doubled in five years, and that younger buyers are now driving the market.";
        let text = format!("{para}\n\n{more}\n\n{para} Again.\n\nExplore more articles.\nAre comic books a good investment? A 2024 market update.\n\n{blurb}\n\nMar 6th 2024 4 Min Read\nShould you insure your old collection? A guide for beginners.\n\n{blurb} Still.\n\nFeb 2nd 2024 6 Min Read\n");
        let gone = removed(&text);
        assert!(
            gone.iter().any(|l| l.starts_with("Dealers say")),
            "should drop the blurbs of the list, removed {gone:?}"
        );
        assert!(
            !gone.iter().any(|l| l.starts_with("Most of them")),
            "should keep the article, removed {gone:?}"
        );
    }

    #[test]
    fn paragraphs_after_a_related_link_stay() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television, more than thirty years ago.";
        let text = format!("{para}\n\n{more}\n\nRelated\nToy shops close across the region\n\n{more} Again.\n\n{para} Still.\n\nThe sale ends on Sunday at six in the evening, and the shops say there will be no second round this year.\n");
        let gone = removed(&text);
        assert!(
            gone.iter().all(|l| !l.ends_with('.')),
            "should keep every paragraph, removed {gone:?}"
        );
    }

    #[test]
    fn short_paragraphs_after_a_related_link_stay() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television, more than thirty years ago.";
        let short = [
            "The sale starts at nine on Saturday morning in every branch.",
            "Queues formed outside the largest shop before dawn last year.",
            "Staff will hand out numbered tickets to the first hundred people.",
            "The shops say there will be no second round of discounts.",
            "Online orders open an hour later, at ten in the morning.",
        ]
        .join("\n\n");
        let text = format!("{para}\n\n{more}\n\nRelated\nToy shops close across the region\n\n{short}\n\nAbout us\nContact\n");
        let gone = removed(&text);
        assert!(
            gone.iter().all(|l| !l.ends_with('.')),
            "should keep every paragraph, removed {gone:?}"
        );
    }

    #[test]
    fn a_kept_button_takes_no_pitch() {
        let para = "The shops have cut their prices for the weekend, and these are the offers we liked best for fans of old cartoons and games.";
        let more = "Most of them are boxed sets, and a few are toys that were first sold when the shows were on television.";
        let text = format!("{para}\n\n{more}\n\nPricing options\n\nBasic: $9.99 a month\n\nFamily: $19.99 a month\n\nLearn more\n\n{para} Again.\n\n{more} Again.\n");
        let gone = removed(&text);
        assert!(
            !gone
                .iter()
                .any(|l| l.contains("a month") || l.starts_with("Pricing")),
            "should keep the price list above a kept link, removed {gone:?}"
        );
    }

    #[test]
    fn reads_item_numbers() {
        let ls = lines::split("7) Seven\n12. Twelve items\n2019 was a year\n#3 - Third\n");
        let n: Vec<_> = ls.iter().map(item_number).collect();
        assert_eq!(
            n,
            [Some(7), Some(12), None, Some(3)],
            "should read list numbers, not years"
        );
    }
}
