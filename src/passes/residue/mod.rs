//! # The `residue` pass
//!
//! **What it fixes.** The page furniture a scraper or a copy-paste brings along
//! with an article: navigation menus and footers, share and social buttons,
//! photo credits and image captions, bylines' furniture ("By STAFF",
//! "Follow @..."), tag and category lists, related / "read more" / "most popular"
//! headline lists, newsletter, login, paywall, cookie and consent prompts,
//! advertising labels, comment counters and whole comment threads. It removes
//! whole lines (with their line breaks); the `whitespace` pass tidies the gaps.
//!
//! **How.** [`lines`] gives each line its features (words, sentence end,
//! function-word share, title case, program code); [`lexicon`] matches the
//! per-language furniture wording kept in `data/residue/phrases/`; [`thread`]
//! finds where a comment thread starts; [`body`] finds the article body, the
//! densest stretch of running text, with teaser lists (headline, blurb,
//! headline, blurb) weighing against it; [`classify`] judges lines inside the
//! body leniently and lines outside it strictly, and lets the body run on over
//! a numbered or announced list; [`read_more`] finds teaser lists whose
//! entries end in "Read more" links; [`roundup`] finds a newsletter's
//! sections under pictograph headings after the article; [`author_box`] finds the author's name,
//! role and bio; [`island`] finds a blurb stranded among the furniture after
//! the article; [`explain`] turns the verdicts into one edit per block. The
//! judging is repeated on what is left until nothing more goes, so cleaning
//! the output again changes nothing.
//!
//! **What it never touches.** Prose inside the article body (except captions
//! with a credit, author bios beside the author's links or under the author's
//! name, teaser blurbs closed by "Read more", and a caption repeated within a
//! few lines), the article's title, lines of program code inside the body,
//! runs of running text outside it, and any text without signs of
//! furniture: clean text comes back unchanged. It has no rule of its own for
//! dates: a date line inside the body is left to the `timestamps` pass, one in a
//! menu or a footer goes with it.
//!
//! **Where its rules come from.** The body search is the Body Text Extraction
//! idea (Finn, Kushmerick and Smyth, 2001) on lines; the features are those of
//! line-level boilerplate filters (C4's terminal-punctuation and word-count
//! rules, jusText's stop-word density and link-like short lines); the phrase
//! lists were written for this project (see `data/residue/README.md`).

pub mod author_box;
pub mod body;
pub mod classify;
pub mod explain;
pub mod island;
pub mod lexicon;
pub mod lines;
pub mod read_more;
pub mod roundup;
pub mod thread;

use crate::options::Options;
use crate::report::Report;
use serde::Deserialize;

/// Settings of the `residue` pass.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ResidueOptions {
    /// Remove image captions (the line above a photo credit) along with the credit.
    pub captions: bool,
    /// Keep byline lines ("By Jane Roe") instead of removing them with other furniture.
    pub keep_bylines: bool,
    /// Keep the article's title line above the body.
    pub keep_title: bool,
    /// Remove everything from the start of a comment thread on.
    pub comment_threads: bool,
}

impl Default for ResidueOptions {
    fn default() -> Self {
        Self {
            captions: true,
            keep_bylines: false,
            keep_title: true,
            comment_threads: true,
        }
    }
}

/// Runs the pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    let lines = lines::split(text);
    // A text of one or two lines has no furniture to tell apart.
    if lines.iter().filter(|l| !l.is_blank()).count() < 2 {
        return;
    }
    let hits: Vec<lexicon::Hits> = lines.iter().map(line_hits).collect();
    // Fast path: no furniture wording and hardly any labels means nothing to do.
    let labels = lines.iter().filter(|l| l.is_label()).count();
    if labels < 3 && hits.iter().all(|h| h.is_empty()) {
        return;
    }
    let verdicts = settle(&lines, &hits, &options.residue.settings);
    explain::report(&lines, &verdicts, report);
}

