//! Lines written wholly in capitals (shouted paragraphs, headlines, datelines)
//! and documents written wholly in lower case, recased to sentence case; a
//! shouted heading goes to title case instead where the document writes its
//! other headings in title case.
//!
//! Each word takes the form the document gives it elsewhere, in mixed-case text
//! (`KERRY` becomes `Kerry` when the text writes `Kerry`, `NATO` stays when the
//! text writes `NATO`); failing that, the form the lexicon gives it (`ALEPPO` to
//! `Aleppo`, `FBI` kept, `THE` to `the`); the first word of each sentence is
//! capitalised.
//!
//! A capital heading kept as the page's style that has a word or two in lower
//! case (`STEP BY STEP process`, a machine translation's slip) gets them in
//! capitals too.
//!
//! **Never touched**: short capital lines that are a page's own style (`FAQ`,
//! `CONCLUSION`, `US FALLS`: lines without a full stop unless long, see
//! [`MIN_WORDS`]), lines that look like code or constants (`CREATED_AT`,
//! `PORT=8080`, `let user_id = 1;`, in lower-case texts too), words glued to
//! digits or symbols (`U.S.`, `COVID-19`), and lower-case text that has any
//! capital letter (a writer's own choice, such as a poem or a handle).

use super::evidence::{key, Evidence};
use super::lexicon::{Class, Lexicon};
use super::words::{words, Position, Shape, Word};
use crate::options::Options;
use crate::report::Report;

/// Fewest words a capital line that ends a sentence (`.`, `!`) needs before it is recased.
pub const MIN_WORDS: usize = 3;
/// Fewest words a capital line needs before it is recased whatever its end
/// (shorter lines without a full stop are headings: `WHY IS IT IMPORTANT?`).
pub const MIN_WORDS_UNPUNCTUATED: usize = 16;
/// Fewest words a short capital line without a full stop needs before it is
/// recased in a document whose other short lines are mixed case.
pub const MIN_WORDS_SHORT: usize = 2;
/// Fewest words a document needs before an all-lower-case text is recased.
const MIN_LOWER_DOC_WORDS: usize = 12;

/// Words that title case leaves in lower case (articles, conjunctions and
/// prepositions): `Best Alternatives to Figma`, `Living with Less` (sorted).
pub const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "from", "if", "in", "into", "nor",
    "of", "off", "on", "onto", "or", "over", "per", "so", "than", "the", "to", "up", "upon", "v",
    "via", "vs", "with", "yet",
];

/// For each line of `text`, whether it is written in capitals: two or more
/// words in capitals and no lower-case letter.
pub fn caps_lines(text: &str, ws: &[Word]) -> Vec<bool> {
    let lines = text.split('\n').count();
    let mut upper = vec![0u32; lines];
    let mut lower = vec![false; lines];
    for (i, l) in text.split('\n').enumerate() {
        lower[i] = l.chars().any(|c| c.is_lowercase());
    }
    for w in ws {
        if w.shape == Shape::Upper {
            if let Some(u) = upper.get_mut(w.line) {
                *u += 1;
            }
        }
    }
    (0..lines).map(|i| upper[i] >= 2 && !lower[i]).collect()
}

/// For each line of `text`, whether it is written in capitals but for a word
/// or two in lower case (`STEP BY STEP process FOR TRAINING`): at least three
/// words of two letters or more in capitals, three times as many as those in
/// lower case, and none merely capitalised. Machine translation lowers words
/// of a capital heading as it lowers names; a writer who shouts a line shouts
/// all of it.
pub fn nearly_caps_lines(text: &str, ws: &[Word]) -> Vec<bool> {
    let n = text.split('\n').count();
    let (mut upper, mut lower, mut other) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
    for w in ws {
        let single = w.text(text).chars().nth(1).is_none(); // `A`, `I`: either
        let count = match w.shape {
            _ if single => continue,
            Shape::Upper => &mut upper,
            Shape::Lower => &mut lower,
            Shape::Cap | Shape::Mixed => &mut other,
        };
        if let Some(c) = count.get_mut(w.line) {
            *c += 1;
        }
    }
    (0..n)
        .map(|i| upper[i] >= 3 && lower[i] >= 1 && other[i] == 0 && upper[i] >= 3 * lower[i])
        .collect()
}

