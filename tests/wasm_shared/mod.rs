//! Checks shared by the wasm test targets (`wasm_node.rs`, `wasm_browser.rs`):
//! the JS-facing functions, called through wasm-bindgen the way JavaScript
//! calls them, with every golden case.

use js_sys::{Array, Reflect};
use textscrub::wasm;
use wasm_bindgen::{JsCast, JsValue};

/// The golden case files, embedded so the wasm tests need no file system.
pub const CASE_FILES: &[(&str, &str)] = &[
    ("casing.json", include_str!("../cases/casing.json")),
    ("encoding.json", include_str!("../cases/encoding.json")),
    ("pipeline.json", include_str!("../cases/pipeline.json")),
    ("residue.json", include_str!("../cases/residue.json")),
    ("timestamps.json", include_str!("../cases/timestamps.json")),
    ("unicode.json", include_str!("../cases/unicode.json")),
    ("whitespace.json", include_str!("../cases/whitespace.json")),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Replays UTF-16 edits on `input`, as a page would.
fn replay(input: &str, edits: &Array) -> String {
    let units: Vec<u16> = input.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut at = 0usize;
    for e in edits.iter() {
        let start = get(&e, "start").as_f64().unwrap() as usize;
        let end = get(&e, "end").as_f64().unwrap() as usize;
        out.extend_from_slice(&units[at..start]);
        out.extend(get(&e, "replacement").as_string().unwrap().encode_utf16());
        at = end;
    }
    out.extend_from_slice(&units[at..]);
    String::from_utf16(&out).unwrap()
}

/// Runs every golden case through `wasm::clean` and checks output, replay and idempotence.
pub fn golden_cases_pass() {
    let mut ran = 0;
    for (file, json) in CASE_FILES {
        let cases = js_sys::JSON::parse(json).unwrap();
        for case in Array::from(&cases).iter() {
            let label = get(&case, "label").as_string().unwrap();
            let input = get(&case, "input").as_string().unwrap();
            let want = get(&case, "output")
                .as_string()
                .unwrap_or_else(|| input.clone());
            let options = Some(get(&case, "options")).filter(|o| !o.is_undefined());
            let got: JsValue = wasm::clean(&input, options.clone(), None)
                .unwrap_or_else(|_| panic!("[{file}] {label}: should clean"))
                .into();
            let text = get(&got, "text").as_string().unwrap();
            assert_eq!(
                text, want,
                "[{file}] {label}: should give the expected output"
            );
            let edits: Array = get(&got, "edits").dyn_into().unwrap();
            assert_eq!(
                replay(&input, &edits),
                text,
                "[{file}] {label}: edits should replay"
            );
            let again: JsValue = wasm::clean(&text, options, None).unwrap().into();
            assert_eq!(
                get(&again, "text").as_string().unwrap(),
                text,
                "[{file}] {label}: should be idempotent"
            );
            ran += 1;
        }
    }
    assert!(ran >= 10, "should run the golden cases");
}

/// An unknown option key is an error, not a silent no-op.
pub fn unknown_options_are_errors() {
    let options = js_sys::JSON::parse(r#"{"bogus": true}"#).unwrap();
    assert!(
        wasm::clean("x", Some(options), None).is_err(),
        "should refuse an unknown option"
    );
}
