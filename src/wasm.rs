//! The JavaScript API of the npm package: a thin layer that converts options in
//! and results out, and turns errors into JS `Error`s that name the problem.
//! Everything else lives in the core, which knows nothing of JavaScript.
//!
//! Offsets in results are UTF-16 code units, so a page can pass them straight to
//! `String.prototype.slice` or a `Range`.

mod result;

use crate::pipeline::{Output, Run};
use crate::{passes, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A pass's entry: `true`/`false` switches it on or off, an object gives its settings (and switches it on). */
export type PassSetting<T> = boolean | T;

export interface EncodingOptions { mojibake?: boolean; legacy?: boolean; entities?: boolean }
export interface UnicodeOptions { invisible?: boolean; spaces?: boolean; nfc?: boolean; confusables?: boolean }
export interface TimestampsOptions { lines?: boolean; edges?: boolean }
export interface ResidueOptions { captions?: boolean; keepBylines?: boolean; keepTitle?: boolean; commentThreads?: boolean }
export interface CasingOptions { glued?: boolean; doubleCapitals?: boolean; capsLines?: boolean; evidence?: boolean }
export interface WhitespaceOptions { keepIndentation?: boolean; maxBlankLines?: number }

/** Options for `clean`. Unknown keys and wrong types throw an Error naming them. */
export interface Options {
  /** `article` (default): every pass. `gentle`: character-level passes only. */
  preset?: "article" | "gentle";
  /** Run exactly these passes (in pipeline order). */
  only?: string[];
  /** Do not run these passes. */
  skip?: string[];
  encoding?: PassSetting<EncodingOptions>;
  unicode?: PassSetting<UnicodeOptions>;
  timestamps?: PassSetting<TimestampsOptions>;
  residue?: PassSetting<ResidueOptions>;
  casing?: PassSetting<CasingOptions>;
  whitespace?: PassSetting<WhitespaceOptions>;
  [pass: string]: unknown;
}

/** One pass's part of an edit. */
export interface Step { pass: string; rule: string; reason: string; before: string; after: string }

/** One change: `input.slice(start, end)` became `replacement` (UTF-16 offsets). */
export interface Edit {
  start: number; end: number; replacement: string;
  pass: string; rule: string; reason: string;
  /** Every pass's step, when several passes changed the same text. */
  steps: Step[];
}

/** A timestamp the `timestamps` pass recognised. */
export interface Timestamp { start: number; end: number; text: string; iso?: string; removed: boolean }

/** How bytes were decoded by `cleanBytes`. */
export interface Decoding { encoding: string; confidence: number; bom: boolean; replaced: number; invalid: number }

export interface Stats {
  inputBytes: number; outputBytes: number;
  passes: string[];
  changesByPass: Record<string, number>;
  timestamps: Timestamp[];
  decoding?: Decoding;
  warnings: string[];
}

export interface Cleaned { text: string; edits: Edit[]; stats: Stats }
/** What `cleanBytes` returns: `input` is the decoded text the edits refer to. */
export interface CleanedBytes extends Cleaned { input: string }

export interface PassInfo { name: string; gentle: boolean; summary: string }
"#;

fn options_from(value: Option<JsValue>) -> Result<Options, JsError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Options::default());
    };
    let generic: serde_value::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("textscrub: options must be an object: {e}")))?;
    let options: Options = serde_path_to_error::deserialize(serde_value::ValueDeserializer::<
        serde_value::DeserializerError,
    >::new(generic))
    .map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            JsError::new(&format!("textscrub: invalid options: {inner}"))
        } else {
            JsError::new(&format!("textscrub: invalid option `{path}`: {inner}"))
        }
    })?;
    options
        .plan()
        .map_err(|e| JsError::new(&format!("textscrub: {e}")))?;
    Ok(options)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("textscrub: {e}")))
}

/// Runs the passes; the text is left for [`result::build`] to make from the
/// edits and the caller's string (see [`Output::Edits`]).
fn run(
    text: &str,
    options: &Options,
    on_progress: Option<js_sys::Function>,
) -> Result<Run, JsError> {
    let mut progress = |done: f64, pass: &str| {
        if let Some(f) = &on_progress {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from_f64(done),
                &JsValue::from_str(pass),
            );
        }
    };
    crate::pipeline::run_passes(text, options, &mut progress, Output::Edits)
        .map_err(|e| JsError::new(&format!("textscrub: {e}")))
}

