//! The command-line tool, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn textscrub(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textscrub"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI should start");
    // The CLI may exit before reading (a usage error): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output should be UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn cleans_stdin_to_stdout() {
    let o = textscrub(
        &["--only", "unicode"],
        "\u{421}omment \u{41c}\u{438}\u{43d}\u{438}\u{441}\u{442}\u{440} iPhone".as_bytes(),
    );
    assert!(o.status.success(), "should succeed: {}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Comment Министр iPhone",
        "should repair the look-alike and leave the rest"
    );
}

#[test]
fn unknown_pass_exits_nonzero_and_names_it() {
    let o = textscrub(&["--skip", "spelling"], b"x");
    assert!(!o.status.success(), "should fail on an unknown pass");
    assert!(
        stderr(&o).contains("spelling"),
        "should name the unknown pass: {}",
        stderr(&o)
    );
    let o = textscrub(&["--preset", "loud"], b"x");
    assert!(
        !o.status.success() && stderr(&o).contains("loud"),
        "should name the unknown preset"
    );
    let o = textscrub(&["--frobnicate"], b"x");
    assert!(
        !o.status.success() && stderr(&o).contains("frobnicate"),
        "should name the unknown option"
    );
}

#[test]
fn json_output_has_text_edits_and_stats() {
    let o = textscrub(&["--json"], "a\u{a0}b  \n".as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("should print JSON");
    assert_eq!(v["text"], "a b\n", "should hold the clean text");
    assert_eq!(
        v["edits"].as_array().map(Vec::len),
        Some(2),
        "should list both edits"
    );
    assert_eq!(
        v["edits"][0]["pass"], "unicode",
        "edits should name their pass"
    );
    assert!(
        v["stats"]["changesByPass"]["whitespace"].is_number(),
        "should count changes per pass"
    );
}

#[test]
fn jsonl_cleans_the_text_field_and_keeps_the_rest_in_order() {
    let mut input = String::new();
    for i in 0..200 {
        input.push_str(&format!(
            "{{\"id\":{i},\"text\":\"row\\u00a0{i}  \",\"lang\":\"en\"}}\n"
        ));
    }
    let o = textscrub(&["--jsonl"], input.as_bytes());
    assert!(o.status.success(), "should succeed: {}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 200, "should keep every record");
    for (i, v) in lines.iter().enumerate() {
        assert_eq!(v["id"], i, "should keep the order");
        assert_eq!(v["text"], format!("row {i}"), "should clean the text field");
        assert_eq!(v["lang"], "en", "should pass other fields through");
    }
    assert!(
        stdout(&o).starts_with("{\"id\":0,\"text\""),
        "should keep the field order"
    );
}

#[test]
fn jsonl_passes_bad_lines_through_and_says_which() {
    let o = textscrub(
        &["--jsonl"],
        b"{\"text\":\"ok\"}\nnot json\n{\"body\":\"no text\"}\n",
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "should exit 1 when some lines could not be cleaned"
    );
    assert_eq!(
        stdout(&o),
        "{\"text\":\"ok\"}\nnot json\n{\"body\":\"no text\"}\n",
        "should lose no line"
    );
    let err = stderr(&o);
    assert!(
        err.contains("line 2") && err.contains("line 3"),
        "should name the bad lines: {err}"
    );
}

#[test]
fn jsonl_field_can_be_named() {
    let o = textscrub(
        &["--jsonl", "--field", "body"],
        "{\"body\":\"x\u{a0}y\"}".as_bytes(),
    );
    assert_eq!(
        stdout(&o),
        "{\"body\":\"x y\"}",
        "should clean the named field"
    );
}

#[test]
fn invalid_utf8_loses_no_text_and_warns() {
    let o = textscrub(&["--preset", "gentle"], b"caf\xe9 ok");
    assert!(
        o.status.success(),
        "should not fail on bytes that are not UTF-8"
    );
    let out = stdout(&o);
    assert!(
        out.starts_with("caf") && out.ends_with(" ok") && out.chars().count() == 7,
        "should keep every byte's worth of text: {out:?}"
    );
    assert!(
        stderr(&o).contains("not valid"),
        "should say what was wrong: {}",
        stderr(&o)
    );
}

#[test]
fn explain_lists_edits_on_stderr() {
    let o = textscrub(&["--explain"], "a\u{a0}b".as_bytes());
    assert_eq!(stdout(&o), "a b", "should still print the text on stdout");
    let err = stderr(&o);
    assert!(
        err.contains("unicode/layout-space") && err.contains("1:2"),
        "should explain the edit with its place: {err}"
    );
}

#[test]
fn files_are_read_and_missing_files_named() {
    let dir = std::env::temp_dir().join(format!("textscrub-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("page.txt");
    std::fs::write(&file, "line  \n\n\n\nnext\n").unwrap();
    let o = textscrub(&["--preset", "gentle", file.to_str().unwrap()], b"");
    assert_eq!(stdout(&o), "line\n\nnext\n", "should clean the file");
    let o = textscrub(&[dir.join("missing.txt").to_str().unwrap()], b"");
    assert!(
        !o.status.success() && stderr(&o).contains("missing.txt"),
        "should name the missing file"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_lists_the_passes() {
    let o = textscrub(&["--help"], b"");
    let out = stdout(&o);
    assert!(
        out.contains("unicode") && out.contains("whitespace"),
        "should list the passes: {out}"
    );
}
