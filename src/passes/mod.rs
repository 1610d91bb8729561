//! The passes, and the one ordered list that registers them.
//!
//! Each pass is a pure function from the text it is given (and the options) to a
//! [`Report`] of changes. [`REGISTRY`] fixes the order and gives each pass the
//! name used everywhere else: in edits, in the CLI's `--only`/`--skip`, and as a
//! key of the options object in JavaScript.

use crate::error::Error;
use crate::options::Options;
use crate::report::Report;

pub mod casing;
pub mod encoding;
pub mod residue;
pub mod timestamps;
pub mod unicode;
pub mod whitespace;

/// A registered pass.
#[derive(Debug)]
pub struct PassInfo {
    /// The pass's public name.
    pub name: &'static str,
    /// Whether the pass only touches characters (runs in the `gentle` preset).
    pub gentle: bool,
    /// What the pass does, in one line (for `--help` and the demo page).
    pub summary: &'static str,
    /// The pass itself.
    pub run: fn(&str, &Options, &mut Report),
    /// Whether the options switch this pass on or off by name (`None`: preset decides).
    pub enabled: fn(&Options) -> Option<bool>,
}

/// Every pass, in the order they run.
pub static REGISTRY: &[PassInfo] = &[
    PassInfo {
        name: "encoding",
        gentle: true,
        summary: "mojibake (UTF-8 read as cp1252 and others, nested, mixed), legacy codec mix-ups, C1 controls, HTML entities",
        run: encoding::run,
        enabled: |o| o.encoding.enabled,
    },
    PassInfo {
        name: "unicode",
        gentle: true,
        summary: "NFC, layout spaces, invisible characters, look-alike letters from another script",
        run: unicode::run,
        enabled: |o| o.unicode.enabled,
    },
    PassInfo {
        name: "timestamps",
        gentle: false,
        summary: "stray time and date stamps (`04:44 GMT +320 February 2017`, `Updated 3 hours ago`), not dates in prose",
        run: timestamps::run,
        enabled: |o| o.timestamps.enabled,
    },
    PassInfo {
        name: "residue",
        gentle: false,
        summary: "page furniture: menus, share buttons, credits, captions, related lists, prompts, comment threads",
        run: residue::run,
        enabled: |o| o.residue.enabled,
    },
    PassInfo {
        name: "casing",
        gentle: false,
        summary: "glued words, stray double capitals, ALL-CAPS lines, machine-translation casing",
        run: casing::run,
        enabled: |o| o.casing.enabled,
    },
    PassInfo {
        name: "whitespace",
        gentle: true,
        summary: "line endings, indentation, trailing spaces, runs of blank lines",
        run: whitespace::run,
        enabled: |o| o.whitespace.enabled,
    },
];

/// The registered pass called `name`.
pub fn find(name: &str) -> Result<&'static PassInfo, Error> {
    REGISTRY
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| Error::UnknownPass {
            name: name.to_string(),
            known: REGISTRY.iter().map(|p| p.name).collect(),
        })
}
