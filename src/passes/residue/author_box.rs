//! The author box: the writer's name, a role line, and a short bio.
//!
//! Blog and magazine templates print a box about the author above or below
//! the article:
//!
//! ```text
//! Jane Roe
//! Staff Writer
//! Jane Roe is a staff writer covering energy and the climate. She ...
//! ```
//!
//! It is told from the article by its shape, not by where it stands: a line
//! that is only a name (two to four capitalised words, or one for a company's
//! box, whose paragraph must then open "Acme is a ..."), at most one line under
//! it (a role, or the name again), then a paragraph that starts with the name
//! (or its first word) and names a job within its first words ("writer",
//! "editor", "founder", "Redakteur", "журналист": `data/residue/roles.txt`).
//! Only singular job nouns count, so a product section ("Stack Overflow / Stack
//! Overflow is a forum aimed at developers") stays. A page that shows two or
//! more different such boxes is a list of people (speakers, staff, guests), and
//! the article itself: then nothing goes. The article's title, and the first
//! line the page keeps, never go, so a profile whose headline is the person's
//! name keeps its first paragraph.

use super::classify::Removal;
use super::lexicon::Hits;
use super::lines::Line;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The longest bio, in words.
const MAX_BIO: usize = 80;
/// Words after the name within which the bio names a job.
const ROLE_WINDOW: usize = 12;
/// The longest role line, in words.
const MAX_ROLE: usize = 12;

/// Verbs after which a first name alone opens a bio ("Jane is a ...", "Jane
/// leads ..."), in the languages the pass knows.
const FIRST_NAME_VERBS: &str = "is has was leads heads writes covers works joined founded started ist hat war est a était es ha fue é tem foi è ha era является";

/// How a bio under a one-word name (a company's) must go on: the name, then
/// "is a" in the languages the pass knows.
const COMPANY_COPULAS: [&str; 10] = [
    " is a ",
    " is an ",
    " ist ein",
    " est un",
    " es un",
    " é um",
    " é uma",
    " è un",
    " es una",
    " является ",
];

const ROLES: &str = include_str!("../../../data/residue/roles.txt");

fn roles() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ROLES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(':'))
            .flat_map(|(_, words)| words.split_whitespace())
            .collect()
    })
}

