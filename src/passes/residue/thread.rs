//! Where a comment thread starts; everything from there on is removed.
//!
//! A thread starts at a line that opens one ("Leave a reply", "Comment via
//! Facebook", "[ 167 comments ]", "Добавить комментарий"...), or at the first of
//! a cluster of per-comment metadata lines ("Rating: 36 Votes", "2 days ago",
//! "Jane on May 3, 2019 at 4:47 pm said:", "Reply"). Either only counts once an
//! article has been read: the text before it must hold a body of real weight,
//! so a "Comments" item in the menu above the article never cuts the article.

use super::lexicon::{Family, Hits};
use super::lines::Line;

/// The weight of body text that must come before a thread start.
pub const MIN_BODY_BEFORE: f32 = 30.0;

/// Metadata lines needed within [`WINDOW`] lines to call a cluster a thread.
const CLUSTER: usize = 3;
const WINDOW: usize = 15;

/// The start of a comment thread: its line and what gave it away.
#[derive(Debug, Clone, PartialEq)]
pub struct Thread {
    pub line: usize,
    pub marker: String,
}

/// A bare "Comments" or "12 comments" among share buttons or a byline is a
/// counter in the article's toolbar, not the start of the thread.
fn in_share_bar(hits: &[Hits], i: usize) -> bool {
    if !hits[i].has(Family::CommentCounter) {
        return false;
    }
    let lo = i.saturating_sub(3);
    let hi = (i + 4).min(hits.len());
    (lo..hi).any(|j| j != i && (hits[j].has(Family::ShareWidget) || hits[j].has(Family::Byline)))
}

/// Finds the first comment-thread start after a body of real weight.
pub fn find(lines: &[Line], hits: &[Hits], weights: &[f32]) -> Option<Thread> {
    let mut best = 0.0f32;
    let mut cur = 0.0f32;
    let metas: Vec<usize> = (0..lines.len())
        .filter(|&i| hits[i].has(Family::CommentMeta))
        .collect();
    let mut next_meta = 0;
    for (i, line) in lines.iter().enumerate() {
        if best >= MIN_BODY_BEFORE {
            if hits[i].has(Family::CommentThread) && !line.is_prose() && !in_share_bar(hits, i) {
                return Some(Thread {
                    line: i,
                    marker: line.text.to_string(),
                });
            }
            while next_meta < metas.len() && metas[next_meta] < i {
                next_meta += 1;
            }
            if next_meta < metas.len() && metas[next_meta] == i {
                let in_window = metas[next_meta..]
                    .iter()
                    .take_while(|&&m| m < i + WINDOW)
                    .count();
                if in_window >= CLUSTER {
                    let author = i > 0
                        && lines[i - 1].words <= 4
                        && lines[i - 1].is_label()
                        && hits[i - 1].is_empty();
                    let start = if author { i - 1 } else { i };
                    return Some(Thread {
                        line: start,
                        marker: line.text.to_string(),
                    });
                }
            }
        }
        cur = (cur + weights[i]).max(0.0);
        best = best.max(cur);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{body, lexicon, lines};
    use super::*;

    fn thread(text: &str) -> Option<Thread> {
        let ls = lines::split(text);
        let hs: Vec<_> = ls
            .iter()
            .map(|l| lexicon::lookup(&l.key, l.words))
            .collect();
        let ws: Vec<_> = ls
            .iter()
            .zip(&hs)
            .map(|(l, h)| body::weight(l, *h))
            .collect();
        find(&ls, &hs, &ws)
    }

    const ARTICLE: &str = "The city council voted on Tuesday to close the old bridge for repairs that are expected to take most of next year.\n\
        Engineers said the steel had corroded faster than anyone had expected, and that traffic would move to the new crossing downstream.\n\
        Residents who spoke at the meeting were split, with shop owners on the east bank worried about losing their customers.\n";

    #[test]
    fn a_thread_header_after_the_article_starts_a_thread() {
        let t = thread(&format!("{ARTICLE}Leave a Reply\nJohn\nGreat news!\n"));
        assert_eq!(
            t.map(|t| t.line),
            Some(3),
            "should start the thread at 'Leave a Reply'"
        );
    }

    #[test]
    fn a_comments_menu_item_above_the_article_is_not_a_thread() {
        assert_eq!(
            thread(&format!("Home\nComments\n{ARTICLE}")),
            None,
            "should need an article before the thread"
        );
    }

    #[test]
    fn a_comment_counter_in_a_share_bar_is_not_a_thread() {
        let t = thread(&format!(
            "{ARTICLE}Facebook\nTwitter\nComments\nPrint\n{ARTICLE}"
        ));
        assert_eq!(t, None, "should see a toolbar, not a thread");
    }

    #[test]
    fn a_cluster_of_comment_metadata_starts_a_thread() {
        let t = thread(&format!("{ARTICLE}Woyzeck\n2 days ago at 07:52 am\nNice.\nRating: 36 Votes\nNick A\n2 days ago at 07:47 am\n"));
        assert_eq!(
            t.map(|t| t.line),
            Some(3),
            "should start at the first commenter's name"
        );
    }
}
