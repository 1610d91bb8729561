//! # The `whitespace` pass
//!
//! **What it fixes.** The layout a scraper or a copy-paste leaves around lines:
//! CRLF and CR line endings (to LF), indentation common to all the lines of a
//! paragraph, trailing spaces and tabs, runs of blank lines (collapsed to one,
//! so paragraphs stay apart), and blank lines at the start and end of the text.
//!
//! **What it never touches.** Spaces inside a line, indentation that differs
//! from line to line within a paragraph (lists, verse, nested replies keep their
//! shape relative to the paragraph), and the final line break if there was one.
//!
//! It runs last, so it also tidies the gaps other passes leave when they remove
//! lines.

use crate::options::Options;
use crate::report::Report;
use serde::Deserialize;

/// Settings of the `whitespace` pass.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct WhitespaceOptions {
    /// Keep indentation as it is.
    pub keep_indentation: bool,
    /// The most blank lines kept in a row (between paragraphs).
    pub max_blank_lines: usize,
}

impl Default for WhitespaceOptions {
    fn default() -> Self {
        Self {
            keep_indentation: false,
            max_blank_lines: 1,
        }
    }
}

/// One line of the input: `start..content_end` is its text without the line
/// ending, `content_end..end` the ending (`\n`, `\r\n`, `\r` or nothing).
struct Line {
    start: usize,
    content_end: usize,
    end: usize,
}

fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line {
                    start,
                    content_end: i,
                    end: i + 1,
                });
                start = i + 1;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                lines.push(Line {
                    start,
                    content_end: i,
                    end,
                });
                start = end;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(Line {
            start,
            content_end: bytes.len(),
            end: bytes.len(),
        });
    }
    lines
}

fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b == b' ' || b == b'\t')
}

fn leading_ws(s: &str) -> &str {
    &s[..s.len() - s.trim_start_matches([' ', '\t']).len()]
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    &a[..n]
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Runs the pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    let settings = &options.whitespace.settings;
    if !needs_work(text) {
        return;
    }
    let lines = split_lines(text);
    let blank: Vec<bool> = lines
        .iter()
        .map(|l| is_blank(&text[l.start..l.content_end]))
        .collect();
    let Some(first) = blank.iter().position(|b| !b) else {
        if !text.is_empty() {
            report.remove(
                0,
                text.len(),
                "blank-text",
                "the text holds only blank lines",
            );
        }
        return;
    };
    let last = blank.iter().rposition(|b| !b).unwrap_or(first);

    if first > 0 {
        report.remove(
            0,
            lines[first].start,
            "leading-blank-lines",
            format!(
                "removed {} at the start",
                plural(first, "blank line", "blank lines")
            ),
        );
    }
    let mut i = first;
    while i <= last {
        if blank[i] {
            let run_end = (i..=last).find(|&k| !blank[k]).unwrap_or(last + 1);
            let count = run_end - i;
            let keep = count.min(settings.max_blank_lines);
            let (from, to) = (lines[i].start, lines[run_end - 1].end);
            let replacement = "\n".repeat(keep);
            if text[from..to] != replacement {
                let reason = if count > keep {
                    format!(
                        "collapsed {} into {}",
                        plural(count, "blank line", "blank lines"),
                        plural(keep, "blank line", "blank lines")
                    )
                } else {
                    "emptied blank lines".to_string()
                };
                report.replace(from, to, replacement, "blank-lines", reason);
            }
            i = run_end;
            continue;
        }
        // A paragraph: a run of non-blank lines sharing an indentation.
        let para_end = (i..=last).find(|&k| blank[k]).unwrap_or(last + 1);
        let mut indent = leading_ws(&text[lines[i].start..lines[i].content_end]);
        for l in &lines[i + 1..para_end] {
            indent = common_prefix(indent, leading_ws(&text[l.start..l.content_end]));
        }
        let indent = if settings.keep_indentation {
            0
        } else {
            indent.len()
        };
        for l in &lines[i..para_end] {
            if indent > 0 {
                report.remove(
                    l.start,
                    l.start + indent,
                    "indentation",
                    format!(
                        "removed indentation common to the paragraph ({})",
                        plural(indent, "character", "characters")
                    ),
                );
            }
            let content = &text[l.start..l.content_end];
            let trimmed = content.trim_end_matches([' ', '\t']).len();
            if trimmed < content.len() {
                report.remove(
                    l.start + trimmed,
                    l.content_end,
                    "trailing-space",
                    "removed spaces at the end of the line",
                );
            }
            match &text[l.content_end..l.end] {
                "\r\n" => report.replace(
                    l.content_end,
                    l.end,
                    "\n",
                    "line-ending",
                    "CRLF line ending to LF",
                ),
                "\r" => report.replace(
                    l.content_end,
                    l.end,
                    "\n",
                    "line-ending",
                    "CR line ending to LF",
                ),
                _ => {}
            }
        }
        i = para_end;
    }
    if last + 1 < lines.len() {
        let from = lines[last + 1].start;
        report.remove(
            from,
            text.len(),
            "trailing-blank-lines",
            format!(
                "removed {} at the end",
                plural(lines.len() - last - 1, "blank line", "blank lines")
            ),
        );
    }
}

/// The fast path: text with no CR, no line starting with a space or tab, no
/// space before a line break and no two line breaks in a row needs nothing.
fn needs_work(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first()
        .is_some_and(|&c| matches!(c, b' ' | b'\t' | b'\n'))
    {
        return true;
    }
    b.windows(2)
        .any(|w| matches!(w, [b'\n', b' ' | b'\t' | b'\n'] | [b' ' | b'\t', b'\n']))
        || b.contains(&b'\r')
        || b.last().is_some_and(|&c| c == b' ' || c == b'\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(
            ws("a\r\nb\rc\n"),
            "a\nb\nc\n",
            "should turn CRLF and CR into LF"
        );
    }

    #[test]
    fn blank_runs_collapse_and_edges_trim() {
        assert_eq!(
            ws("\n\n  \nfirst\n\n\n \t\nsecond\n\n\n"),
            "first\n\nsecond\n",
            "should collapse blank runs and trim the edges"
        );
    }

    #[test]
    fn common_indentation_goes_relative_indentation_stays() {
        assert_eq!(
            ws("    one\n      two\n\n  three  \n"),
            "one\n  two\n\nthree\n",
            "should remove each paragraph's common indentation"
        );
    }

    #[test]
    fn clean_text_is_untouched() {
        for t in ["", "one line", "a\n\nb\n", "x  y\n- item\n"] {
            let mut report = Report::new();
            run(t, &Options::default(), &mut report);
            assert!(report.changes().is_empty(), "should leave {t:?} alone");
        }
    }

    #[test]
    fn keep_indentation_and_more_blank_lines_can_be_asked_for() {
        let mut o = Options::default();
        o.whitespace.settings = WhitespaceOptions {
            keep_indentation: true,
            max_blank_lines: 2,
        };
        let t = "  a\n\n\n\n  b\n";
        let mut report = Report::new();
        run(t, &o, &mut report);
        assert_eq!(
            report.apply(t),
            "  a\n\n\n  b\n",
            "should keep indentation and two blank lines"
        );
    }

    #[test]
    fn only_blank_lines_become_empty() {
        assert_eq!(ws(" \n\n\t"), "", "should empty a text of blank lines");
    }
}
