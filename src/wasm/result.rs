//! Builds the object `clean` and `cleanBytes` return, cheaply.
//!
//! Crossing from wasm to JavaScript costs per value, so the result is built to
//! cross as little as possible:
//! - `text` is the caller's own string when nothing changed; otherwise it is put
//!   together in JS from slices of the input and of one string holding every
//!   replacement, rather than decoding a copy of the whole output.
//! - `edits` crosses as one JSON string and becomes objects when it is first
//!   read (an accessor property that parses the string once and then keeps the
//!   array), so a caller who only wants the text does not pay for thousands of
//!   objects. Nothing stays behind in wasm memory: the string is JavaScript's,
//!   and goes with the result when it is collected. It is still an own,
//!   enumerable property: `JSON.stringify`, spreading, `structuredClone` and
//!   `postMessage` see an ordinary array, and assigning to it works.

use super::to_js;
use crate::edit::{utf16_len, Edit};
use js_sys::{Array, JsString, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The result object for `cleaned` (byte offsets into `input`, whose JS string
/// is `input_js`): `{input?, text, edits, stats}`, offsets in UTF-16 code units.
pub(super) fn build(
    input_js: &JsValue,
    input: &str,
    cleaned: crate::Cleaned,
    with_input: Option<&JsValue>,
) -> Result<Object, JsError> {
    let text = if cleaned.edits.is_empty() && cleaned.text == input {
        input_js.clone()
    } else if cleaned.edits.is_empty() {
        JsValue::from_str(&cleaned.text)
    } else {
        JsValue::NULL
    };
    let crate::Cleaned { edits, stats, .. } = cleaned.into_utf16(input);
    let text = if text.is_null() {
        assemble(input_js.unchecked_ref(), &edits).into()
    } else {
        text
    };
    let out = Object::new();
    if let Some(input) = with_input {
        set(&out, "input", input)?;
    }
    set(&out, "text", &text)?;
    if edits.is_empty() {
        set(&out, "edits", &Array::new())?;
    } else {
        define_lazy_edits(&out, &edits)?;
    }
    set(&out, "stats", &to_js(&stats)?)?;
    Ok(out)
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new(&format!("textscrub: could not set `{key}`")))
}

/// The output text: `input` with `edits` (UTF-16 offsets, sorted, not
/// overlapping) applied, from slices of `input` and of one string of all the
/// replacements, so that only the replacements cross from wasm.
fn assemble(input: &JsString, edits: &[Edit]) -> JsString {
    let mut all = String::with_capacity(edits.iter().map(|e| e.replacement.len()).sum());
    for e in edits {
        all.push_str(&e.replacement);
    }
    let replacements = JsString::from(all.as_str());
    let mut out = JsString::from("");
    let (mut at, mut from) = (0u32, 0u32);
    for e in edits {
        let (start, end) = (e.start as u32, e.end as u32);
        if start > at {
            out = out.concat(&input.slice(at, start));
        }
        let units = utf16_len(e.replacement.as_bytes()) as u32;
        if units > 0 {
            out = out.concat(&replacements.slice(from, from + units));
        }
        from += units;
        at = end;
    }
    let len = input.length();
    if at < len {
        out = out.concat(&input.slice(at, len));
    }
    out
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse`, on a string that is already JavaScript's.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// Defines `target.edits` as an accessor that parses `edits` (as JSON) on
/// first read and returns the same array from then on; assigning replaces it.
fn define_lazy_edits(target: &Object, edits: &[Edit]) -> Result<(), JsError> {
    let array: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let (for_get, for_set) = (array.clone(), array);
    let mut pending = Some(JsValue::from_str(&edits_json(edits)));
    let get = Closure::<dyn FnMut() -> JsValue>::own_assert_unwind_safe(move || {
        let mut slot = for_get.borrow_mut();
        if let Some(json) = pending.take() {
            if slot.is_none() {
                *slot = Some(json_parse(&json).unwrap_or_else(|_| Array::new().into()));
            }
        }
        slot.clone().unwrap_or(JsValue::UNDEFINED)
    });
    let set_edits = Closure::<dyn FnMut(JsValue)>::own_assert_unwind_safe(move |v: JsValue| {
        *for_set.borrow_mut() = Some(v);
    });
    let descriptor = Object::new();
    set(&descriptor, "get", &get.into_js_value())?;
    set(&descriptor, "set", &set_edits.into_js_value())?;
    set(&descriptor, "enumerable", &JsValue::TRUE)?;
    set(&descriptor, "configurable", &JsValue::TRUE)?;
    Object::define_property(target, &JsValue::from_str("edits"), &descriptor);
    Ok(())
}

/// `edits` as JSON, exactly as `serde` names their fields.
fn edits_json(edits: &[Edit]) -> String {
    let mut out = String::with_capacity(edits.len() * 256);
    out.push('[');
    for (i, e) in edits.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"start\":");
        json_number(&mut out, e.start);
        out.push_str(",\"end\":");
        json_number(&mut out, e.end);
        for (key, value) in [
            ("replacement", &e.replacement),
            ("pass", &e.pass),
            ("rule", &e.rule),
            ("reason", &e.reason),
        ] {
            field(&mut out, key, value);
        }
        out.push_str(",\"steps\":[");
        for (j, s) in e.steps.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push('{');
            for (k, (key, value)) in [
                ("pass", &s.pass),
                ("rule", &s.rule),
                ("reason", &s.reason),
                ("before", &s.before),
                ("after", &s.after),
            ]
            .into_iter()
            .enumerate()
            {
                if k > 0 {
                    out.push(',');
                }
                json_string(&mut out, key);
                out.push(':');
                json_string(&mut out, value);
            }
            out.push('}');
        }
        out.push_str("]}");
    }
    out.push(']');
    out
}

/// `n` in decimal.
fn json_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// `,"key":"value"`.
fn field(out: &mut String, key: &str, value: &str) {
    out.push(',');
    json_string(out, key);
    out.push(':');
    json_string(out, value);
}

/// `s` as a JSON string literal, in ASCII: characters outside it are written
/// as `\u` escapes, so that the whole string crosses to JavaScript on the
/// decoder's fast path.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    // Printable ASCII other than `"` and `\\` is copied as it is, a run at a
    // time; that is nearly all of a reason or a rule.
    while let Some(&b) = bytes.get(i) {
        if matches!(b, b' '..=b'~') && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&s[from..i]);
        // `i` is a char boundary: only whole characters are stepped over.
        let c = s[i..].chars().next().unwrap_or_default();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let mut units = [0u16; 2];
                for &mut u in c.encode_utf16(&mut units) {
                    out.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        out.push(char::from(HEX[usize::from(u >> shift) & 0xf]));
                    }
                }
            }
        }
        i += c.len_utf8();
        from = i;
    }
    out.push_str(&s[from..]);
    out.push('"');
}
