//! Lines and their features: the unit the `residue` pass judges.
//!
//! Each line keeps its byte span (including its line break, so a removal takes
//! the whole line) and a handful of features that tell article prose from page
//! furniture without knowing the page: how many words it has, whether it ends a
//! sentence, how many of its words are function words ("the", "и", "der"...),
//! how many start with a capital (menus and headlines are title-cased), and its
//! normalised form for the phrase lexicons.

use std::collections::HashSet;
use std::sync::OnceLock;

/// One line of the text with its features.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Start of the line (byte offset).
    pub start: usize,
    /// End of the line including its line break.
    pub end: usize,
    /// The line's text without surrounding white space.
    pub text: &'a str,
    /// Words, counting two CJK characters as one word (those scripts use no spaces).
    pub words: usize,
    /// Ends like a sentence (`.`, `!`, `?`, a closing quote, `。`...).
    pub terminal: bool,
    /// Share of the words that are function words of some language.
    pub stop_share: f32,
    /// Share of the words that start with an upper-case letter.
    pub caps_share: f32,
    /// Lower-cased, white space collapsed, digit runs as `#`, decoration trimmed.
    pub key: String,
    /// Looks like a line of program code (tutorials quote code between paragraphs).
    pub code: bool,
}

impl Line<'_> {
    /// Whether the line is empty.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Reads like a sentence of running text.
    pub fn is_prose(&self) -> bool {
        (self.words >= 10 && self.terminal) || (self.words >= 40 && self.stop_share >= 0.2)
    }

    /// Reads like a label, a menu item or a headline: short, no sentence end.
    pub fn is_label(&self) -> bool {
        !self.is_blank() && !self.is_prose() && !self.code && (self.words <= 3 || !self.terminal)
    }
}

const STOPWORDS: &str = include_str!("../../../data/residue/stopwords.txt");

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(':'))
            .flat_map(|(_, words)| words.split_whitespace())
            .collect()
    })
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// Characters that decorate a label without changing what it says.
pub fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '»' | '«'
                | '›'
                | '‹'
                | '>'
                | '<'
                | '|'
                | '•'
                | '·'
                | '*'
                | '–'
                | '—'
                | '-'
                | '→'
                | '←'
                | '…'
                | '■'
                | '▶'
                | '►'
                | '▸'
                | '▾'
                | '▼'
                | '+'
                | '✓'
                | '×'
                | '\u{feff}'
                | '↑'
                | '⟩'
        )
}

/// The normalised form of a line or a phrase (see `data/residue/README.md`).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_digits = false;
    let mut pending_space = false;
    for c in text.trim_matches(is_decoration).chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            in_digits = false;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Whether a line looks like program code: code punctuation at its end or
/// start, or a dense mix of brackets, operators and semicolons.
fn looks_like_code(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    const OPENERS: [&str; 14] = [
        "//", "/*", "#include", "let ", "const ", "var ", "fn ", "def ", "import ", "return ",
        "pub ", "func ", "public ", "private ",
    ];
    const ENDERS: [char; 4] = [';', '{', '}', ')'];
    if t == "}" || t == "{" || t == "};" || t == ");" || t.ends_with('{') {
        return true;
    }
    let symbols = t
        .chars()
        .filter(|c| {
            matches!(
                c,
                '{' | '}'
                    | ';'
                    | '='
                    | '('
                    | ')'
                    | '<'
                    | '>'
                    | '['
                    | ']'
                    | '&'
                    | '|'
                    | '_'
                    | '.'
                    | ':'
                    | '/'
                    | '*'
            )
        })
        .count();
    let dense = symbols * 8 >= t.chars().count();
    let ends = t.ends_with(ENDERS) && t.contains(['(', '=', '{', '}']);
    OPENERS.iter().any(|o| t.starts_with(o)) && (dense || ends) || (ends && dense)
}

/// Whether a line ends like a sentence. A closing quote or bracket counts only
/// after a sentence mark (`... he said.”`); a headline ends in a bare quote
/// (`Man ‘gave police a fake name’`). A line cut short (`..`, `…`) does not.
fn ends_sentence(t: &str) -> bool {
    if t.ends_with("..") || t.ends_with('…') {
        return false;
    }
    let mut rev = t.chars().rev();
    let is_mark = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | ';' | ':');
    match rev.next() {
        Some(c) if is_mark(c) || c == ')' => true,
        Some('"' | '”' | '»' | '\'' | '’' | '」' | '』') => rev.next().is_some_and(is_mark),
        _ => false,
    }
}

