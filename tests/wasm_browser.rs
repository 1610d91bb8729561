//! The wasm build in headless Chromium
//! (`wasm-pack test --headless --chrome -- --test wasm_browser`).
//! Without `run_in_browser` wasm-pack would skip this file silently.
#![cfg(target_arch = "wasm32")]

mod wasm_shared;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn golden_cases_pass_in_the_browser() {
    wasm_shared::golden_cases_pass();
}

#[wasm_bindgen_test]
fn unknown_options_are_errors_in_the_browser() {
    wasm_shared::unknown_options_are_errors();
}
