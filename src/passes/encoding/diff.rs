//! Turning a repaired segment into small edits.
//!
//! A repair works on a whole segment, but an edit should cover only what changed,
//! so the demo highlights `Ã©` and not the sentence around it. Mojibake repair
//! keeps spaces where they were (apart from the rare no-break space put back), so
//! the original and repaired segment are lined up word by word; each word that
//! differs becomes an edit, trimmed to the characters that differ. When the words
//! do not line up, one edit covers the span from the first to the last change.

use crate::report::Report;

/// The runs of spaces and of other characters that make up `s`, in order.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let space = *rest.as_bytes().first()? == b' ';
        // A space is ASCII and so is a char boundary, and so is whatever
        // follows one.
        let len = rest
            .bytes()
            .position(|b| (b == b' ') != space)
            .unwrap_or(rest.len());
        let (token, after) = rest.split_at(len);
        rest = after;
        Some(token)
    })
}

/// Whether `a` and `b` have as many tokens, spaces matching spaces.
fn aligned(a: &str, b: &str) -> bool {
    let (mut ta, mut tb) = (tokens(a), tokens(b));
    loop {
        match (ta.next(), tb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.starts_with(' ') == y.starts_with(' ') => {}
            _ => return false,
        }
    }
}

/// The span of `a` that differs from `b` after trimming a common prefix and
/// suffix (on `char` boundaries): `(start, end_in_a, end_in_b)`.
fn trim(a: &str, b: &str) -> (usize, usize, usize) {
    let mut p = 0;
    for ((i, x), y) in a.char_indices().zip(b.chars()) {
        if x != y {
            break;
        }
        p = i + x.len_utf8();
    }
    let (ra, rb) = (&a[p..], &b[p..]);
    let mut s = 0;
    for (x, y) in ra.chars().rev().zip(rb.chars().rev()) {
        if x != y {
            break;
        }
        s += x.len_utf8();
    }
    (p, a.len() - s, b.len() - s)
}

/// Records the edits that turn `orig` (at byte `base` of the pass's text) into
/// `fixed`.
pub fn record(orig: &str, fixed: &str, base: usize, rule: &str, reason: &str, report: &mut Report) {
    if orig == fixed {
        return;
    }
    if aligned(orig, fixed) {
        let mut at = base;
        for (x, y) in tokens(orig).zip(tokens(fixed)) {
            if x != y {
                let (p, ea, eb) = trim(x, y);
                report.replace(at + p, at + ea, &y[p..eb], rule, reason);
            }
            at += x.len();
        }
    } else {
        let (p, ea, eb) = trim(orig, fixed);
        report.replace(base + p, base + ea, &fixed[p..eb], rule, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_runs_of_spaces_and_of_the_rest() {
        assert_eq!(
            tokens("  é bc  d").collect::<Vec<_>>(),
            ["  ", "é", " ", "bc", "  ", "d"],
            "should cut at every change between space and not"
        );
        assert_eq!(tokens("").count(), 0, "should find none in nothing");
    }

    #[test]
    fn edits_cover_only_changed_words() {
        let mut r = Report::new();
        record(
            "le cafÃ© et le thÃ©",
            "le café et le thé",
            10,
            "r",
            "why",
            &mut r,
        );
        let spans: Vec<_> = r
            .changes()
            .iter()
            .map(|c| (c.start, c.end, c.replacement.as_str()))
            .collect();
        assert_eq!(
            spans,
            [(16, 20, "é"), (29, 33, "é")],
            "should make one edit per mangled word"
        );
    }

    #[test]
    fn unaligned_words_make_one_edit() {
        let mut r = Report::new();
        record("Ã quele dia", "àquele dia", 0, "r", "why", &mut r);
        assert_eq!(
            r.apply("Ã quele dia"),
            "àquele dia",
            "should replay to the repair"
        );
        assert_eq!(r.changes().len(), 1, "should make a single edit");
    }
}
