//! Runs every golden case in `tests/cases/*.json` (see the README there) through
//! the native build, and checks replay and idempotence on each.

use serde::Deserialize;
use std::path::Path;
use textscrub::{apply_edits, clean, Options};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    label: String,
    input: String,
    output: Option<String>,
    #[serde(default)]
    options: Option<serde_json::Value>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    timestamps: Option<Vec<Stamp>>,
    #[serde(default)]
    #[allow(dead_code)]
    comment: Option<String>,
}

#[derive(Deserialize)]
struct Stamp {
    text: String,
    iso: Option<String>,
}

fn load() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases should exist")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&f).unwrap();
        let parsed: Vec<Case> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} should parse: {e}"));
        assert!(
            parsed.iter().any(|c| c.output.is_none()),
            "{name} should have at least one negative case"
        );
        cases.extend(parsed.into_iter().map(|c| (name.clone(), c)));
    }
    cases
}

#[test]
fn golden_cases() {
    let cases = load();
    assert!(cases.len() >= 10, "should find the golden cases");
    let mut failures = Vec::new();
    for (file, case) in &cases {
        let id = format!("[{file}] {}", case.label);
        let options: Options = match &case.options {
            Some(v) => serde_json::from_value(v.clone())
                .unwrap_or_else(|e| panic!("{id}: bad options: {e}")),
            None => Options::default(),
        };
        let cleaned = clean(&case.input, &options).unwrap_or_else(|e| panic!("{id}: {e}"));
        let want = case.output.as_deref().unwrap_or(&case.input);
        if cleaned.text != want {
            failures.push(format!(
                "{id}\n   input: {:?}\n     got: {:?}\n    want: {want:?}\n   edits: {:?}",
                case.input,
                cleaned.text,
                cleaned
                    .edits
                    .iter()
                    .map(|e| format!("{}/{}: {}", e.pass, e.rule, e.reason))
                    .collect::<Vec<_>>()
            ));
            continue;
        }
        if case.output.is_none() && !cleaned.edits.is_empty() {
            failures.push(format!(
                "{id}: a negative case should report no edits, got {:?}",
                cleaned.edits
            ));
        }
        if apply_edits(&case.input, &cleaned.edits).as_deref() != Some(cleaned.text.as_str()) {
            failures.push(format!("{id}: edits should replay to the output"));
        }
        let again = clean(&cleaned.text, &options).unwrap();
        if again.text != cleaned.text {
            failures.push(format!(
                "{id}: cleaning the output again should change nothing, got {:?}",
                again.text
            ));
        }
        for rule in &case.rules {
            let found = cleaned
                .edits
                .iter()
                .flat_map(|e| &e.steps)
                .any(|s| format!("{}/{}", s.pass, s.rule) == *rule);
            if !found {
                failures.push(format!("{id}: should use rule {rule}"));
            }
        }
        if let Some(stamps) = &case.timestamps {
            for s in stamps {
                let found = cleaned
                    .stats
                    .timestamps
                    .iter()
                    .any(|t| t.text == s.text && t.iso == s.iso);
                if !found {
                    failures.push(format!(
                        "{id}: should find timestamp {:?} ({:?}), found {:?}",
                        s.text, s.iso, cleaned.stats.timestamps
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_case_file_also_runs_in_wasm() {
    let shared = include_str!("wasm_shared/mod.rs");
    for (file, _) in load().iter().map(|(f, c)| (f.clone(), c.label.clone())) {
        assert!(
            shared.contains(&format!("\"{file}\"")),
            "tests/wasm_shared/mod.rs should embed {file} in CASE_FILES"
        );
    }
}
