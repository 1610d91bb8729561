//! Builds the object `clean` and `cleanBytes` return, cheaply.
//!
//! Crossing from wasm to JavaScript costs per value, so the result is built to
//! cross as little as possible:
//! - `text` is the caller's own string when nothing changed; otherwise it is put
//!   together in JS from slices of the input and of one string holding every
//!   replacement, rather than decoding a copy of the whole output.
//! - `edits` is built when it is first read (an accessor property that turns the
//!   edits into plain objects once and then keeps them), so a caller who only
//!   wants the text does not pay for thousands of objects. It is still an own,
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
        define_lazy_edits(&out, edits)?;
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

/// Defines `target.edits` as an accessor that turns `edits` into JS objects on
/// first read and returns the same array from then on; assigning replaces it.
fn define_lazy_edits(target: &Object, edits: Vec<Edit>) -> Result<(), JsError> {
    let array: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let (for_get, for_set) = (array.clone(), array);
    let mut pending = Some(edits);
    let get = Closure::<dyn FnMut() -> JsValue>::own_assert_unwind_safe(move || {
        let mut slot = for_get.borrow_mut();
        if let Some(edits) = pending.take() {
            if slot.is_none() {
                *slot = Some(to_js(&edits).unwrap_or_else(|_| Array::new().into()));
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
