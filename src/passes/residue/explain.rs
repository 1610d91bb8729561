//! Turning line verdicts into edits: one edit per block of removed lines.
//!
//! Adjacent removed lines (and the blank lines between them) become one removal
//! of whole lines, line breaks included. Its rule is the family most of its
//! lines belong to; its reason says what the block is, how long it is and how
//! it starts, so a reader can check it at a glance.

use super::classify::{Removal, Verdicts};
use super::lines::Line;
use crate::report::Report;

fn quote(text: &str) -> String {
    let mut q: String = text.chars().take(48).collect();
    if q.len() < text.len() {
        q.push('…');
    }
    q
}

/// Records the removals in `verdicts` as edits.
pub fn report(lines: &[Line], verdicts: &Verdicts, report: &mut Report) {
    let rm = &verdicts.removals;
    let mut i = 0;
    while i < lines.len() {
        if rm[i].is_none() {
            i += 1;
            continue;
        }
        // Extend the block over removed lines and blank lines followed by more removed lines.
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        // The comment thread is a block of its own.
        let stop = match &verdicts.thread {
            Some(t) if t.line > first => t.line,
            _ => lines.len(),
        };
        while j < stop {
            if rm[j].is_some() {
                last = j;
            } else if !lines[j].is_blank() {
                break;
            }
            j += 1;
        }
        let block: Vec<&Removal> = (first..=last).filter_map(|k| rm[k].as_ref()).collect();
        // A block that starts with a lexicon heading ("Related", "Tags") is named by
        // it; otherwise by the rule most of its lines have.
        let mut best = block[0];
        if !best.heading {
            let mut best_count = 0;
            for r in &block {
                let c = block.iter().filter(|s| s.rule == r.rule).count();
                if c > best_count {
                    best = r;
                    best_count = c;
                }
            }
        }
        let count = block.len();
        let reason = match &verdicts.thread {
            Some(t) if first >= t.line => {
                format!("comment thread starts at '{}'", quote(&t.marker))
            }
            _ if count == 1 => format!("{}: '{}'", best.what, quote(lines[first].text)),
            _ => format!(
                "{} ({count} lines, from '{}')",
                best.what,
                quote(lines[first].text)
            ),
        };
        let rule = match &verdicts.thread {
            Some(t) if first >= t.line => "comment-thread",
            _ => best.rule,
        };
        report.remove(lines[first].start, lines[last].end, rule, reason);
        i = last + 1;
    }
}