/// A line that is only a person's name: two to four words, each capitalised,
/// none of them a function word ("The Evolving Landscape"), letters and name
/// punctuation only.
fn is_name(line: &Line) -> bool {
    (1..=4).contains(&line.words)
        && line.stop_share == 0.0
        && line.text.chars().count() <= 40
        && line.text.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// Whether `bio` starts with the name (or its first word) and names a job soon after.
fn is_bio_of(bio: &Line, name: &str) -> bool {
    if bio.words > MAX_BIO || bio.words < 5 {
        return false;
    }
    let first = name.split_whitespace().next().unwrap_or(name);
    // A one-word name (a company's: "Acme") must open the bio in full as
    // its subject ("Acme is a ..."): a one-word heading over a section that
    // starts with it ("Hiring is another ...") names no job soon after.
    if first == name {
        let rest = bio.text.strip_prefix(name).unwrap_or("");
        if !COMPANY_COPULAS.iter().any(|c| rest.starts_with(c)) {
            return false;
        }
    }
    let rest = if let Some(r) = bio.text.strip_prefix(name) {
        r
    } else if let Some(r) = bio.text.strip_prefix(first) {
        // The first name alone must be the subject: "Jane is", "Jane leads".
        let verb = r.split_whitespace().next().unwrap_or("");
        if !r.starts_with(' ') || !FIRST_NAME_VERBS.split_whitespace().any(|v| v == verb) {
            return false;
        }
        r
    } else {
        return false;
    };
    if !rest.starts_with([' ', ',']) {
        return false;
    }
    let set = roles();
    rest.split_whitespace().take(ROLE_WINDOW).any(|w| {
        let core: String = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .chars()
            .flat_map(char::to_lowercase)
            .collect();
        set.contains(core.as_str())
    })
}

/// One author box: its name, and the lines it spans.
struct Box {
    name: String,
    lines: Vec<usize>,
}

/// Removes the author box, if the page shows one (and only one person's).
/// With `keep_name` (the `keepBylines` option) the name line stays: the user
/// asked to keep who wrote the piece, and only the role and bio go.
pub fn strip(
    lines: &[Line],
    hits: &[Hits],
    removals: &mut [Option<Removal>],
    limit: usize,
    keep: Option<usize>,
    keep_name: bool,
) {
    let nonblank: Vec<usize> = (0..limit).filter(|&i| !lines[i].is_blank()).collect();
    let mut boxes: Vec<Box> = Vec::new();
    // The first text kept on the page is its headline, even when it is a name.
    let first_kept = nonblank.iter().copied().find(|&i| removals[i].is_none());
    for (k, &n) in nonblank.iter().enumerate() {
        let name = &lines[n];
        if !is_name(name) || Some(n) == keep || Some(n) == first_kept || !hits[n].is_empty() {
            continue;
        }
        let Some(&b1) = nonblank.get(k + 1) else {
            continue;
        };
        if is_bio_of(&lines[b1], name.text) {
            boxes.push(Box {
                name: name.text.to_string(),
                lines: vec![n, b1],
            });
            continue;
        }
        let role = &lines[b1];
        let Some(&b2) = nonblank.get(k + 2) else {
            continue;
        };
        if role.words <= MAX_ROLE
            && !role.is_prose()
            && Some(b1) != keep
            && is_bio_of(&lines[b2], name.text)
        {
            boxes.push(Box {
                name: name.text.to_string(),
                lines: vec![n, b1, b2],
            });
        }
    }
    let names: HashSet<&str> = boxes.iter().map(|b| b.name.as_str()).collect();
    if names.len() != 1 {
        return;
    }
    for b in &boxes {
        let skip = usize::from(keep_name);
        for &i in b.lines.iter().skip(skip) {
            if removals[i].is_none() {
                removals[i] = Some(Removal {
                    rule: "byline",
                    what: "author box (name, role and bio)",
                    heading: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::options::Options;
    use crate::passes::residue::tests::{clean, WATER_ARTICLE as ARTICLE};

    #[test]
    fn the_author_box_under_the_article_goes() {
        let text = format!(
            "{ARTICLE}\nMarta Lindqvist\nSenior Reporter, Water and Energy\nMarta is a senior reporter covering water, energy and the climate. She joined the paper in 2015.\nShare\nTweet\n"
        );
        assert_eq!(clean(&text), ARTICLE, "should drop the name, role and bio");
    }

    #[test]
    fn keeping_bylines_keeps_the_name_but_not_the_bio() {
        let text = format!(
            "{ARTICLE}\nMarta Lindqvist\nSenior Reporter, Water and Energy\nMarta is a senior reporter covering water, energy and the climate. She joined the paper in 2015.\nShare\nTweet\n"
        );
        let mut options = Options::only(&["residue", "whitespace"]);
        options.residue.settings.keep_bylines = true;
        let out = crate::clean(&text, &options)
            .map(|c| c.text)
            .unwrap_or_default();
        assert!(
            out.contains("Marta Lindqvist\n"),
            "should keep the author's name when bylines are kept: {out}"
        );
        assert!(
            !out.contains("senior reporter covering"),
            "should still drop the bio: {out}"
        );
    }

    #[test]
    fn a_bio_that_repeats_the_full_name_goes() {
        let text = format!(
            "{ARTICLE}\nMarta Lindqvist\nMarta Lindqvist is a freelance writer and editor based in Gothenburg.\nShare\nTweet\n"
        );
        assert_eq!(clean(&text), ARTICLE, "should drop the name and bio");
    }

    #[test]
    fn a_list_of_people_stays() {
        let people = "Marta Lindqvist\nMarta Lindqvist is a freelance writer who has covered water policy for twenty years.\n\nTom Okafor\nTom Okafor is a civil engineer who has repaired mains in three countries.\n";
        let text = format!("{ARTICLE}\nThe panel\n{people}Share\nTweet\n");
        let out = clean(&text);
        assert!(
            out.contains("Marta Lindqvist is") && out.contains("Tom Okafor is"),
            "should keep both entries: {out}"
        );
    }

    #[test]
    fn a_product_section_stays() {
        let text = format!(
            "{ARTICLE}\nStack Overflow\nStack Overflow is an open forum aimed at developers, with answers voted up by its members.\nShare\nTweet\n"
        );
        let out = clean(&text);
        assert!(
            out.contains("Stack Overflow is"),
            "should keep the section: {out}"
        );
    }

    #[test]
    fn a_profile_headed_by_the_name_keeps_its_lead() {
        let text = format!(
            "Marta Lindqvist\nMarta Lindqvist is a journalist who spent thirty years reporting on the water wars of the south, and who retired this week.\nShare\nTweet\n\n{ARTICLE}"
        );
        let out = clean(&text);
        assert!(
            out.contains("Marta Lindqvist is a journalist"),
            "should keep the profile's first paragraph: {out}"
        );
    }

    #[test]
    fn a_company_box_under_a_one_word_name_goes() {
        let text = format!(
            "{ARTICLE}\nBrightwell\nBrightwell is a small advisor and planning firm that helps families in the valley budget for repairs and retirement.\nShare\nTweet\n"
        );
        let out = clean(&text);
        assert!(
            !out.contains("Brightwell"),
            "should drop the company's name line and blurb: {out}"
        );
        assert!(
            out.contains("never read."),
            "should keep the article: {out}"
        );
    }

    #[test]
    fn a_one_word_heading_over_its_section_stays() {
        let text = format!(
            "{ARTICLE}\nMeters\nMeters are the other problem: an editor at the paper found that a third of them had never been read.\nShare\nTweet\n"
        );
        let out = clean(&text);
        assert!(
            out.contains("Meters\nMeters are the other problem"),
            "should keep a section whose first word is its heading: {out}"
        );
    }

    #[test]
    fn a_one_word_name_needs_is_a_after_it() {
        let text = format!(
            "{ARTICLE}\nBrightwell\nBrightwell hired a new editor for its newsletter on water prices, the firm said on Tuesday.\nShare\nTweet\n"
        );
        let out = clean(&text);
        assert!(
            out.contains("Brightwell hired a new editor"),
            "should keep a paragraph that only starts with the one-word name: {out}"
        );
    }
}
