//! `textscrub`: clean scraped text from files or standard input.
//!
//! ```text
//! textscrub page.txt > clean.txt
//! textscrub --only encoding,unicode --explain < page.txt
//! textscrub --jsonl < records.jsonl > cleaned.jsonl
//! ```

use clap::Parser;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use textscrub::{clean, clean_bytes, passes, Cleaned, Options, Preset};

#[derive(Parser, Debug)]
#[command(
    name = "textscrub",
    version,
    about = "Turn text scraped from the web into clean text, and say what changed.",
    after_help = passes_help()
)]
struct Cli {
    /// Files to clean; standard input when none are given.
    files: Vec<PathBuf>,
    /// Run only these passes (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "PASS,...")]
    only: Vec<String>,
    /// Do not run these passes (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "PASS,...")]
    skip: Vec<String>,
    /// The starting set of passes: article (all) or gentle (character-level only).
    #[arg(long, value_name = "article|gentle")]
    preset: Option<String>,
    /// Options as JSON, as the JS API takes them (or @FILE to read them from a
    /// file), e.g. '{"residue": {"keepBylines": true}}'. --preset, --only and
    /// --skip apply on top.
    #[arg(long, value_name = "JSON|@FILE")]
    options: Option<String>,
    /// Print one JSON object per input: {"text", "edits", "stats"}.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Read JSON Lines; clean each record's text field, pass other fields through.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl: the field that holds the text.
    #[arg(long, default_value = "text", value_name = "NAME", requires = "jsonl")]
    field: String,
    /// Print every edit, readably, on standard error.
    #[arg(long)]
    explain: bool,
}

fn passes_help() -> String {
    let mut s = String::from("Passes, in the order they run:\n");
    for p in passes::REGISTRY {
        s.push_str(&format!(
            "  {:<11} {}{}\n",
            p.name,
            p.summary,
            if p.gentle { " (gentle)" } else { "" }
        ));
    }
    s
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("textscrub: {message}");
            ExitCode::from(2)
        }
    }
}

fn options(cli: &Cli) -> Result<Options, String> {
    let mut options = match &cli.options {
        Some(json) => {
            let json = match json.strip_prefix('@') {
                Some(path) => std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read options file {path}: {e}"))?,
                None => json.clone(),
            };
            serde_json::from_str::<Options>(&json).map_err(|e| format!("invalid --options: {e}"))?
        }
        None => Options::default(),
    };
    if let Some(preset) = &cli.preset {
        options.preset = Preset::from_name(preset).map_err(|e| e.to_string())?;
    }
    if !cli.only.is_empty() {
        options.only = Some(cli.only.clone());
    }
    options.skip.extend(cli.skip.iter().cloned());
    options.plan().map_err(|e| e.to_string())?;
    Ok(options)
}

fn run(cli: &Cli) -> Result<ExitCode, String> {
    let options = options(cli)?;
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if cli.files.is_empty() {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        inputs.push(("<stdin>".into(), bytes));
    } else {
        for f in &cli.files {
            let bytes =
                std::fs::read(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
            inputs.push((f.display().to_string(), bytes));
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = ExitCode::SUCCESS;
    for (name, bytes) in inputs {
        let result = if cli.jsonl {
            jsonl(&bytes, &cli.field, &options, &mut out)
        } else {
            whole(&name, &bytes, cli, &options, &mut out)
        };
        match result {
            Ok(true) => {}
            Ok(false) => code = ExitCode::from(1),
            Err(e) => return Err(format!("{name}: {e}")),
        }
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(code)
}

/// Cleans one whole input. Returns whether it was read without trouble.
fn whole(
    name: &str,
    bytes: &[u8],
    cli: &Cli,
    options: &Options,
    out: &mut impl Write,
) -> Result<bool, String> {
    let (input, cleaned) = clean_bytes(bytes, options).map_err(|e| e.to_string())?;
    for w in &cleaned.stats.warnings {
        eprintln!("textscrub: {name}: {w}");
    }
    if cli.explain {
        explain(name, &input, &cleaned);
    }
    let written = if cli.json {
        serde_json::to_writer(&mut *out, &cleaned)
            .map_err(|e| e.to_string())
            .and_then(|_| writeln!(out).map_err(|e| e.to_string()))
    } else {
        out.write_all(cleaned.text.as_bytes())
            .map_err(|e| e.to_string())
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    Ok(true)
}

fn explain(name: &str, input: &str, cleaned: &Cleaned) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let _ = writeln!(err, "{name}: {} edits", cleaned.edits.len());
    for e in &cleaned.edits {
        let (line, col) = line_col(input, e.start);
        let _ = writeln!(
            err,
            "  {line}:{col} [{}/{}] {:?} -> {:?}: {}",
            e.pass,
            e.rule,
            shorten(&input[e.start..e.end]),
            shorten(&e.replacement),
            e.reason
        );
    }
}

fn line_col(input: &str, at: usize) -> (usize, usize) {
    let before = &input[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let head: String = s.chars().take(40).collect();
    let tail: String = s
        .chars()
        .rev()
        .take(15)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head}…{tail}")
}

/// Cleans the `field` of each JSON Lines record, in parallel, keeping order.
/// A line that is not a JSON object with a string `field` passes through
/// unchanged with a warning naming its line number. Returns whether every line
/// was usable.
fn jsonl(
    bytes: &[u8],
    field: &str,
    options: &Options,
    out: &mut impl Write,
) -> Result<bool, String> {
    let lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(|l| l.to_vec()).collect();
    let trailing_newline = bytes.ends_with(b"\n");
    let count = if trailing_newline {
        lines.len() - 1
    } else {
        lines.len()
    };
    let results: Vec<(Vec<u8>, Option<String>)> = lines[..count]
        .par_iter()
        .enumerate()
        .map(|(i, raw)| match record(raw, field, options) {
            Ok(line) => (line, None),
            Err(why) => (
                raw.clone(),
                Some(format!("line {}: {why}; passed through unchanged", i + 1)),
            ),
        })
        .collect();
    let mut ok = true;
    for (i, (line, warning)) in results.iter().enumerate() {
        if let Some(w) = warning {
            if !(line.iter().all(u8::is_ascii_whitespace)) {
                eprintln!("textscrub: {w}");
                ok = false;
            }
        }
        out.write_all(line).map_err(|e| e.to_string())?;
        if i + 1 < count || trailing_newline {
            out.write_all(b"\n").map_err(|e| e.to_string())?;
        }
    }
    Ok(ok)
}

fn record(raw: &[u8], field: &str, options: &Options) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(raw).map_err(|e| format!("not valid UTF-8 ({e})"))?;
    let mut value: Map<String, Value> = serde_json::from_str(text.trim_end_matches('\r'))
        .map_err(|e| format!("not a JSON object ({e})"))?;
    let Some(Value::String(s)) = value.get(field) else {
        return Err(format!("no string field `{field}`"));
    };
    let cleaned = clean(s, options).map_err(|e| e.to_string())?;
    value.insert(field.to_string(), Value::String(cleaned.text));
    serde_json::to_vec(&value).map_err(|e| e.to_string())
}
