//! Finding the article's main body: the densest stretch of running text.
//!
//! Every line gets a weight: prose lines count for their length, labels,
//! menu items and lexicon hits count against. The body is the stretch with the
//! largest total (the maximum-subarray problem, solved in one pass), the same
//! idea as the Body Text Extraction of Finn, Kushmerick and Smyth (2001), which
//! maximises text inside and markup outside, applied to lines instead of tags.
//! Lines inside the body are judged leniently, lines outside it strictly.

use super::lexicon::{Family, Hits};
use super::lines::Line;

/// How much a line speaks for being inside the article body.
pub fn weight(line: &Line, hits: Hits) -> f32 {
    if line.is_blank() || line.code {
        return 0.0;
    }
    if !hits.is_empty() && line.words <= 14 {
        return -3.0;
    }
    // A prompt that reads like a sentence ("We use cookies to ...") is still a prompt.
    if hits.has(Family::Promotion)
        || hits.has(Family::CookiePrompt)
        || hits.has(Family::NewsletterPrompt)
        || hits.has(Family::LoginPrompt)
    {
        return -3.0;
    }
    if line.is_prose() {
        return line.words.min(120) as f32;
    }
    if line.words >= 5 && line.terminal {
        return line.words as f32 / 2.0;
    }
    -2.0
}

/// Every line's weight, with teaser lists turned against the body.
pub fn weights(lines: &[Line], hits: &[Hits]) -> Vec<f32> {
    let mut w: Vec<f32> = lines.iter().zip(hits).map(|(l, h)| weight(l, *h)).collect();
    for i in teasers(lines)
        .into_iter()
        .chain(super::read_more::teasers(lines))
    {
        w[i] = w[i].min(-2.0);
    }
    w
}

/// The longest blurb, in words, under two labels: an entry of a listicle
/// (name, place, paragraph) runs longer.
const MAX_BLURB: usize = 45;
/// The longest blurb under three or more labels (headline, author, date); a
/// longer paragraph under a product card or a dated entry is content.
const MAX_LONG_BLURB: usize = 90;

/// Teasers needed in a row to call them a list.
const MIN_TEASERS: usize = 3;

/// The lines of teaser lists: units of two or more labels (kicker, headline,
/// source, tags) and then a single paragraph (the blurb), three or more in a
/// row. An article's sections hold several paragraphs under one heading; a
/// list of other stories holds one blurb under each headline block.
pub fn teasers(lines: &[Line]) -> Vec<usize> {
    // Runs of consecutive non-blank lines of the same kind: (is_label, first, last, count).
    let mut runs: Vec<(bool, usize, usize, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        let label = l.is_label();
        match runs.last_mut() {
            Some(r) if r.0 == label => {
                r.2 = i;
                r.3 += 1;
            }
            _ => runs.push((label, i, i, 1)),
        }
    }
    let is_unit = |k: usize| {
        k + 1 < runs.len()
            && runs[k].0
            && runs[k].3 >= 2
            && !runs[k + 1].0
            && runs[k + 1].3 == 1
            && lines[runs[k + 1].1].words
                <= if runs[k].3 >= 3 {
                    MAX_LONG_BLURB
                } else {
                    MAX_BLURB
                }
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let mut m = k;
        let mut units = 0;
        while is_unit(m) {
            units += 1;
            m += 2;
        }
        if units >= MIN_TEASERS {
            for r in &runs[k..m] {
                out.extend(r.1..=r.2);
            }
            k = m;
        } else {
            k += 1;
        }
    }
    out
}

/// The body: `start..end` in line indices, with its total weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Body {
    pub start: usize,
    pub end: usize,
    pub score: f32,
}

/// The stretch of `weights[..limit]` with the largest total (empty if none is positive).
pub fn densest(weights: &[f32], limit: usize) -> Body {
    let mut best = Body {
        start: 0,
        end: 0,
        score: 0.0,
    };
    let mut cur = 0.0f32;
    let mut cur_start = 0;
    for (i, &w) in weights.iter().enumerate().take(limit) {
        if cur <= 0.0 {
            cur = 0.0;
            cur_start = i;
        }
        cur += w;
        if cur > best.score {
            best = Body {
                start: cur_start,
                end: i + 1,
                score: cur,
            };
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_heaviest_stretch() {
        let w = [-2.0, -2.0, 30.0, -1.0, 20.0, -2.0, -2.0, -2.0, 3.0];
        let b = densest(&w, w.len());
        assert_eq!(
            (b.start, b.end),
            (2, 5),
            "should span the two prose lines and the label between"
        );
        assert_eq!(b.score, 49.0, "should sum the weights");
    }

    #[test]
    fn sees_teaser_lists_but_not_sections() {
        let blurb = "Scientists say the discovery could change how we think about the early universe and its first stars.";
        let teasers_text = format!("KICKER\nA Headline Here\nsite.com\n{blurb}\nOTHER\nAnother One\nnews.com\n{blurb}\nMORE\nThird Story\nblog.com\n{blurb}\n");
        let lines = crate::passes::residue::lines::split(&teasers_text);
        assert_eq!(
            teasers(&lines).len(),
            12,
            "should mark every line of three teasers"
        );
        let article = format!("Heading One\n{blurb}\n{blurb}\nHeading Two\n{blurb}\n{blurb}\n");
        let lines = crate::passes::residue::lines::split(&article);
        assert!(teasers(&lines).is_empty(), "should leave sections alone");
    }

    #[test]
    fn respects_the_limit() {
        let w = [10.0, -20.0, 50.0];
        assert_eq!(densest(&w, 2).end, 1, "should not look past the limit");
    }
}
