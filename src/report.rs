//! What a pass hands back to the pipeline: its changes and its findings.
//!
//! A pass never edits text in place. It reads the text it is given and records
//! [`Change`]s against *that* text; the pipeline applies them, maps them back onto
//! the original input and merges them with earlier passes' edits. Keeping passes
//! this way makes each one a pure function that is easy to test on its own.

use crate::edit::Timestamp;

/// One change a pass wants made, in byte offsets into the text the pass was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Start of the replaced span (inclusive), a `char` boundary.
    pub start: usize,
    /// End of the replaced span (exclusive), a `char` boundary.
    pub end: usize,
    /// What replaces the span; empty for a removal.
    pub replacement: String,
    /// A short, stable identifier of the rule, such as `nbsp` or `utf8-as-cp1252`.
    pub rule: String,
    /// A sentence for people: what was recognised and why it was changed.
    pub reason: String,
}

/// Everything one pass reports: changes, and what it found along the way.
///
/// Changes must be sorted by position and must not overlap; two insertions at the
/// same offset are kept in the order they were added. The pipeline checks this and
/// drops (with a warning) anything a buggy pass gets wrong, rather than panicking.
#[derive(Debug, Default)]
pub struct Report {
    pub(crate) changes: Vec<Change>,
    pub(crate) timestamps: Vec<Timestamp>,
    pub(crate) warnings: Vec<String>,
}

impl Report {
    /// A report with nothing in it.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces `start..end` with `replacement`.
    pub fn replace(
        &mut self,
        start: usize,
        end: usize,
        replacement: impl Into<String>,
        rule: impl Into<String>,
        reason: impl Into<String>,
    ) {
        self.changes.push(Change {
            start,
            end,
            replacement: replacement.into(),
            rule: rule.into(),
            reason: reason.into(),
        });
    }

    /// Removes `start..end`.
    pub fn remove(
        &mut self,
        start: usize,
        end: usize,
        rule: impl Into<String>,
        reason: impl Into<String>,
    ) {
        self.replace(start, end, String::new(), rule, reason);
    }

    /// Records a timestamp the pass recognised; `start` and `end` are offsets into
    /// the pass's input, which the pipeline maps back onto the original input.
    pub fn timestamp(&mut self, stamp: Timestamp) {
        self.timestamps.push(stamp);
    }

    /// A non-fatal finding worth telling the user about.
    pub fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    /// The changes recorded so far, in the order they were added.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The timestamps recorded so far.
    pub fn timestamps(&self) -> &[Timestamp] {
        &self.timestamps
    }

    /// Applies this report's changes to `input` (the text the pass was given).
    /// Handy in a pass's unit tests.
    pub fn apply(&self, input: &str) -> String {
        let mut out = String::with_capacity(input.len());
        let mut at = 0;
        for c in &self.changes {
            if c.start < at || c.end < c.start || c.end > input.len() {
                continue;
            }
            out.push_str(&input[at..c.start]);
            out.push_str(&c.replacement);
            at = c.end;
        }
        out.push_str(&input[at..]);
        out
    }
}

#[cfg(test)]
impl Report {
    /// Runs `stage` (or a whole pass) on `text` with the default options and
    /// returns the text it makes: the one-liner of most unit tests.
    pub(crate) fn apply_stage(stage: Stage, text: &str) -> String {
        let mut report = Report::new();
        stage(text, &crate::options::Options::default(), &mut report);
        report.apply(text)
    }
}

/// A stage inside a pass: the same shape as a pass.
pub type Stage = fn(&str, &crate::options::Options, &mut Report);

/// A stage that may carry state from one run to the next (a closure).
pub type StageRef<'a> = &'a dyn Fn(&str, &crate::options::Options, &mut Report);

/// Runs `stages` one after another, each on the previous stage's output, and
/// records their combined effect in `report` as changes against `text`.
///
/// This lets a pass be written as small single-purpose stages (remove invisible
/// characters, then normalise, then ...) without the stages having to agree on
/// non-overlapping spans. Where stages touch the same text, their changes merge
/// into one change whose rule joins theirs with `+` and whose reason lists each.
pub fn run_stages<S: Fn(&str, &crate::options::Options, &mut Report)>(
    text: &str,
    options: &crate::options::Options,
    stages: &[(&str, S)],
    report: &mut Report,
) {
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut edits = Vec::new();
    // The changes of the first stage that changed anything, while no other
    // stage has: they are already changes against `text`, so they are only
    // composed into edits if a later stage changes something too. (Composing
    // them alone gives the same changes back, less any that change nothing.)
    let mut first: Option<(&str, Vec<Change>)> = None;
    for (name, stage) in stages {
        let mut r = Report::new();
        stage(&current, options, &mut r);
        report.warnings.append(&mut r.warnings);
        if let Some((first_name, changes)) = first.take() {
            if r.changes.is_empty() && r.timestamps.is_empty() {
                first = Some((first_name, changes));
            } else {
                edits = crate::compose::compose(text, text, edits, changes, first_name).1;
            }
        }
        for mut stamp in r.timestamps.drain(..) {
            stamp.start = crate::compose::to_original(&edits, stamp.start);
            stamp.end = crate::compose::to_original(&edits, stamp.end).max(stamp.start);
            report.timestamps.push(stamp);
        }
        if r.changes.is_empty() {
            continue;
        }
        if edits.is_empty() && !matches!(current, std::borrow::Cow::Owned(_)) {
            r.changes
                .retain(|c| text.get(c.start..c.end) != Some(c.replacement.as_str()));
            if !r.changes.is_empty() {
                current = std::borrow::Cow::Owned(r.apply(text));
                first = Some((name, r.changes));
            }
            continue;
        }
        let (next, merged) = crate::compose::compose(text, &current, edits, r.changes, name);
        current = std::borrow::Cow::Owned(next);
        edits = merged;
    }
    if let Some((_, changes)) = first {
        report.changes.extend(changes);
        return;
    }
    for e in edits {
        let rule = e
            .steps
            .iter()
            .map(|s| s.rule.as_str())
            .collect::<Vec<_>>()
            .join("+");
        report.changes.push(Change {
            start: e.start,
            end: e.end,
            replacement: e.replacement,
            rule,
            reason: e.reason,
        });
    }
}
