//! Turning a repaired segment into small edits.
//!
//! A repair works on a whole segment, but an edit should cover only what changed,
//! so the demo highlights `Ã©` and not the sentence around it. Mojibake repair
//! keeps spaces where they were (apart from the rare no-break space put back), so
//! the original and repaired segment are lined up word by word; each word that
//! differs becomes an edit, trimmed to the characters that differ. When the words
//! do not line up, one edit covers the span from the first to the last change.

use crate::report::Report;

fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_space = None;
    for (i, c) in s.char_indices() {
        let sp = c == ' ';
        if prev_space.is_some_and(|p| p != sp) {
            out.push(&s[start..i]);
            start = i;
        }
        prev_space = Some(sp);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
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
    let (ta, tb) = (tokens(orig), tokens(fixed));
    let aligned = ta.len() == tb.len()
        && ta
            .iter()
            .zip(&tb)
            .all(|(x, y)| x.starts_with(' ') == y.starts_with(' '));
    if aligned {
        let mut at = base;
        for (x, y) in ta.iter().zip(&tb) {
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
