//! The run loop: each planned pass in order, its changes checked, mapped back
//! onto the original input and merged into the edit list.

use crate::compose::{compose, to_original};
use crate::edit::{Cleaned, Edit, Stats};
use crate::error::Error;
use crate::options::Options;
use crate::report::{Change, Report};

/// Cleans `input`. See [`crate::clean`].
pub fn run(input: &str, options: &Options) -> Result<Cleaned, Error> {
    run_with_progress(input, options, &mut |_, _| {})
}

/// Cleans `input`, calling `progress(done, pass)` before each pass with the share
/// of the work done so far (0 to 1, by passes) and the pass about to run, and
/// once more with `(1.0, "")` at the end.
pub fn run_with_progress(
    input: &str,
    options: &Options,
    progress: &mut dyn FnMut(f64, &str),
) -> Result<Cleaned, Error> {
    let plan = options.plan()?;
    let total = plan.len().max(1) as f64;
    let mut stats = Stats {
        input_bytes: input.len(),
        ..Stats::default()
    };
    // The input itself until a pass changes something: no copy for passes
    // that change nothing.
    let mut text = std::borrow::Cow::Borrowed(input);
    let mut edits: Vec<Edit> = Vec::new();
    for (i, pass) in plan.into_iter().enumerate() {
        progress(i as f64 / total, pass.name);
        let mut report = Report::new();
        (pass.run)(&text, options, &mut report);
        stats.passes.push(pass.name.to_string());
        for w in report.warnings.drain(..) {
            stats.warnings.push(format!("{}: {w}", pass.name));
        }
        for mut stamp in report.timestamps.drain(..) {
            stamp.start = to_original(&edits, stamp.start);
            stamp.end = to_original(&edits, stamp.end).max(stamp.start);
            stats.timestamps.push(stamp);
        }
        let changes = checked(
            &text,
            std::mem::take(&mut report.changes),
            pass.name,
            &mut stats.warnings,
        );
        if changes.is_empty() {
            continue;
        }
        let (next, merged) = compose(input, &text, edits, changes, pass.name);
        text = std::borrow::Cow::Owned(next);
        edits = merged;
    }
    for e in &edits {
        for s in &e.steps {
            match stats.changes_by_pass.get_mut(&s.pass) {
                Some(n) => *n += 1,
                None => {
                    stats.changes_by_pass.insert(s.pass.clone(), 1);
                }
            }
        }
    }
    stats.timestamps.sort_by_key(|t| t.start);
    stats.output_bytes = text.len();
    progress(1.0, "");
    Ok(Cleaned {
        text: text.into_owned(),
        edits,
        stats,
    })
}

/// Keeps the changes a pass got right: in order, not overlapping, on `char`
/// boundaries. A pass that breaks these rules has a bug; dropping its bad change
/// (and saying so) loses no text, where panicking would lose all of it.
fn checked(
    text: &str,
    changes: Vec<Change>,
    pass: &str,
    warnings: &mut Vec<String>,
) -> Vec<Change> {
    let mut kept = Vec::with_capacity(changes.len());
    let mut at = 0;
    for c in changes {
        let ok = c.start >= at
            && c.start <= c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end);
        debug_assert!(
            ok,
            "pass {pass} reported a bad change {c:?} (previous end {at})"
        );
        if ok {
            at = c.end;
            kept.push(c);
        } else {
            warnings.push(format!(
                "{pass}: ignored a malformed change at {}..{} (rule {})",
                c.start, c.end, c.rule
            ));
        }
    }
    kept
}
