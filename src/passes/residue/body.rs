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
    if line.is_blank() {
        return 0.0;
    }
    if !hits.is_empty() && line.words <= 14 {
        return -3.0;
    }
    // A prompt that reads like a sentence ("We use cookies to ...") is still a prompt.
    if hits.has(Family::CookiePrompt)
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
    if line.words <= 3 || line.caps_share > 0.6 {
        return -2.0;
    }
    -1.0
}

/// Every line's weight.
pub fn weights(lines: &[Line], hits: &[Hits]) -> Vec<f32> {
    lines.iter().zip(hits).map(|(l, h)| weight(l, *h)).collect()
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
    fn respects_the_limit() {
        let w = [10.0, -20.0, 50.0];
        assert_eq!(densest(&w, 2).end, 1, "should not look past the limit");
    }
}