/// Cleans `text`. `onProgress(done, pass)`, if given, is called before each pass
/// with the share of work done (0 to 1) and the pass about to run.
///
/// The Rust face of the package's `clean`, which takes the JS string itself.
pub fn clean(
    text: &str,
    options: Option<JsValue>,
    on_progress: Option<js_sys::Function>,
) -> Result<Cleaned, JsError> {
    let options = options_from(options)?;
    let cleaned = run(text, &options, on_progress)?;
    Ok(result::build(&JsValue::from_str(text), text, cleaned, None)?.unchecked_into())
}

/// Cleans `text`. `onProgress(done, pass)`, if given, is called before each pass
/// with the share of work done (0 to 1) and the pass about to run.
#[wasm_bindgen(js_name = clean)]
pub fn clean_string(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
    #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "(done: number, pass: string) => void")]
    on_progress: Option<js_sys::Function>,
) -> Result<Cleaned, JsError> {
    let options = options_from(options)?;
    let input = text
        .dyn_ref::<js_sys::JsString>()
        .map(string_from)
        .ok_or_else(|| JsError::new("textscrub: text must be a string"))?;
    let cleaned = run(&input, &options, on_progress)?;
    // The result's text is built from the caller's own string, not a copy.
    Ok(result::build(&text, &input, cleaned, None)?.unchecked_into())
}

#[wasm_bindgen(module = "/src/wasm/text.js")]
extern "C" {
    /// Writes `text` as UTF-8 into `memory` at `ptr`, at most `len` bytes;
    /// returns how many it wrote (see `src/wasm/text.js`).
    fn encode_into(text: &js_sys::JsString, memory: &JsValue, ptr: u32, len: u32) -> u32;
}

/// `text` as a Rust string, as `JsValue::as_string` makes it (lone surrogates
/// become U+FFFD) but with one `TextEncoder.encodeInto` for the whole string.
fn string_from(text: &js_sys::JsString) -> String {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    let room = (text.length() as usize).saturating_mul(3);
    let mut bytes: Vec<u8> = Vec::with_capacity(room);
    // JavaScript writes into the vector's spare capacity, given only its
    // address: no Rust reference to that memory exists while it does. Its
    // view of the memory is made during the call, from the memory's current
    // buffer, so it stays valid even if the memory has grown since.
    let written = encode_into(
        text,
        &wasm_bindgen::memory(),
        bytes.as_mut_ptr() as usize as u32,
        room as u32,
    ) as usize;
    // SAFETY: `encodeInto` wrote `written` bytes (at most `room`, which is the
    // capacity) at the start of the spare capacity, so they are initialised.
    unsafe { bytes.set_len(written.min(room)) };
    // SAFETY: `TextEncoder` writes UTF-8 only (the Encoding Standard's UTF-8
    // encoder turns lone surrogates into U+FFFD) and writes whole characters
    // only. wasm-bindgen's own string passing trusts it the same way.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// Cleans bytes of unknown encoding; `input` in the result is the decoded text
/// the edits refer to, and `stats.decoding` says how it was decoded.
#[wasm_bindgen(js_name = cleanBytes)]
pub fn clean_bytes(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<CleanedBytes, JsError> {
    let options = options_from(options)?;
    let (input, cleaned) = crate::clean_bytes(bytes, &options)
        .map_err(|e| JsError::new(&format!("textscrub: {e}")))?;
    let input_js = JsValue::from_str(&input);
    let run = Run {
        text: Some(cleaned.text),
        edits: cleaned.edits,
        stats: cleaned.stats,
    };
    Ok(result::build(&input_js, &input, run, Some(&input_js))?.unchecked_into())
}

/// The registered passes, in the order they run.
#[wasm_bindgen]
pub fn passes() -> Result<PassList, JsError> {
    #[derive(Serialize)]
    struct Info {
        name: &'static str,
        gentle: bool,
        summary: &'static str,
    }
    let list: Vec<Info> = passes::REGISTRY
        .iter()
        .map(|p| Info {
            name: p.name,
            gentle: p.gentle,
            summary: p.summary,
        })
        .collect();
    Ok(to_js(&list)?.unchecked_into())
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen]
extern "C" {
    /// The result of `clean`.
    #[wasm_bindgen(typescript_type = "Cleaned")]
    pub type Cleaned;
    /// The result of `cleanBytes`.
    #[wasm_bindgen(typescript_type = "CleanedBytes")]
    pub type CleanedBytes;
    /// The result of `passes`.
    #[wasm_bindgen(typescript_type = "PassInfo[]")]
    pub type PassList;
}