/// For each line of `text`, whether it is written in title case (`Best Free
/// Alternatives to Figma`): its capitals are the page's style, not a name's, so
/// its words neither count as evidence nor get re-cased. A line counts when
/// common words (not names) of four letters or more after its first word are
/// mostly capitalised.
pub fn title_lines(text: &str, ws: &[Word], lexicon: &Lexicon) -> Vec<bool> {
    title_counts(text, ws, lexicon)
        .iter()
        .map(|c| c.titled())
        .collect()
}

/// For one line: its words, and of its common words (not names) of four
/// letters or more after the first word, how many are capitalised and how
/// many in lower case.
#[derive(Debug, Default, Clone, Copy)]
pub struct TitleCounts {
    pub words: u32,
    pub cap: u32,
    pub low: u32,
}

impl TitleCounts {
    /// Whether the line is written in title case: such words mostly capitalised.
    pub fn titled(&self) -> bool {
        (self.cap >= 3 && self.cap >= 2 * self.low)
            || (self.words <= 12 && self.cap >= 2 && self.cap > self.low)
    }
}

/// [`TitleCounts`] of each line of `text`.
pub fn title_counts(text: &str, ws: &[Word], lexicon: &Lexicon) -> Vec<TitleCounts> {
    title_counts_by(text, ws, |i| {
        let k = key(ws[i].text(text));
        !lexicon.is_function_word(&k) && lexicon.class(&k) == Class::Common
    })
}

/// [`TitleCounts`] of each line of `text`, where `common(i)` says whether word
/// `i` is a common word and no function word (for callers that know already).
pub fn title_counts_by(
    text: &str,
    ws: &[Word],
    common: impl Fn(usize) -> bool,
) -> Vec<TitleCounts> {
    let lines = text.split('\n').count();
    let mut out = vec![TitleCounts::default(); lines];
    for (i, w) in ws.iter().enumerate() {
        let Some(c) = out.get_mut(w.line) else {
            continue;
        };
        c.words += 1;
        if w.position == Position::LineStart || w.opaque || w.end - w.start < 4 || !common(i) {
            continue;
        }
        match w.shape {
            Shape::Cap | Shape::Mixed => c.cap += 1,
            Shape::Lower => c.low += 1,
            Shape::Upper => {}
        }
    }
    out
}

/// Lines whose casing is a style: capitals or title case.
pub fn styled_lines(text: &str, ws: &[Word], lexicon: &Lexicon) -> Vec<bool> {
    let caps = caps_lines(text, ws);
    let titles = title_lines(text, ws, lexicon);
    caps.iter().zip(&titles).map(|(a, b)| *a || *b).collect()
}

fn capitalise(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut chars = w.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    out.extend(chars.flat_map(char::to_lowercase));
    out
}

/// Where a chosen form came from, for the edit's reason.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Document,
    Lexicon,
    Plain,
}

/// The form a word takes in sentence case, ignoring its position.
fn base_form(
    k: &str,
    ev: Option<&Evidence>,
    lexicon: &Lexicon,
    unknown_cap: bool,
) -> (String, Source) {
    if let Some(m) = lexicon.mixed_form(k) {
        return (m.to_string(), Source::Lexicon);
    }
    if k == "i" {
        return ("I".to_string(), Source::Plain);
    }
    if let Some(ev) = ev {
        if let Some(m) = ev.mixed_form(k) {
            return (m.to_string(), Source::Document);
        }
        let c = ev.word(k);
        let up = ev.upper_anywhere(k);
        if up > 0 && up >= c.lower + c.cap && k.chars().count() > 1 {
            return (k.to_uppercase(), Source::Document);
        }
        if c.cap > c.lower {
            return (capitalise(k), Source::Document);
        }
        if c.lower > 0 {
            return (k.to_string(), Source::Document);
        }
    }
    match lexicon.class(k) {
        Class::Acronym => (
            lexicon
                .acronym_form(k)
                .map_or_else(|| k.to_uppercase(), str::to_string),
            Source::Lexicon,
        ),
        Class::Proper => (capitalise(k), Source::Lexicon),
        Class::Unknown if unknown_cap && k.chars().count() > 1 => (capitalise(k), Source::Lexicon),
        _ => (k.to_string(), Source::Plain),
    }
}

