//! A blurb stranded among the furniture after the article.
//!
//! Page templates put a line or two of text between their closing widgets: a
//! newsletter's description between "Subscribe to our newsletter" and its
//! "Subscribe" button, the site's tagline between the previous/next links and
//! the footer menu, the company blurb between "Book a call" and the sitemap.
//! Such a line reads like a sentence, so the body search takes it in when it
//! outweighs the few labels before it. It is told from the article's own last
//! paragraph by where it stands: it is the last text kept on the page, the
//! furniture above it cuts it off from the article and names a page-edge
//! family (a prompt, a related list, a menu, a footer), and more furniture
//! follows. A single line of such furniture above it only counts when a line
//! of the same family closes it below (the box's heading and its button), so
//! an article's last paragraph after an inline "Get our app" line stays.

use super::classify::Removal;
use super::lexicon::{Family, Hits};
use super::lines::Line;

/// The most lines a stranded blurb has.
const MAX_LINES: usize = 2;
/// ... and the most words.
const MAX_WORDS: usize = 45;
/// Words of the article kept above the furniture, at least: a blurb is only
/// stranded away from an article.
const MIN_ARTICLE_WORDS: usize = 120;

/// Families of the furniture that closes a page: what stands between an
/// article's paragraphs (share bars, ad labels, credits) is not among them.
const EDGE: [Family; 7] = [
    Family::NewsletterPrompt,
    Family::LoginPrompt,
    Family::RelatedList,
    Family::TagList,
    Family::Promotion,
    Family::Navigation,
    Family::Footer,
];

fn edge_family(h: Hits) -> Option<Family> {
    EDGE.iter().copied().find(|&f| h.has(f))
}

/// Removes the stranded blurb after the article, if there is one. `limit` is
/// where the comment thread starts (or the end of the text); `keep` is a line
/// that must stay whatever it looks like (the title).
pub fn strip(
    lines: &[Line],
    hits: &[Hits],
    removals: &mut [Option<Removal>],
    limit: usize,
    keep: Option<usize>,
) {
    let nonblank: Vec<usize> = (0..limit).filter(|&i| !lines[i].is_blank()).collect();
    let Some(last_kept) = nonblank.iter().rposition(|&i| removals[i].is_none()) else {
        return;
    };
    // Furniture must follow: removed lines before the limit, or a thread.
    if last_kept + 1 == nonblank.len() && limit == lines.len() {
        return;
    }
    // The blurb: the kept lines right above that point.
    let mut first = last_kept;
    while first > 0 && removals[nonblank[first - 1]].is_none() {
        first -= 1;
    }
    let blurb = &nonblank[first..=last_kept];
    let words: usize = blurb.iter().map(|&i| lines[i].words).sum();
    if blurb.len() > MAX_LINES
        || words > MAX_WORDS
        || blurb
            .iter()
            .any(|&i| Some(i) == keep || lines[i].code || !hits[i].is_empty())
    {
        return;
    }
    // The furniture above it, back to the article.
    let mut gap_start = first;
    while gap_start > 0 && removals[nonblank[gap_start - 1]].is_some() {
        gap_start -= 1;
    }
    let gap = &nonblank[gap_start..first];
    if gap.is_empty() || gap_start == 0 {
        return;
    }
    let article: usize = nonblank[..gap_start]
        .iter()
        .filter(|&&i| removals[i].is_none())
        .map(|&i| lines[i].words)
        .sum();
    if article < MIN_ARTICLE_WORDS {
        return;
    }
    let families: Vec<Family> = gap.iter().filter_map(|&i| edge_family(hits[i])).collect();
    let Some(&family) = families.last() else {
        return;
    };
    if gap.len() == 1 {
        // One line above: only the box's heading, whose button (of the same
        // family first and foremost) closes it below.
        let above = hits[gap[0]].first();
        let below = nonblank.get(last_kept + 1).and_then(|&i| hits[i].first());
        if above != below {
            return;
        }
    }
    for &i in blurb {
        removals[i] = Some(Removal {
            rule: family.rule(),
            what: "blurb between the furniture after the article",
            heading: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::residue::tests::{clean, WATER_ARTICLE as ARTICLE};

    #[test]
    fn a_newsletter_box_after_the_article_goes_with_its_blurb() {
        let text = format!(
            "{ARTICLE}\nSubscribe to the Water Weekly newsletter\nA weekly letter on the pipes, prices and politics of the water we all drink.\nSubscribe\nAbout\nContact\n"
        );
        assert_eq!(clean(&text), ARTICLE, "should drop the box and its blurb");
    }

    #[test]
    fn a_tagline_between_the_post_links_and_the_footer_goes() {
        let text = format!(
            "{ARTICLE}\nPrevious post\nFloods close the coast road\nNext post\nNew mayor sworn in\nRiver Town Gazette: local news for the valley since 1921, from the people who live here.\nHome\nAbout\nContact\n"
        );
        assert_eq!(
            clean(&text),
            ARTICLE,
            "should drop the tagline with the footer"
        );
    }

    #[test]
    fn the_last_paragraph_after_an_app_prompt_stays() {
        let last = "Water shares are up nine percent this year while the wider market is up four percent.\n";
        let text = format!(
            "{ARTICLE}\nGET THE BAY NEWS APP BY CLICKING HERE\n{last}\nREAD MORE ON BAY NEWS BY CLICKING HERE\nMarkets\nMoney\nCollege\n"
        );
        let out = clean(&text);
        assert!(out.contains(last), "should keep the last paragraph: {out}");
    }

    #[test]
    fn a_closing_paragraph_under_a_share_bar_stays() {
        let last = "The authority will publish the new prices on its website in December.\n";
        let text = format!("{ARTICLE}\nShare\nTweet\n{last}\nAbout\nContact\nHelp\n");
        let out = clean(&text);
        assert!(out.contains(last), "should keep the last paragraph: {out}");
    }
}
