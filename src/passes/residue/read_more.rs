//! Teaser lists closed by "Read more" links.
//!
//! A list of other stories, or an accordion of questions, shows each entry as
//! a headline, a blurb cut short, and a link to the rest ("Read more",
//! "Continue reading", "Weiterlesen", "Читать далее": `data/residue/read_more.txt`),
//! on a line of its own or at the end of the blurb. Two or more such entries
//! in a row are a teaser list: the full text is elsewhere, and what is here
//! is furniture. An article's own expander (a few paragraphs and then one
//! "Read more") is no list: an entry's blurb is a single paragraph, with at
//! most a short headline above it.

use super::lines::Line;
use std::sync::OnceLock;

/// Entries in a row that make a teaser list.
const MIN_ENTRIES: usize = 2;
/// The longest blurb, in words.
const MAX_BLURB: usize = 90;
/// The longest headline above a blurb, in words.
const MAX_HEADLINE: usize = 20;
/// The fewest words of a blurb that ends in the link on the same line.
const MIN_INLINE_BLURB: usize = 8;

const LINKS: &str = include_str!("../../../data/residue/read_more.txt");

fn links() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        LINKS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(':'))
            .flat_map(|(_, phrases)| phrases.split('|'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    })
}

/// The key of a line without a trailing run of dots, which `normalize` keeps.
fn bare(key: &str) -> &str {
    key.trim_end_matches(['.', ' ', '…'])
}

/// The line is the link alone.
fn is_link(line: &Line) -> bool {
    let k = bare(&line.key);
    links().iter().any(|p| k == bare(p))
}

/// The line is a blurb that ends in the link.
fn ends_in_link(line: &Line) -> bool {
    if line.words < MIN_INLINE_BLURB {
        return false;
    }
    let k = bare(&line.key);
    links().iter().any(|p| {
        k.strip_suffix(bare(p))
            .is_some_and(|rest| rest.ends_with([' ', '.', '!', '?', '…', ']', ')']))
    })
}

/// The line indices of teaser lists closed by "Read more" links.
pub fn teasers(lines: &[Line]) -> Vec<usize> {
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    // Each entry: the positions (in `nonblank`) of its first and last line.
    let mut entries: Vec<(usize, usize)> = Vec::new();
    for (k, &i) in nonblank.iter().enumerate() {
        let (blurb, last) = if ends_in_link(&lines[i]) {
            (k, k)
        } else if is_link(&lines[i]) && k > 0 {
            (k - 1, k)
        } else {
            continue;
        };
        let b = &lines[nonblank[blurb]];
        if b.words > MAX_BLURB || b.code || is_link(b) {
            continue;
        }
        let mut first = blurb;
        if blurb > 0 {
            let h = &lines[nonblank[blurb - 1]];
            let prev_is_entry = entries.last().is_some_and(|e| e.1 + 1 == blurb);
            if !prev_is_entry && !is_link(h) {
                // The blurb's headline, or else a paragraph of the article
                // that an expander's single link closes: then no entry.
                if h.is_prose() || h.words > MAX_HEADLINE || ends_in_link(h) {
                    continue;
                }
                first = blurb - 1;
            }
        }
        entries.push((first, last));
    }
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, usize)>| {
        if run.len() >= MIN_ENTRIES {
            for &(a, b) in run.iter() {
                out.extend(nonblank[a..=b].iter().copied());
            }
        }
        run.clear();
    };
    for e in entries {
        if run.last().is_some_and(|r| r.1 + 1 != e.0) {
            flush(&mut run);
        }
        run.push(e);
    }
    flush(&mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::residue::lines::split;

    fn kept(text: &str) -> Vec<&str> {
        let ls = split(text);
        let gone = teasers(&ls);
        ls.iter()
            .enumerate()
            .filter(|(i, l)| !l.is_blank() && !gone.contains(i))
            .map(|(_, l)| l.text)
            .collect()
    }

    #[test]
    fn an_accordion_of_questions_is_a_teaser_list() {
        let text = "Frequently asked\nHow long does the repair take?\nMost mains are replaced within a week, though the work on the harbour streets may take longer because of the tides.\nRead more\nWho pays for the new pipes?\nThe authority pays for the mains under the street, and owners pay for the pipe between the street and the house.\nRead more\n";
        assert_eq!(
            kept(text),
            ["Frequently asked"],
            "should take every question, answer and link"
        );
    }

    #[test]
    fn blurbs_ending_in_the_link_are_a_teaser_list() {
        let text = "Flood barriers go up along the quay\nThe council has started to build the barriers that it promised after last winter's floods, and says they will be ready by March. Read more »\nFerry fares frozen for another year\nThe ferry company says that it will keep its prices where they are, despite the higher cost of fuel and of its new boats. Continue reading →\n";
        assert!(kept(text).is_empty(), "should take both entries");
    }

    #[test]
    fn an_articles_expander_stays() {
        let text = "The repairs will start in the spring, the authority said, and will take three years to finish, street by street.\nOwners will be told by letter a month before the work reaches their street, and the water will be off for a day at most.\nRead more\nThe bills will rise in April, when the new prices take effect across the region and its islands.\nHouseholds on low incomes can ask for a lower rate, which the authority says a tenth of its customers already pay.\nRead more\n";
        assert_eq!(kept(text).len(), 6, "should keep every paragraph");
    }

    #[test]
    fn one_teaser_is_no_list() {
        let text = "Ferry fares frozen for another year\nThe ferry company says that it will keep its prices where they are, despite the higher cost of fuel.\nRead more\n";
        assert_eq!(kept(text).len(), 3, "should keep a lone entry");
    }
}
