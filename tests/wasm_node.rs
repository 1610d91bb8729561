//! The wasm build under Node (`wasm-pack test --node -- --test wasm_node`).
#![cfg(target_arch = "wasm32")]

mod wasm_shared;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn golden_cases_pass_in_node() {
    wasm_shared::golden_cases_pass();
}

#[wasm_bindgen_test]
fn unknown_options_are_errors_in_node() {
    wasm_shared::unknown_options_are_errors();
}