/// Recases the words of one line; returns the edit span, its text and reason.
fn recase_line(
    text: &str,
    line_words: &[&Word],
    ev: Option<&Evidence>,
    lexicon: &Lexicon,
    unknown_cap: bool,
    title: bool,
) -> Option<(usize, usize, String, usize, usize)> {
    let mut first_change: Option<usize> = None;
    let mut last_change = 0usize;
    let mut forms: Vec<String> = Vec::with_capacity(line_words.len());
    let (mut from_doc, mut from_lex) = (0usize, 0usize);
    let phrased = phrase_forms(text, line_words, lexicon);
    let initials = initials(text, line_words);
    for (idx, w) in line_words.iter().enumerate() {
        if let Some(f) = &initials[idx] {
            forms.push(f.clone());
            continue;
        }
        if let Some(f) = &phrased[idx] {
            if f != w.text(text) {
                from_lex += 1;
            }
            forms.push(f.clone());
            continue;
        }
        let t = w.text(text);
        let after_apostrophe = text[..w.start].ends_with(['\'', '’']) && w.end - w.start <= 2;
        let form = if w.opaque {
            t.to_string()
        } else if after_apostrophe {
            t.to_lowercase() // `YOU’VE`, `IT'S`
        } else {
            let k = key(t);
            let (mut f, src) = base_form(&k, ev, lexicon, unknown_cap);
            // A sentence start capitalises `ecommerce`, but a mixed-case form
            // with a lower-case initial (`eCommerce`, `iPhone`) is written so
            // at a sentence start too: `ECommerce` would be a stray double
            // capital that the next run repairs.
            if matches!(w.position, Position::LineStart | Position::SentenceStart)
                && shape_is_lower_initial(&f)
                && !f.chars().any(char::is_uppercase)
            {
                f = capitalise_first(&f);
            }
            // Title case: every word but the small ones (`of`, `the`) capitalised.
            if title
                && idx > 0
                && !f.chars().any(char::is_uppercase)
                && TITLE_SMALL_WORDS.binary_search(&k.as_str()).is_err()
            {
                f = capitalise_first(&f);
            }
            if f != t {
                match src {
                    Source::Document => from_doc += 1,
                    Source::Lexicon => from_lex += 1,
                    Source::Plain => {}
                }
            }
            f
        };
        forms.push(form);
    }
    for (i, (w, f)) in line_words.iter().zip(&forms).enumerate() {
        if w.text(text) != f {
            first_change.get_or_insert(i);
            last_change = i;
        }
    }
    let first = first_change?;
    let start = line_words[first].start;
    let end = line_words[last_change].end;
    let mut out = String::with_capacity(end - start);
    let mut at = start;
    for (w, f) in line_words[first..=last_change]
        .iter()
        .zip(&forms[first..=last_change])
    {
        out.push_str(&text[at..w.start]);
        out.push_str(f);
        at = w.end;
    }
    Some((start, end, out, from_doc, from_lex))
}

/// The forms a name written with an initial gives the words of a line: the
/// initial stays a capital and the words on either side of it are parts of the
/// name (`TIMOTHY A. CLARY` is `Timothy A. Clary`, not `Timothy a. Clary`).
/// An initial is a single letter followed by a full stop and a space, with a
/// word on each side.
fn initials(text: &str, line_words: &[&Word]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; line_words.len()];
    let is_name_part = |w: &Word| !w.opaque && w.text(text).chars().count() >= 2;
    for idx in 1..line_words.len().saturating_sub(1) {
        let w = line_words[idx];
        let t = w.text(text);
        let (prev, next) = (line_words[idx - 1], line_words[idx + 1]);
        let initial = t.chars().count() == 1
            && !w.opaque
            && text[w.end..].starts_with(". ")
            && text[prev.end..w.start] == *" "
            && next.start == w.end + 2;
        if !initial || !is_name_part(prev) || !is_name_part(next) {
            continue;
        }
        out[idx] = Some(t.to_uppercase());
        for part in [idx - 1, idx + 1] {
            if out[part].is_none() {
                out[part] = Some(capitalise(line_words[part].text(text)));
            }
        }
    }
    out
}