/// The lexicon families of a line, plus a dated byline the phrase lists cannot
/// see by length alone ("By Jane Roe on Monday, May 4, 2020 at 9:15 a.m.").
fn line_hits(line: &lines::Line) -> lexicon::Hits {
    let mut hits = lexicon::lookup(&line.key, line.words);
    let dated = line.key.contains('#') && line.caps_share >= 0.4 && line.words <= 24;
    if hits.is_empty()
        && dated
        && (line.key.starts_with("by ") || line.key.starts_with("posted by "))
    {
        hits.add(lexicon::Family::Byline);
    }
    if hits.is_empty() {
        hits = bar_hits(line.text);
    }
    if hits.is_empty() && is_label_bar(line.text) {
        hits.add(lexicon::Family::Navigation);
    }
    hits.union(lexicon::lookup_strong(&line.key, line.words));
    hits
}

/// A bar of widget labels on one line ("Share on Facebook   Share on X   Email
/// | Print"): segments apart by runs of spaces, tabs or separators, each of
/// which the lexicon knows on its own. A line longer than any one phrase is
/// furniture all the same when every segment of it is.
fn bar_hits(text: &str) -> lexicon::Hits {
    let mut hits = lexicon::Hits::default();
    let mut segments = 0;
    for segment in text
        .split(['|', '•', '·', '\t'])
        .flat_map(|s| s.split("  "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let found = lexicon::lookup(
            &lines::normalize(segment),
            segment.split_whitespace().count(),
        );
        if found.is_empty() {
            return lexicon::Hits::default();
        }
        hits.union(found);
        segments += 1;
    }
    if segments >= 2 {
        hits
    } else {
        lexicon::Hits::default()
    }
}

/// Separators of a bar of links on one line. (A `|` also lines up an
/// article's own jump list: "Best Overall | Best Denim | Best Activewear".)
const BAR_SEPARATORS: [char; 2] = ['•', '·'];

/// A bar of menu or category links on one line ("Sewing Patterns· Favorite
/// Posts· Sewing & Crafts"): three or more segments between separators, each
/// a short title-cased label with no sentence end and no figures (a recipe's
/// "Prep: 10 min | Serves 4" has figures).
fn is_label_bar(text: &str) -> bool {
    if !text.contains(BAR_SEPARATORS) {
        return false;
    }
    let mut segments = 0;
    for segment in text
        .split(BAR_SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let words = segment.split_whitespace().count();
        let capital = segment.chars().next().is_some_and(char::is_uppercase);
        if words > 4
            || !capital
            || segment.chars().any(|c| c.is_ascii_digit())
            || segment.ends_with(['.', '!', '?', ':'])
        {
            return false;
        }
        segments += 1;
    }
    segments >= 3
}

/// Rounds of judging at most: each round judges the lines the previous ones kept.
const MAX_ROUNDS: usize = 4;

/// Judges the lines, then judges again what is left, until nothing more goes:
/// removing a menu can change what the body is, and cleaning the output again
/// must change nothing (idempotence). Each round is linear; the rounds are few.
fn settle(
    lines: &[lines::Line],
    hits: &[lexicon::Hits],
    options: &ResidueOptions,
) -> classify::Verdicts {
    let mut alive: Vec<usize> = (0..lines.len()).collect();
    let mut removals: Vec<Option<classify::Removal>> = vec![None; lines.len()];
    let mut thread = None;
    let mut body = 0..lines.len();
    for _ in 0..MAX_ROUNDS {
        let sub: Vec<lines::Line> = alive.iter().map(|&i| lines[i].clone()).collect();
        let sub_hits: Vec<lexicon::Hits> = alive.iter().map(|&i| hits[i]).collect();
        let v = classify::classify(&sub, &sub_hits, options);
        let at = |k: usize| alive.get(k).copied().unwrap_or(lines.len());
        if thread.is_none() {
            thread = v.thread.map(|t| thread::Thread {
                line: at(t.line),
                marker: t.marker,
            });
        }
        body = at(v.body.start)..at(v.body.end);
        let mut changed = false;
        for (k, r) in v.removals.into_iter().enumerate() {
            if let Some(r) = r {
                removals[alive[k]] = Some(r);
                changed = true;
            }
        }
        if !changed {
            break;
        }
        alive.retain(|&i| removals[i].is_none());
    }
    classify::Verdicts {
        removals,
        thread,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pass followed by `whitespace`, which tidies the gaps it leaves.
    /// Shared by the tests of the pass's stages.
    pub(super) fn clean(text: &str) -> String {
        crate::clean(text, &Options::only(&["residue", "whitespace"]))
            .map(|c| c.text)
            .unwrap_or_default()
    }

    /// An article the stages' tests put furniture after (four paragraphs of
    /// plain news prose, long enough to count as a body).
    pub(super) const WATER_ARTICLE: &str = "The regional water authority said on Monday that it would raise prices by four percent next year to pay for repairs to the ageing network, which loses a fifth of its water.\n\n\
        Officials told reporters that more than a third of the pipes under the old town were laid before the war and now leak badly in winter, when the ground freezes and the old joints crack.\n\n\
        Consumer groups called the increase unfair, saying that households had already paid twice for a reservoir that was never finished and for meters that were never read.\n\n\
        The authority's chair said that the money would be spent on the oldest mains first, starting with the streets around the harbour, and that the work would take at least three years.\n";

    pub(super) const BODY: &str = "The city council voted on Tuesday to close the old bridge for repairs that are expected to take most of next year.\n\n\
        Engineers said the steel had corroded faster than anyone had expected, and that traffic would move to the new crossing downstream.\n\n\
        Residents who spoke at the meeting were split, with shop owners on the east bank worried about losing their customers.\n";

    #[test]
    fn clean_articles_come_back_unchanged() {
        let text = format!("Council closes the old bridge\n\n{BODY}\nThanks for reading.\n");
        assert_eq!(clean(&text), text, "should leave clean text alone");
    }

    #[test]
    fn furniture_around_the_article_goes() {
        let text = format!(
            "Home\nNews\nSport\nWeather\n\nCouncil closes the old bridge\n\nBy Jane Roe\nShare\nTweet\n\n{BODY}\nRelated\nBridge builders strike in the north\nNew ferry service for the bay\nTags: bridge, council\n© 2024 Bay News. All rights reserved.\n"
        );
        assert_eq!(
            clean(&text),
            format!("Council closes the old bridge\n\n{BODY}"),
            "should keep the title and the body only"
        );
    }

    #[test]
    fn edits_name_the_family() {
        let text = format!("{BODY}Leave a Reply\nJohn\nGreat news for the east bank, finally.\n");
        let mut r = Report::new();
        run(&text, &Options::default(), &mut r);
        let c = r.changes().last().expect("should remove the thread");
        assert_eq!(c.rule, "comment-thread", "should name the family");
        assert!(
            c.reason.contains("Leave a Reply"),
            "should say where the thread starts: {}",
            c.reason
        );
    }
}

#[cfg(test)]
mod byline_tests {
    use super::*;

    #[test]
    fn keeps_the_byline_name_when_asked() {
        let text = format!(
            "Water prices to rise as old pipes fail\nBy Jane Roe\nFollow @janeroe\n\n{}",
            tests::BODY
        );
        let mut o = Options::default();
        o.residue.settings.keep_bylines = true;
        let mut r = Report::new();
        run(&text, &o, &mut r);
        let out = r.apply(&text);
        assert!(out.contains("By Jane Roe\n"), "should keep the name: {out}");
        assert!(
            !out.contains("Follow"),
            "should drop the follow link: {out}"
        );
    }
}

#[cfg(test)]
mod hit_tests {
    use super::*;

    #[test]
    fn sees_bars_of_links_but_not_recipe_facts() {
        assert!(
            is_label_bar("Garden Tools· Favorite Posts· Seeds & Bulbs· Raised Beds"),
            "should see a bar of category links"
        );
        assert!(
            !is_label_bar("Prep time 10 min • Cook time 20 min • Serves 4"),
            "should not take a line of figures for a menu"
        );
        assert!(
            !is_label_bar("Tom said it was late · we left · nobody minded"),
            "should not take lower-case phrases for a menu"
        );
    }

    #[test]
    fn sees_dated_bylines_but_not_sentences() {
        let ls = lines::split("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.\nBy 2030 the city wants every bus to run on electricity from its own solar farms.\n");
        assert!(
            line_hits(&ls[0]).has(lexicon::Family::Byline),
            "should see a dated byline"
        );
        assert!(
            line_hits(&ls[1]).is_empty(),
            "should not see a sentence starting with 'By 2030'"
        );
    }
}
