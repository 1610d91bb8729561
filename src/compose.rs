//! Composition of pass changes into edits over the original input.
//!
//! Each pass reports changes against the text it was given, which is the input
//! with every earlier pass's edits applied. This module maps those changes back
//! onto the original input. When a change touches text an earlier edit produced,
//! the two merge into one edit over the union of their original spans, and the
//! edit keeps every step. The walk is a single merge of two sorted lists, so the
//! cost is linear in the number of edits.

use crate::edit::{Edit, Step};
use crate::report::Change;

/// An edit together with where its output sits in the text the current pass saw.
struct Placed {
    /// Span of the edit's output in the pass's input text.
    at: usize,
    to: usize,
    edit: Edit,
    /// Made by the pass being composed: its output already holds that pass's
    /// earlier changes, so it is not the same as `current[at..to]`.
    fresh: bool,
}

/// Whether a change over `a..b` and an edit output over `ts..te` must merge:
/// they overlap, or one of them is empty and sits strictly inside the other.
fn touches(a: usize, b: usize, ts: usize, te: usize) -> bool {
    a.max(ts) < b.min(te) || (a == b && ts < a && a < te) || (ts == te && a < ts && ts < b)
}

/// Maps a position in the pass's input that lies outside every edit output onto
/// the original input, given the last placed edit that ends at or before it.
fn gap_to_original(p: usize, prev: Option<&Placed>) -> usize {
    match prev {
        Some(prev) => prev.edit.end + (p - prev.to),
        None => p,
    }
}

fn place(edits: Vec<Edit>) -> Vec<Placed> {
    let mut delta: isize = 0;
    edits
        .into_iter()
        .map(|edit| {
            let at = (edit.start as isize + delta) as usize;
            let to = at + edit.replacement.len();
            delta += edit.replacement.len() as isize - (edit.end - edit.start) as isize;
            Placed {
                at,
                to,
                edit,
                fresh: false,
            }
        })
        .collect()
}

/// Maps a position in a pass's input onto the original input. A position inside
/// an edit's output maps to the start of that edit's original span.
pub(crate) fn to_original(edits: &[Edit], p: usize) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        let at = (e.start as isize + delta) as usize;
        let to = at + e.replacement.len();
        if p < at {
            break;
        }
        if p < to {
            return e.start;
        }
        if p == to {
            return e.end;
        }
        delta += e.replacement.len() as isize - (e.end - e.start) as isize;
    }
    (p as isize - delta) as usize
}

fn describe(steps: &[Step]) -> String {
    let mut reason = String::new();
    for (i, s) in steps.iter().enumerate() {
        if i > 0 {
            reason.push_str("; then ");
        }
        reason.push_str(&s.reason);
    }
    reason
}

/// Applies `changes` (validated: sorted, non-overlapping, on `char` boundaries of
/// `current`) made by `pass` to `current`, and folds them into `edits`, which are
/// over `original`. Returns the new text and the new edit list.
pub(crate) fn compose(
    original: &str,
    current: &str,
    edits: Vec<Edit>,
    changes: Vec<Change>,
    pass: &str,
) -> (String, Vec<Edit>) {
    compose_with(original, current, edits, changes, pass, true)
}

/// [`compose`] for a caller that needs only the edits: the new text, which
/// the edits give anyway, is not built (a copy of the whole text saved when
/// the last pass changes something).
pub(crate) fn compose_edits(
    original: &str,
    current: &str,
    edits: Vec<Edit>,
    changes: Vec<Change>,
    pass: &str,
) -> Vec<Edit> {
    compose_with(original, current, edits, changes, pass, false).1
}

