//! # textscrub
//!
//! Turns text scraped from the web into clean text, and says exactly what it
//! changed and why.
//!
//! Scraped text arrives with mojibake (`cafÃ©`), stray timestamps
//! (`04:44 GMT +3`), share-widget residue (`Get short URL`), capitalisation
//! quirks from machine translation (`U.S. state Department`) and invisible or
//! look-alike characters (`Сomment` with a Cyrillic `С`). textscrub runs a fixed,
//! ordered pipeline of *passes* over the text; each pass reports its changes as
//! [`Edit`]s over the original input, so every change can be shown, checked,
//! replayed or undone.
//!
//! ## Quick start
//!
//! ```
//! use textscrub::{clean, Options};
//!
//! let input = "Read\u{a0}the \u{421}omment   \n\n\n\nbelow.\n";
//! let cleaned = clean(input, &Options::default()).unwrap();
//! assert_eq!(cleaned.text, "Read the Comment\n\nbelow.\n");
//! // Every change is an edit over the input, with its pass, rule and reason.
//! for edit in &cleaned.edits {
//!     println!("{}..{} {:?} [{}/{}] {}", edit.start, edit.end, edit.replacement, edit.pass, edit.rule, edit.reason);
//! }
//! // Applying the edits to the input gives the output exactly.
//! assert_eq!(textscrub::apply_edits(input, &cleaned.edits).unwrap(), cleaned.text);
//! ```
//!
//! ## Choosing passes
//!
//! [`Options::default`] is the `article` preset: every pass. [`Options::gentle`]
//! runs only the character-level passes, which never remove a line or re-case a
//! word. `only` and `skip` take pass names (see [`passes::REGISTRY`] for the list
//! in pipeline order); an unknown name is an [`Error`] that names it.
//!
//! ```
//! use textscrub::{clean, Options};
//!
//! let mut options = Options::only(&["whitespace"]);
//! let cleaned = clean("  indented\n  text  \n", &options).unwrap();
//! assert_eq!(cleaned.text, "indented\ntext\n");
//!
//! options.skip.push("no-such-pass".into());
//! assert!(clean("x", &options).unwrap_err().to_string().contains("no-such-pass"));
//! ```
//!
//! ## Guarantees
//!
//! - **Edits are the truth**: [`apply_edits`]`(input, &cleaned.edits)` equals
//!   `cleaned.text`.
//! - **Do no harm**: text that is already clean comes back byte-identical.
//! - **Idempotent**: cleaning the output again changes nothing.
//! - **No panics, no lost text**: any `&str` can be cleaned; bytes that are not
//!   UTF-8 go through [`clean_bytes`], which decodes what it can and reports how.
//!
//! ## Feature flags
//!
//! - `cli` (default): the `textscrub` command-line tool.
//! - `wasm`: the JavaScript bindings of the npm package.

mod compose;
pub mod decode;
mod edit;
mod error;
mod options;
pub mod passes;
mod pipeline;
mod report;
/// The JavaScript API of the npm package (feature `wasm`).
#[cfg(feature = "wasm")]
pub mod wasm;

pub use edit::{apply_edits, Cleaned, Decoding, Edit, Stats, Step, Timestamp};
pub use error::Error;
pub use options::{Options, PassSetting, Preset};
pub use report::{Change, Report};

/// Cleans `text` with the passes `options` select.
///
/// Fails only when the options name a pass or preset that does not exist.
pub fn clean(text: &str, options: &Options) -> Result<Cleaned, Error> {
    pipeline::run(text, options)
}

/// Like [`clean`], calling `progress(done, pass)` as the passes run: `done` is the
/// share of the work done (0 to 1), `pass` the pass about to run (empty at the end).
pub fn clean_with_progress(
    text: &str,
    options: &Options,
    progress: &mut dyn FnMut(f64, &str),
) -> Result<Cleaned, Error> {
    pipeline::run_with_progress(text, options, progress)
}

/// Cleans bytes of unknown encoding: decodes them (see [`decode`]), then cleans
/// the text. `stats.decoding` says how the bytes were read, and edits are over
/// the *decoded* text, which is returned as `input`.
pub fn clean_bytes(bytes: &[u8], options: &Options) -> Result<(String, Cleaned), Error> {
    let (input, decoding) = decode::decode(bytes);
    let mut cleaned = clean(&input, options)?;
    if let Some(warning) = decoding_warning(&decoding) {
        cleaned.stats.warnings.insert(0, warning);
    }
    cleaned.stats.decoding = Some(decoding);
    Ok((input, cleaned))
}

/// What a user should be told about how their bytes were read, if anything:
/// bytes that were not UTF-8 (or UTF-16 with a byte-order mark) are a guess.
fn decoding_warning(d: &Decoding) -> Option<String> {
    if d.invalid > 0 {
        return Some(format!(
            "input: {} bytes were not valid {}; each was read as windows-1252 so that no text is lost",
            d.invalid, d.encoding
        ));
    }
    let certain = d.encoding == "UTF-8" || (d.bom && d.encoding.starts_with("UTF-16"));
    (!certain).then(|| {
        format!(
            "input: not valid UTF-8; decoded as {} (confidence {:.2})",
            d.encoding, d.confidence
        )
    })
}
