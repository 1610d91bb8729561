//! The run loop: each planned pass in order, its changes checked, mapped back
//! onto the original input and merged into the edit list.

use crate::compose::{compose, compose_edits, to_original};
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
    let run = run_passes(input, options, progress, Output::Text)?;
    Ok(Cleaned {
        text: run.text.unwrap_or_else(|| input.to_owned()),
        edits: run.edits,
        stats: run.stats,
    })
}

/// What the caller of [`run_passes`] needs of the output text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    /// The text itself.
    Text,
    /// Only the edits, from which the caller makes the text (as the npm
    /// package does, from slices of the caller's own string): the text is
    /// then built only where a later pass needs it.
    Edits,
}

/// What [`run_passes`] makes.
pub(crate) struct Run {
    /// The output text: always there for [`Output::Text`], except when it is
    /// the input; for [`Output::Edits`] only if a pass other than the last
    /// built it. Applying `edits` to the input gives it in every case.
    pub text: Option<String>,
    pub edits: Vec<Edit>,
    pub stats: Stats,
}

/// The run loop of [`run_with_progress`], which says what it needs of the text.
pub(crate) fn run_passes(
    input: &str,
    options: &Options,
    progress: &mut dyn FnMut(f64, &str),
    output: Output,
) -> Result<Run, Error> {
    let plan = options.plan()?;
    let passes = plan.len();
    let total = plan.len().max(1) as f64;
    let mut stats = Stats {
        input_bytes: input.len(),
        ..Stats::default()
    };
    // The input itself until a pass changes something: no copy for passes
    // that change nothing.
    let mut text = std::borrow::Cow::Borrowed(input);
    // The length of the output text, when the last pass's changes were not
    // applied to `text` (see [`Output::Edits`]).
    let mut unbuilt_len: Option<usize> = None;
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
        if output == Output::Edits && i + 1 == passes {
            // Nothing reads the text after the last pass: only its length.
            let added: usize = changes.iter().map(|c| c.replacement.len()).sum();
            let removed: usize = changes.iter().map(|c| c.end - c.start).sum();
            unbuilt_len = Some(text.len() + added - removed);
            edits = compose_edits(input, &text, edits, changes, pass.name);
        } else {
            let (next, merged) = compose(input, &text, edits, changes, pass.name);
            text = std::borrow::Cow::Owned(next);
            edits = merged;
        }
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
    stats.output_bytes = unbuilt_len.unwrap_or(text.len());
    progress(1.0, "");
    let text = match text {
        _ if unbuilt_len.is_some() => None,
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(text) => Some(text),
    };
    Ok(Run { text, edits, stats })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    #[test]
    fn a_run_for_edits_only_reports_what_a_full_run_does() {
        for (input, options) in [
            ("Le cafÃ© est prÃªt.\nPlain line.\n", Options::default()),
            (
                "Read\u{a0}the \u{421}omment   \n\n\n\nbelow.\n",
                Options::default(),
            ),
            ("caf&Atilde;&copy;  crème\n", Options::gentle()),
            ("Le cafÃ© est prÃªt.", Options::only(&["encoding"])),
            ("nothing to do\n", Options::default()),
        ] {
            let full = run(input, &options).unwrap();
            let edits_only = run_passes(input, &options, &mut |_, _| {}, Output::Edits).unwrap();
            assert_eq!(
                edits_only.edits, full.edits,
                "should make the same edits for {input:?}"
            );
            assert_eq!(
                edits_only.stats, full.stats,
                "should count the same for {input:?}"
            );
            let text = edits_only
                .text
                .or_else(|| apply_edits(input, &edits_only.edits))
                .unwrap();
            assert_eq!(text, full.text, "should give the same text for {input:?}");
        }
    }
}