/// [`compose`], building the new text only if `build_text` (else it is empty).
fn compose_with(
    original: &str,
    current: &str,
    edits: Vec<Edit>,
    changes: Vec<Change>,
    pass: &str,
    build_text: bool,
) -> (String, Vec<Edit>) {
    let mut next = String::with_capacity(if build_text { current.len() } else { 0 });
    let mut copied = 0;
    let mut out: Vec<Placed> = Vec::with_capacity(edits.len() + changes.len());
    let mut old = place(edits).into_iter().peekable();

    for c in changes {
        if c.replacement == current[c.start..c.end] {
            continue;
        }
        if build_text {
            next.push_str(&current[copied..c.start]);
            next.push_str(&c.replacement);
        }
        copied = c.end;

        // Earlier edits wholly before this change keep their place.
        while let Some(p) = old.peek() {
            if p.to <= c.start && !touches(c.start, c.end, p.at, p.to) {
                out.extend(old.next());
            } else {
                break;
            }
        }
        let mut touched: Vec<Placed> = Vec::new();
        if out
            .last()
            .is_some_and(|p| touches(c.start, c.end, p.at, p.to))
        {
            touched.extend(out.pop());
        }
        while let Some(p) = old.peek() {
            if touches(c.start, c.end, p.at, p.to) {
                touched.extend(old.next());
            } else {
                break;
            }
        }

        let (from, start) = match touched.first() {
            Some(t) if t.at <= c.start => (t.at, t.edit.start),
            _ => (c.start, gap_to_original(c.start, out.last())),
        };
        let (to, end) = match touched.last() {
            Some(t) if t.to >= c.end => (t.to, t.edit.end),
            Some(t) => (c.end, gap_to_original(c.end, Some(t))),
            None => (c.end, gap_to_original(c.end, out.last())),
        };
        // Text before the change: from a piece this pass already merged into (whose
        // output ends with `current[c.start..t.to]`), or else from the input.
        let head = match touched.first() {
            Some(t) if t.fresh => {
                &t.edit.replacement[..t.edit.replacement.len() - (t.to - c.start)]
            }
            _ => &current[from..c.start],
        };
        let tail = &current[c.end..to];
        let mut replacement = String::with_capacity(head.len() + c.replacement.len() + tail.len());
        replacement.push_str(head);
        replacement.push_str(&c.replacement);
        replacement.push_str(tail);
        let mut steps: Vec<Step> = touched.into_iter().flat_map(|t| t.edit.steps).collect();
        steps.push(Step {
            pass: pass.to_string(),
            rule: c.rule,
            reason: c.reason,
            before: current[c.start..c.end].to_string(),
            after: c.replacement,
        });
        if original.get(start..end) == Some(replacement.as_str()) {
            // A later pass undid an earlier one: nothing is left to report.
            continue;
        }
        let edit = Edit {
            start,
            end,
            replacement,
            pass: steps[0].pass.clone(),
            rule: steps[0].rule.clone(),
            reason: describe(&steps),
            steps,
        };
        out.push(Placed {
            at: from,
            to,
            edit,
            fresh: true,
        });
    }
    out.extend(old);
    if build_text {
        next.push_str(&current[copied..]);
    }
    (next, out.into_iter().map(|p| p.edit).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn change(start: usize, end: usize, replacement: &str, rule: &str) -> Change {
        Change {
            start,
            end,
            replacement: replacement.into(),
            rule: rule.into(),
            reason: format!("{rule} reason"),
        }
    }

    /// Runs passes of changes in turn and checks replay after each.
    fn run(original: &str, passes: Vec<Vec<Change>>) -> (String, Vec<Edit>) {
        let mut text = original.to_string();
        let mut edits = Vec::new();
        for (i, changes) in passes.into_iter().enumerate() {
            let (t, e) = compose(original, &text, edits, changes, &format!("p{i}"));
            assert_eq!(
                apply_edits(original, &e).as_deref(),
                Some(t.as_str()),
                "edits should replay after pass {i}"
            );
            text = t;
            edits = e;
        }
        (text, edits)
    }

    #[test]
    fn separate_changes_stay_separate() {
        let (text, edits) = run(
            "aa bb cc",
            vec![vec![change(0, 2, "A", "x")], vec![change(5, 7, "C", "y")]],
        );
        assert_eq!(text, "A bb C", "should apply both changes");
        assert_eq!(edits.len(), 2, "should keep two edits");
        assert_eq!(
            (edits[1].start, edits[1].end),
            (6, 8),
            "should map the second change onto the original"
        );
    }

    #[test]
    fn later_change_inside_earlier_output_merges() {
        let (text, edits) = run(
            "cafÃ© ok",
            vec![
                vec![change(3, 7, "é", "moji")],
                vec![change(0, 5, "Café", "case")],
            ],
        );
        assert_eq!(text, "Café ok", "should apply both steps");
        assert_eq!(edits.len(), 1, "should merge into one edit");
        assert_eq!(
            (edits[0].start, edits[0].end),
            (0, 7),
            "should span both originals"
        );
        assert_eq!(edits[0].replacement, "Café", "should carry the final text");
        assert_eq!(edits[0].steps.len(), 2, "should keep both steps");
        assert_eq!(edits[0].pass, "p0", "should name the first pass");
    }

    #[test]
    fn one_change_can_swallow_several_edits() {
        let (text, edits) = run(
            "a-b-c-d",
            vec![
                vec![change(1, 2, "+", "x"), change(3, 4, "+", "x")],
                vec![change(0, 5, "", "drop")],
            ],
        );
        assert_eq!(text, "-d", "should remove the whole stretch");
        assert_eq!(edits.len(), 1, "should merge into one edit");
        assert_eq!(edits[0].steps.len(), 3, "should keep all three steps");
    }

    #[test]
    fn two_changes_touching_one_earlier_edit_merge_into_it() {
        let (text, edits) = run(
            "xyz",
            vec![
                vec![change(1, 2, "abcd", "grow")],
                vec![change(1, 2, "A", "u"), change(3, 4, "C", "u")],
            ],
        );
        assert_eq!(text, "xAbCdz", "should apply both later changes");
        assert_eq!(edits.len(), 1, "should fold both into the one earlier edit");
        assert_eq!(edits[0].steps.len(), 3, "should keep three steps");
    }

    #[test]
    fn insertions_next_to_removals_replay() {
        let (text, edits) = run(
            "ab",
            vec![
                vec![change(1, 2, "", "del")],
                vec![change(1, 1, "!", "ins")],
            ],
        );
        assert_eq!(text, "a!", "should insert where the removal was");
        assert_eq!(
            edits.len(),
            2,
            "should keep an insertion beside a removal apart"
        );
    }

    #[test]
    fn undoing_an_edit_drops_it() {
        let (text, edits) = run(
            "abc",
            vec![
                vec![change(1, 2, "X", "up")],
                vec![change(1, 2, "b", "down")],
            ],
        );
        assert_eq!(text, "abc", "should restore the text");
        assert!(
            edits.is_empty(),
            "should report nothing when a later pass undoes an earlier one"
        );
    }

    #[test]
    fn positions_map_back_to_the_original() {
        let (_, edits) = run("ab cd", vec![vec![change(0, 2, "xyzw", "g")]]);
        assert_eq!(
            to_original(&edits, 5),
            3,
            "should shift positions after a longer edit"
        );
        assert_eq!(
            to_original(&edits, 1),
            0,
            "should map inside an edit to its start"
        );
    }
}
