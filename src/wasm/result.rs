//! Builds the object `clean` and `cleanBytes` return, cheaply.
//!
//! Crossing from wasm to JavaScript costs per value, so the result is built to
//! cross as little as possible:
//! - `text` is the caller's own string when nothing changed; otherwise it is put
//!   together in JS (`src/wasm/result.js`, in one call) from slices of the input
//!   and of one string holding every replacement, rather than decoding a copy
//!   of the whole output.
//! - `edits` crosses in a compact form and becomes objects when it is first
//!   read (an accessor property, `src/wasm/result.js`, that makes them once and
//!   then keeps the array), so a caller who only wants the text does not pay
//!   for thousands of objects. The compact form is seven numbers per edit in
//!   one typed array, the replacements string the text is assembled from, and
//!   one table of the distinct passes, rules and reasons; an edit whose one
//!   step says the same as the edit itself (every edit of a single pass) sends
//!   no step, which JavaScript rebuilds from the edit and the input. Only the
//!   steps of edits that merged several steps cross as JSON. Nothing stays
//!   behind in wasm memory: all of it is JavaScript's, and goes with the
//!   result when it is collected. It is still an own, enumerable property:
//!   `JSON.stringify`, spreading, `structuredClone` and `postMessage` see an
//!   ordinary array, and assigning to it works.

use super::to_js;
use crate::edit::{spans_to_utf16, utf16_len, Edit};
use crate::pipeline::Run;
use js_sys::{Array, JsString, Object, Reflect, Uint32Array};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The result object for `run` (byte offsets into `input`, whose JS string
/// is `input_js`): `{input?, text, edits, stats}`, offsets in UTF-16 code units.
pub(super) fn build(
    input_js: &JsValue,
    input: &str,
    run: Run,
    with_input: Option<&JsValue>,
) -> Result<Object, JsError> {
    let Run {
        text,
        mut edits,
        mut stats,
    } = run;
    // Decided on byte offsets, before they become UTF-16 ones.
    let steps: Vec<Steps> = edits.iter().map(|e| steps_of(input, e)).collect();
    spans_to_utf16(input, &mut edits, &mut stats.timestamps);
    let out = Object::new();
    if let Some(input) = with_input {
        set(&out, "input", input)?;
    }
    if edits.is_empty() {
        // Without edits the text is the input; a text that is not (which no
        // pass should make) is passed on as it is, all the same.
        let text = match text {
            Some(text) if text != input => JsValue::from_str(&text),
            _ => input_js.clone(),
        };
        set(&out, "text", &text)?;
        set(&out, "edits", &Array::new())?;
    } else {
        define_text_and_edits(&out, input_js.unchecked_ref(), &edits, &steps);
    }
    set(&out, "stats", &to_js(&stats)?)?;
    Ok(out)
}

/// How JavaScript gets the steps of an edit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Steps {
    /// They cross as JSON.
    Sent,
    /// One step that says nothing the edit does not: the same pass, rule and
    /// reason, the input's own text before and the replacement after.
    /// JavaScript rebuilds it from the edit and its input string.
    Rebuilt,
    /// The same, but the text before holds U+FFFD, where the input string may
    /// hold a lone surrogate, which became U+FFFD on its way into wasm; so
    /// JavaScript makes its slice of the input well-formed the same way.
    RebuiltWellFormed,
}

/// Whether `a` and `b` are the same text, compared eight bytes at a time:
/// `==` calls wasm's `memcmp`, which goes byte by byte, and every edit takes
/// several comparisons here.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        let word = |c: &[u8]| {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            u64::from_le_bytes(w)
        };
        if word(p) != word(q) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// How the steps of `e` (byte offsets into `input`) reach JavaScript.
fn steps_of(input: &str, e: &Edit) -> Steps {
    let [step] = e.steps.as_slice() else {
        return Steps::Sent;
    };
    let rebuilt = same(&step.pass, &e.pass)
        && same(&step.rule, &e.rule)
        && same(&step.reason, &e.reason)
        && same(&step.after, &e.replacement)
        && input
            .get(e.start..e.end)
            .is_some_and(|before| same(before, &step.before));
    match (rebuilt, step.before.contains('\u{fffd}')) {
        (false, _) => Steps::Sent,
        (true, false) => Steps::Rebuilt,
        (true, true) => Steps::RebuiltWellFormed,
    }
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new(&format!("textscrub: could not set `{key}`")))
}

