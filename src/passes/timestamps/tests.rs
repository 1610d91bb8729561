//! Unit tests of the pass as a whole.

use super::*;

fn run_on(text: &str) -> Report {
    let mut report = Report::new();
    run(text, &Options::default(), &mut report);
    report
}

fn clean(text: &str) -> String {
    run_on(text).apply(text)
}
