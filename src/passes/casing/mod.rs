//! # The `casing` pass
//!
//! **What it fixes**, in this order (each a stage that sees the previous one's output):
//! 1. [`glued`]: words glued at a lost layout break (`standardsDiscussion`,
//!    `FacebookComment`, `reply toThe`) get their space back.
//! 2. [`double_caps`]: stray double capitals (`THe`, `PUtin`).
//! 3. [`caps_lines`]: lines written wholly in capitals, and texts written wholly
//!    in lower case, recased to sentence case.
//! 4. [`initialisms`]: dotted initialisms in lower case (`u.s.`, `u.k.`).
//! 5. [`evidence_case`]: machine-translation casing (`U.S. state Department`,
//!    `Secretary-General ban Ki-moon`, `the Sanctions have`), repaired from the
//!    document's own usage, the lexicon and English title conventions.
//!
//! **What it never touches.** Good text: a word is re-cased only on evidence,
//! which the edit's reason names (the document's own spelling elsewhere, a
//! lexicon entry, an institution's name, a title before a name, a sentence
//! start). Acronyms, mixed-case names (`iPhone`, `McCain`), words glued to
//! digits or symbols (handles, code, `U.S.`), the first word of a line, short
//! capital headings, and common words that the document gives no reason to doubt.
//!
//! **Where its rules come from.** The lexicon in `data/casing/` (SCOWL word
//! lists via Debian's `wamerican`/`wamerican-huge`/`wbritish-huge`, settled and
//! extended by how often English capitalises each word in spaCy's English word
//! frequencies (PyPI `spacy-lookups-data`), compacted by
//! `tools/gen_casing_lexicon.py`, plus hand-written lists of mixed-case names,
//! institutions, titles, roles, given names, abbreviations and acronyms) and the
//! conventions of English news writing. All stages are linear in the text (plus a
//! hash lookup per word and a binary search per lexicon lookup).

pub mod caps_lines;
pub mod double_caps;
pub mod evidence;
pub mod evidence_case;
pub mod glued;
pub mod initialisms;
pub mod language;
pub mod lexicon;
pub mod words;

use crate::options::Options;
use crate::report::{run_stages, Report, StageRef};
use serde::Deserialize;

/// How many times the evidence stage runs (see [`run`]).
const EVIDENCE_ROUNDS: usize = 3;

/// Settings of the `casing` pass: each stage can be turned off.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CasingOptions {
    /// Split words glued at a lost layout break.
    pub glued: bool,
    /// Repair stray double capitals (`THe`).
    pub double_capitals: bool,
    /// Recase lines written in capitals and texts written in lower case.
    pub caps_lines: bool,
    /// Repair machine-translation casing from evidence.
    pub evidence: bool,
}

impl Default for CasingOptions {
    fn default() -> Self {
        Self {
            glued: true,
            double_capitals: true,
            caps_lines: true,
            evidence: true,
        }
    }
}

/// Runs the pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    // Fast path: no letters at all.
    if !text.chars().any(char::is_alphabetic) {
        return;
    }
    let s = &options.casing.settings;
    let rounds = evidence_case::Rounds::default();
    let round = |t: &str, o: &Options, r: &mut Report| evidence_case::run_round(t, o, r, &rounds);
    let mut stages: Vec<(&str, StageRef)> = Vec::with_capacity(6 + EVIDENCE_ROUNDS);
    if s.glued {
        stages.push(("glued", &glued::run));
    }
    if s.double_capitals {
        stages.push(("double-caps", &double_caps::run));
    }
    if s.caps_lines {
        stages.push(("caps-lines", &caps_lines::run));
    }
    if s.evidence {
        stages.push(("initialisms", &initialisms::run));
        // Each repair changes the evidence the next ones see (`New york` fixed
        // makes `york` a name elsewhere): a few rounds reach a fixed point, so
        // cleaning the output again changes nothing. A round with nothing to do
        // costs one scan. The rounds share what they learnt of the text (see
        // `evidence_case::Rounds`).
        for _ in 0..EVIDENCE_ROUNDS {
            stages.push(("evidence", &round));
        }
        if s.double_capitals {
            // `REddit` is repaired only when the document writes `Reddit` at
            // least as often; the rounds above may have raised `reddit`.
            stages.push(("double-caps", &double_caps::run));
        }
        if s.caps_lines {
            stages.push(("caps-lines", &caps_lines::run)); // on the repaired evidence
        }
    }
    // The rules are English: other languages' lines are blanked out (same byte
    // length, so offsets hold) and neither change nor count as evidence.
    let foreign = language::foreign_lines(text);
    if foreign.is_empty() {
        run_stages(text, options, &stages, report);
        return;
    }
    let mut masked = String::with_capacity(text.len());
    let mut at = 0;
    for r in &foreign {
        masked.push_str(&text[at..r.start]);
        masked.extend(std::iter::repeat_n(' ', r.len()));
        at = r.end;
    }
    masked.push_str(&text[at..]);
    run_stages(&masked, options, &stages, report);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn casing(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn clean_news_text_is_untouched() {
        let t = "Foreign Minister Sergey Lavrov met U.S. Secretary of State John Kerry in Geneva on Friday.\n\nThe talks, which NATO officials followed closely, ended without a deal. \"We will meet again,\" Lavrov said.\n";
        assert_eq!(casing(t), t, "should leave clean text byte-identical");
    }

    #[test]
    fn other_languages_are_left_alone() {
        let t = "The mayor said THe bridge was closed.\nDie Brücke bleibt gesperrt, teilte das Amt mit.\nLa señora ganó con una receta del café au lait.\n";
        assert_eq!(
            casing(t),
            t.replacen("THe", "The", 1),
            "should repair the English line only"
        );
    }

    #[test]
    fn idempotent_on_its_own_output() {
        let t = "According to a U.S. state Department spokesman, the Minister of foreign Affairs met THe envoy. the talks ended.";
        let once = casing(t);
        assert_ne!(once, t, "should repair something");
        assert_eq!(casing(&once), once, "should change nothing the second time");
    }
}