#[wasm_bindgen(module = "/src/wasm/result.js")]
extern "C" {
    /// Sets `target.text` and defines `target.edits` from the compact form;
    /// see the module's documentation and `src/wasm/result.js`.
    fn define_text_and_edits_js(
        target: &Object,
        numbers: &Uint32Array,
        replacements: &str,
        input: &JsString,
        table: &str,
        steps: &str,
    );
}

/// Fields per edit in the numbers `define_text_and_edits_js` takes.
const FIELDS: usize = 7;

/// Sets `target.text` to `input` with `edits` (UTF-16 offsets, sorted, not
/// overlapping) applied, and defines `target.edits` as an accessor that makes
/// the edit objects on first read and returns the same array from then on
/// (assigning replaces it). `how[i]` says how the steps of edit `i` reach
/// JavaScript (see [`steps_of`]). Both are done in JavaScript, in one call:
/// the text from slices of `input` and of one string of all the
/// replacements, so that only the replacements cross from wasm, and without
/// a call across for each slice.
fn define_text_and_edits(target: &Object, input: &JsString, edits: &[Edit], how: &[Steps]) {
    let mut replacements = String::with_capacity(edits.iter().map(|e| e.replacement.len()).sum());
    let mut table = Table::default();
    let mut numbers = Vec::with_capacity(edits.len() * FIELDS);
    let mut steps = String::from("[");
    let mut lists = 0u32;
    for (i, e) in edits.iter().enumerate() {
        replacements.push_str(&e.replacement);
        numbers.extend([
            e.start as u32,
            e.end as u32,
            utf16_len(e.replacement.as_bytes()) as u32,
            table.index(Field::Pass, &e.pass),
            table.index(Field::Rule, &e.rule),
            table.index(Field::Reason, &e.reason),
        ]);
        numbers.push(match how.get(i).copied().unwrap_or(Steps::Sent) {
            Steps::Rebuilt => 0,
            Steps::RebuiltWellFormed => 1,
            Steps::Sent => {
                if lists > 0 {
                    steps.push(',');
                }
                steps_json(&mut steps, e);
                lists += 1;
                lists + 1
            }
        });
    }
    steps.push(']');
    define_text_and_edits_js(
        target,
        &Uint32Array::from(numbers.as_slice()),
        &replacements,
        input,
        &table.json(),
        &steps,
    );
}

/// The fields of an edit that [`Table`] holds.
#[derive(Clone, Copy)]
enum Field {
    Pass,
    Rule,
    Reason,
}

/// The distinct strings of a result's passes, rules and reasons, each with
/// its index: a few dozen strings stand for tens of thousands of fields.
#[derive(Default)]
struct Table<'a> {
    index: HashMap<&'a str, u32>,
    strings: Vec<&'a str>,
    /// The last string looked up for each [`Field`], and its index:
    /// neighbouring edits mostly share their pass, rule and reason.
    last: [Option<(&'a str, u32)>; 3],
}

impl<'a> Table<'a> {
    fn index(&mut self, field: Field, s: &'a str) -> u32 {
        let last = &mut self.last[field as usize];
        if let Some((seen, i)) = *last {
            if same(seen, s) {
                return i;
            }
        }
        let next = self.strings.len() as u32;
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.strings.push(s);
        }
        *last = Some((s, i));
        i
    }

    /// The strings, in index order, as a JSON array.
    fn json(&self) -> String {
        let mut out = String::from("[");
        for (i, s) in self.strings.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_string(&mut out, s);
        }
        out.push(']');
        out
    }
}

/// The steps of `e` as a JSON array, exactly as `serde` names their fields.
fn steps_json(out: &mut String, e: &Edit) {
    out.push('[');
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
            json_string(out, key);
            out.push(':');
            json_string(out, value);
        }
        out.push('}');
    }
    out.push(']');
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