fn features(text: &str, start: usize, end: usize) -> Line<'_> {
    let trimmed = text.trim();
    let mut words = 0usize;
    let mut stops = 0usize;
    let mut caps = 0usize;
    let set = stopwords();
    let mut lower = String::new();
    for w in trimmed.split_whitespace() {
        words += 1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.chars().next().is_some_and(|c| c.is_uppercase()) {
            caps += 1;
        }
        lower.clear();
        lower.extend(core.chars().flat_map(char::to_lowercase));
        if set.contains(lower.as_str()) {
            stops += 1;
        }
    }
    let cjk = trimmed.chars().filter(|&c| is_cjk(c)).count();
    let spaced_words = words;
    if cjk * 3 > trimmed.chars().count() {
        words = words.max(cjk / 2);
    }
    let terminal = ends_sentence(trimmed);
    let share = |n: usize| {
        if spaced_words == 0 {
            0.0
        } else {
            n as f32 / spaced_words as f32
        }
    };
    Line {
        start,
        end,
        text: trimmed,
        words,
        terminal,
        stop_share: share(stops),
        caps_share: share(caps),
        key: normalize(trimmed),
        code: looks_like_code(trimmed),
    }
}

/// Splits `text` into lines with their features.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(features(&text[start..i], start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(features(&text[start..], start, text.len()));
    }
    mark_code_blocks(&mut lines);
    lines
}

/// The longest brace block taken as code, in lines.
const MAX_BLOCK: usize = 200;

/// Lines between an opening `{` at the end of a line and its closing `}` are
/// code too (`id: ID!` inside `type User { ... }`).
fn mark_code_blocks(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].text.ends_with('{') {
            i += 1;
            continue;
        }
        let mut depth = 0i32;
        let mut end = None;
        for (j, l) in lines.iter().enumerate().skip(i).take(MAX_BLOCK) {
            depth += l.text.matches('{').count() as i32 - l.text.matches('}').count() as i32;
            if depth <= 0 {
                end = Some(j);
                break;
            }
        }
        match end {
            Some(e) => {
                for l in &mut lines[i..=e] {
                    l.code = true;
                }
                i = e + 1;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_labels() {
        assert_eq!(
            normalize("  Share »"),
            "share",
            "should drop decoration and case"
        );
        assert_eq!(
            normalize("[ 167 comments ]"),
            "[ # comments ]",
            "should fold digit runs"
        );
        assert_eq!(
            normalize("Image 1 of / 23"),
            "image # of / #",
            "should fold every number"
        );
    }

    #[test]
    fn tells_prose_from_labels() {
        let lines = split("Most Popular\nThe council met on Tuesday and agreed to reopen the bridge next spring.\n");
        assert!(lines[0].is_label(), "should see a short heading as a label");
        assert!(lines[1].is_prose(), "should see a sentence as prose");
        assert!(lines[1].stop_share > 0.2, "should count function words");
        assert_eq!(
            lines[1].end,
            lines[1].start + lines[1].text.len() + 1,
            "should include the line break"
        );
    }

    #[test]
    fn tells_sentence_ends() {
        assert!(
            ends_sentence("He said it was “the end.”"),
            "should see a quoted sentence end"
        );
        assert!(
            !ends_sentence("Man ‘gave police a fake name’"),
            "should see a headline's bare quote"
        );
        assert!(
            !ends_sentence("Three things to know before.."),
            "should see a cut line"
        );
        assert!(
            ends_sentence("会見を開いた。"),
            "should see an ideographic full stop"
        );
    }

    #[test]
    fn sees_code() {
        let lines = split("let r2 = &data; // another borrow\n}\nconst sortField = sort?.field || 'CREATED_AT';\nThe function returns a value (see above).\n");
        let code: Vec<bool> = lines.iter().map(|l| l.code).collect();
        assert_eq!(
            code,
            [true, true, true, false],
            "should tell code from prose"
        );
    }

    #[test]
    fn counts_cjk_words_by_characters() {
        let lines = split("日本の首相は火曜日に記者会見を開き、新しい経済対策を発表した。");
        assert!(lines[0].words >= 10, "should count CJK characters as words");
        assert!(lines[0].terminal, "should see the ideographic full stop");
    }
}