/// The forms multi-word institutions (`WHITE HOUSE`, `united states`) give the
/// words of a line.
fn phrase_forms(text: &str, line_words: &[&Word], lexicon: &Lexicon) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; line_words.len()];
    let mut i = 0;
    while i < line_words.len() {
        let k = key(line_words[i].text(text));
        let mut best: Option<Vec<&str>> = None;
        if lexicon.starts_phrase(&k) {
            for phrase in lexicon.phrases() {
                let mut parts: Vec<(&str, &str)> = Vec::new();
                for (wi, word) in phrase.iter().enumerate() {
                    for (pi, piece) in word.split('-').enumerate() {
                        parts.push((
                            piece,
                            if pi > 0 {
                                "-"
                            } else if wi > 0 {
                                " "
                            } else {
                                ""
                            },
                        ));
                    }
                }
                if i + parts.len() > line_words.len()
                    || best.as_ref().is_some_and(|b| b.len() >= parts.len())
                {
                    continue;
                }
                let fits = parts.iter().enumerate().all(|(j, (piece, sep))| {
                    let w = line_words[i + j];
                    let gap_ok = j == 0 || &text[line_words[i + j - 1].end..w.start] == *sep;
                    gap_ok && !w.opaque && key(w.text(text)) == piece.to_lowercase()
                });
                if fits {
                    best = Some(parts.iter().map(|p| p.0).collect());
                }
            }
        }
        match best {
            Some(forms) => {
                for (j, f) in forms.iter().enumerate() {
                    out[i + j] = Some((*f).to_string());
                }
                i += forms.len();
            }
            None => i += 1,
        }
    }
    out
}

fn shape_is_lower_initial(f: &str) -> bool {
    f.chars().next().is_some_and(char::is_lowercase)
}

fn capitalise_first(f: &str) -> String {
    let mut chars = f.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn looks_like_code(line: &str) -> bool {
    line.contains(['_', '=', '{', '}', '<', '>', '|', '\\'])
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    let lexicon = Lexicon::get();
    let has_upper = text.chars().any(char::is_uppercase);
    let has_lower = text.chars().any(char::is_lowercase);
    if !has_lower && !has_upper {
        return;
    }
    let ws = words(text, lexicon);
    let mut by_line: Vec<Vec<&Word>> = Vec::new();
    for w in &ws {
        if by_line.len() <= w.line {
            by_line.resize_with(w.line + 1, Vec::new);
        }
        by_line[w.line].push(w);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    if !has_upper {
        // A document written wholly in lower case.
        if ws.len() < MIN_LOWER_DOC_WORDS {
            return;
        }
        for (i, lw) in by_line.iter().enumerate() {
            // Code keeps its case (`fn main() {`, `user_id = 1`), here as in
            // capital lines: on the dev pages' `lower` copies, recasing such
            // lines damaged 456 words for 267 repaired.
            if lw.is_empty() || lines.get(i).is_some_and(|l| looks_like_code(l)) {
                continue;
            }
            if let Some((s, e, out, _, lex)) = recase_line(text, lw, None, lexicon, false, false) {
                let why = format!(
                    "the whole text is in lower case: sentence starts capitalised{}",
                    if lex > 0 {
                        format!(", {lex} names and acronyms recased from the lexicon")
                    } else {
                        String::new()
                    }
                );
                report.replace(s, e, out, "lowercase-text", why);
            }
        }
        return;
    }
    if !has_lower {
        return; // a text wholly in capitals gives no evidence; leave it to the reader
    }
    let caps = caps_lines(text, &ws);
    let nearly = nearly_caps_lines(text, &ws);
    if !caps.iter().chain(&nearly).any(|&c| c) {
        return;
    }
    // Title counts once, for the evidence (title-case lines say nothing of
    // case) and for the document's heading style below.
    let counts = title_counts(text, &ws, lexicon);
    let styled: Vec<bool> = caps
        .iter()
        .zip(&counts)
        .map(|(c, t)| *c || t.titled())
        .collect();
    let ev = Evidence::collect(text, &ws, &styled);
    // Short lines without a full stop (headings, list items): in capitals or not?
    let (mut short_caps, mut short_mixed) = (0usize, 0usize);
    let (mut headings_titled, mut headings_sentence) = (0usize, 0usize);
    for (i, lw) in by_line.iter().enumerate() {
        let Some(l) = lines.get(i) else { continue };
        let t = l.trim_end();
        if lw.len() < 2 || lw.len() >= MIN_WORDS_UNPUNCTUATED || t.ends_with(['.', '!']) {
            continue;
        }
        // A capital heading with one word in lower case (`MEAL planning`) is
        // still a capital heading, not a mixed-case one: counted as mixed, such
        // slips made the dev pages' `mt` copies recase about 35 good capital
        // headings of documents that write all their headings in capitals.
        let upper = lw.iter().filter(|w| w.shape == Shape::Upper).count();
        if caps.get(i).copied().unwrap_or(false) || (upper >= 2 && 2 * upper > lw.len()) {
            short_caps += 1;
        } else {
            short_mixed += 1;
            let c = counts.get(i).copied().unwrap_or_default();
            if c.titled() {
                headings_titled += 1;
            } else if c.low >= 2 {
                headings_sentence += 1;
            }
        }
    }
    // Headings in title case as the document's style (`Best Free Alternatives
    // to Figma`): a shouted heading is recased so too, not to sentence case.
    let title_style = headings_titled >= 2 && headings_titled >= 2 * headings_sentence;
    let headings_mixed = short_mixed >= 3 * short_caps.max(1);
    for (i, lw) in by_line.iter().enumerate() {
        let slipped = nearly.get(i).copied().unwrap_or(false);
        if !(slipped || caps.get(i).copied().unwrap_or(false))
            || lw.len() < MIN_WORDS.min(MIN_WORDS_SHORT)
            || lines.get(i).is_some_and(|l| looks_like_code(l))
        {
            continue;
        }
        let ends_sentence = lines.get(i).is_some_and(|l| {
            l.trim_end()
                .trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with(['.', '!'])
        });
        // A short line, or one without a full stop, is a heading: recased only
        // where the document writes its other headings in mixed case.
        let long_enough = if ends_sentence {
            MIN_WORDS
        } else {
            MIN_WORDS_UNPUNCTUATED
        };
        let kept = lw.len() < long_enough && !(lw.len() >= MIN_WORDS_SHORT && headings_mixed);
        if kept && slipped {
            // A capital line kept as the page's style: its slips join it. (One
            // recased is left as it is: its slips are already in lower case.)
            // On the dev pages' `mt` copies: 28 words repaired, none damaged,
            // nor any on the clean pages.
            for w in lw.iter().filter(|w| w.shape == Shape::Lower && !w.opaque) {
                report.replace(
                    w.start,
                    w.end,
                    w.text(text).to_uppercase(),
                    "caps-line-slip",
                    "the rest of the line, a heading the page writes in capitals, is in capitals",
                );
            }
        }
        if kept || slipped {
            continue;
        }
        let title = title_style && !ends_sentence && lw.len() < MIN_WORDS_UNPUNCTUATED;
        if let Some((s, e, out, doc, lex)) = recase_line(text, lw, Some(&ev), lexicon, true, title)
        {
            let mut why = String::from(if title {
                "line written in capitals recased to title case, as the document writes its headings"
            } else {
                "line written in capitals recased to sentence case"
            });
            if doc > 0 {
                why.push_str(&format!(
                    "; {doc} words cased as the document writes them elsewhere"
                ));
            }
            if lex > 0 {
                why.push_str(&format!(
                    "; {lex} names and acronyms cased from the lexicon"
                ));
            }
            report.replace(s, e, out, "caps-line", why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn recases_a_shouted_paragraph_from_evidence() {
        let t = "Kerry met NATO envoys in Brussels on Monday.\nKERRY SAID THAT NATO WOULD MEET AGAIN IN BRUSSELS. THE TALKS WENT WELL.\nThey left.";
        assert_eq!(
            fix(t),
            "Kerry met NATO envoys in Brussels on Monday.\nKerry said that NATO would meet again in Brussels. The talks went well.\nThey left.",
            "should recase to sentence case, keeping names and acronyms"
        );
    }

    #[test]
    fn keeps_initials_in_a_shouted_name() {
        let text = "The bridge opened on Monday.\nTHE PHOTO WAS TAKEN BY TIMOTHY A. CLARY ON THE BRIDGE LAST WEEK.\nIt went on for weeks.";
        assert_eq!(
            fix(text),
            "The bridge opened on Monday.\nThe photo was taken by Timothy A. Clary on the bridge last week.\nIt went on for weeks.",
            "should keep the initial a capital and the name around it capitalised"
        );
    }

    #[test]
    fn keeps_short_capital_headings() {
        for t in [
            "FREQUENTLY ASKED QUESTIONS\nSome text here.",
            "US FALLS\nThe team lost.",
            "CREATED_AT AND UPDATED_AT ARE SET BY THE SERVER TODAY\nok",
        ] {
            assert_eq!(fix(t), t, "should leave {t:?} alone");
        }
    }

    #[test]
    fn raises_the_slips_of_a_kept_capital_heading() {
        let t = "HOW TO TRAIN A PUPPY to SIT\nStart early.";
        assert_eq!(
            fix(t),
            "HOW TO TRAIN A PUPPY TO SIT\nStart early.",
            "should write the heading's one lower-case word in capitals"
        );
        for t in [
            "HOW TO TRAIN A Puppy to SIT\nStart early.",
            "NASA and ESA\nStart early.",
            "MAX_SIZE is FIXED AT BUILD TIME\nStart early.",
        ] {
            assert_eq!(fix(t), t, "should leave {t:?} alone");
        }
    }

    #[test]
    fn a_shouted_heading_takes_the_documents_heading_style() {
        let body = "Most teams chat all day.\n";
        let titled = format!("Best Tools for Remote Teams\n{body}Cheapest Plans for Small Offices\n{body}FREE PLANS WITH UNLIMITED MESSAGES\n{body}Pricing Compared Across Vendors\n{body}Summary of Key Features\n{body}");
        assert_eq!(
            fix(&titled),
            titled.replace(
                "FREE PLANS WITH UNLIMITED MESSAGES",
                "Free Plans with Unlimited Messages"
            ),
            "should recase to title case where the headings are in title case"
        );
        let sentence = titled
            .replace("Best Tools for Remote Teams", "Best tools for remote teams")
            .replace(
                "Cheapest Plans for Small Offices",
                "Cheapest plans for small offices",
            )
            .replace(
                "Pricing Compared Across Vendors",
                "Pricing compared across vendors",
            )
            .replace("Summary of Key Features", "Summary of key features");
        assert_eq!(
            fix(&sentence),
            sentence.replace(
                "FREE PLANS WITH UNLIMITED MESSAGES",
                "Free plans with unlimited messages"
            ),
            "should recase to sentence case where the headings are in sentence case"
        );
    }

    #[test]
    fn recases_a_lower_case_document() {
        let t =
            "the talks in aleppo ended on monday. i think nato will meet again, said the envoy.";
        assert_eq!(
            fix(t),
            "The talks in Aleppo ended on Monday. I think NATO will meet again, said the envoy.",
            "should capitalise sentence starts, names and acronyms"
        );
        let code = "the talks in aleppo ended on monday. the log said:\nlet user_id = load(nato);\nit went on.";
        assert_eq!(
            fix(code),
            "The talks in Aleppo ended on Monday. The log said:\nlet user_id = load(nato);\nIt went on.",
            "should leave a line of code as it is"
        );
    }
}
