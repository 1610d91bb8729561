//! Words and where they stand: the tokeniser every stage of the pass shares.
//!
//! A word is a maximal run of letters. Each word knows its shape (`lower`,
//! `Capitalised`, `CAPITALS`, `miXed`), its line, and its position: at the start
//! of a line, at the start of a sentence, in the middle of one, or somewhere the
//! pass cannot tell (after a colon, inside a compound, glued to digits or
//! symbols as in `e.g.`, `U.S.` or `example.com`). Only `Mid` words count as
//! evidence of how the document writes a word, because only there is casing a
//! free choice of the writer.

use super::lexicon::Lexicon;

/// The shape of a word's letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// All lower case.
    Lower,
    /// First letter upper case, the rest lower case (or a single capital).
    Cap,
    /// Two or more letters, all upper case.
    Upper,
    /// Anything else (`iPhone`, `THe`).
    Mixed,
}

/// Where a word stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// First word of a line.
    LineStart,
    /// After `.`, `!` or `?` and a space, where a sentence surely starts.
    SentenceStart,
    /// In the middle of a sentence, after a space.
    Mid,
    /// Casing here is not a free choice or cannot be judged: after a colon, an
    /// ellipsis, a quote or bracket, a hyphen or apostrophe, or glued to digits
    /// or symbols.
    Other,
}

/// One word of the text.
#[derive(Debug, Clone)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    pub position: Position,
    /// Index of the word's line (counting `\n`).
    pub line: usize,
    /// Whether only one plain space separates this word from the previous one.
    pub spaced: bool,
    /// Whether the word touches a digit, `_`, `@`, `#`, `/`, `\`, `=`, a Latin-1 sign or a
    /// letter-adjacent `.` (code, handles, addresses, `U.S.`).
    pub opaque: bool,
    /// Whether the word follows an opening bracket or quote, or a hyphen, directly
    /// (`(reuters)`, `Russian-american`): not free casing, but a name is still a name.
    pub enclosed: bool,
}

impl Word {
    /// The word's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The shape of `w`.
pub fn shape(w: &str) -> Shape {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    let rest_lower = chars.clone().all(|c| !c.is_uppercase());
    let rest_upper = chars.clone().all(|c| !c.is_lowercase());
    let more = chars.next().is_some();
    if first.is_lowercase() {
        if rest_lower {
            Shape::Lower
        } else {
            Shape::Mixed
        }
    } else if !more || rest_lower {
        Shape::Cap
    } else if rest_upper {
        Shape::Upper
    } else {
        Shape::Mixed
    }
}

fn is_opaque_neighbour(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '_' | '@'
                | '#'
                | '/'
                | '\\'
                | '='
                | '<'
                | '>'
                | '{'
                | '}'
                | '['
                | ']'
                | '|'
                | '*'
                | '+'
                | '~'
                | '^'
                | '$'
                | '%'
                | '&'
        )
        // Latin-1 signs glued to a letter (`ð¡ð¾`, `Ã©`) are what is left of
        // mojibake the encoding pass could not repair: changing the case of
        // its letters could make it repairable on a second run, so that
        // cleaning twice would change the text again. (`«` and `»` are quotes.)
        || (('\u{a1}'..='\u{bf}').contains(&c) && !matches!(c, '«' | '»'))
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '*' | '¿' | '¡'
    )
}

/// Splits `text` into words with their positions.
pub fn words(text: &str, lexicon: &Lexicon) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut line = 0usize;
    let mut gap_start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphabetic() {
            if c == '\n' {
                line += 1;
            }
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphabetic() {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let gap = &text[gap_start..start];
        let before = gap.chars().next_back();
        let after = text[end..].chars().next();
        let after2 = text[end..].chars().nth(1);
        let dot_glued_after = after == Some('.') && after2.is_some_and(|d| d.is_alphanumeric());
        let dot_glued_before =
            gap.ends_with('.') && !gap.is_empty() && gap.len() == 1 && !out.is_empty();
        let opaque = before.is_some_and(is_opaque_neighbour)
            || after.is_some_and(is_opaque_neighbour)
            || dot_glued_after
            || dot_glued_before;
        let position = position_of(text, gap, out.last(), lexicon);
        out.push(Word {
            start,
            end,
            shape: shape(&text[start..end]),
            position,
            line,
            spaced: gap == " ",
            opaque,
            enclosed: gap.ends_with(['(', '[', '"', '“', '‘', '-']) && !gap.contains('\n'),
        });
        gap_start = end;
    }
    out
}

/// Whether `c` belongs to a number as written in prose (`45`, `$1,500`, `24/7`, `5%`, `10 - 20`).
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '$' | '€' | '£' | '/' | '-' | '+' | ' ')
}

fn position_of(text: &str, gap: &str, prev: Option<&Word>, lexicon: &Lexicon) -> Position {
    let Some(prev) = prev else {
        return Position::LineStart;
    };
    if gap.contains('\n') {
        return Position::LineStart;
    }
    if gap.is_empty() {
        return Position::Other;
    }
    // Opening quotes or brackets directly before the word make the position unsure
    // of itself, but a sentence may still start there.
    let before_openers = gap.trim_end_matches(is_opening);
    let opened = before_openers.len() != gap.len();
    if !before_openers.ends_with(char::is_whitespace) {
        return Position::Other;
    }
    let body = before_openers.trim_end();
    if body.is_empty() {
        return if opened {
            Position::Other
        } else {
            Position::Mid
        };
    }
    if opened {
        let closed = body.trim_end_matches(is_closing);
        if closed.ends_with(['.', '!', '?'])
            && !closed.ends_with("...")
            && ends_sentence(text, closed, prev, lexicon)
        {
            return Position::SentenceStart;
        }
        return Position::Other;
    }
    let closed = body.trim_end_matches(is_closing);
    if closed.ends_with("...") || closed.ends_with('…') {
        return Position::Other;
    }
    if closed.ends_with(['.', '!', '?']) {
        // `"Why?" she asked`: a question or exclamation closed by a quote may go on.
        if closed.len() != body.len() && !closed.ends_with('.') {
            return Position::Other;
        }
        return if ends_sentence(text, closed, prev, lexicon) {
            Position::SentenceStart
        } else {
            Position::Other
        };
    }
    if body.chars().all(|c| {
        matches!(
            c,
            ',' | ';' | '–' | '—' | '"' | '”' | '’' | ')' | ']' | '\''
        )
    }) && !body.contains(['"', '”', '’', '\''])
    {
        return Position::Mid;
    }
    // After a number (`spent 45 seconds`, `from $10 to $50 per month`) the
    // sentence goes on as after a word: counted as unsure, words there neither
    // counted as evidence nor were judged (137 slips more repaired on the dev
    // pages' `mt` copies, 20 words more damaged; fewer damaged on clean pages).
    if body.chars().any(|c| c.is_ascii_digit()) && body.chars().all(is_number_char) {
        return Position::Mid;
    }
    // `,” Lavrov said`, `“Nice”, she said`: a quotation closed on a comma goes on
    // with the sentence that frames it (the dev pages' attributions after a
    // quote held some 250 names left in lower case while this counted as unsure).
    if body.contains(',')
        && body
            .chars()
            .all(|c| matches!(c, ',' | '"' | '”' | '’' | '\''))
    {
        return Position::Mid;
    }
    Position::Other
}

/// Whether `core` (the gap before a word, up to and including `.`, `!` or `?`)
/// ends a sentence, given the word before it.
fn ends_sentence(text: &str, core: &str, prev: &Word, lexicon: &Lexicon) -> bool {
    if !core.ends_with('.') {
        return core.ends_with(['!', '?']);
    }
    // The full stop must follow the previous word or a number directly.
    if core.len() == 1 {
        let w = prev.text(text);
        if prev.opaque || w.chars().count() == 1 {
            return false;
        }
        if lexicon.is_abbreviation(&w.to_lowercase()) {
            return false;
        }
        return true;
    }
    let inner = &core[..core.len() - 1];
    inner
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || is_closing(c) || c == '%')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(text: &str) -> Vec<(String, Position)> {
        words(text, Lexicon::get())
            .iter()
            .map(|w| (w.text(text).to_string(), w.position))
            .collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("the"), Shape::Lower, "should see lower case");
        assert_eq!(shape("The"), Shape::Cap, "should see a capital");
        assert_eq!(shape("NATO"), Shape::Upper, "should see capitals");
        assert_eq!(shape("THe"), Shape::Mixed, "should see mixed case");
        assert_eq!(
            shape("I"),
            Shape::Cap,
            "should treat a lone capital as capitalised"
        );
    }

    #[test]
    fn sentence_starts_and_abbreviations() {
        let p = positions("He left. then Mr. Smith met U.S. officials at 5 p.m. today.");
        let get = |w: &str| p.iter().find(|(t, _)| t == w).map(|x| x.1);
        assert_eq!(
            get("He"),
            Some(Position::LineStart),
            "should mark the first word"
        );
        assert_eq!(
            get("then"),
            Some(Position::SentenceStart),
            "should see a sentence start"
        );
        assert_eq!(
            get("Smith"),
            Some(Position::Other),
            "should not end a sentence at Mr."
        );
        assert_eq!(
            get("officials"),
            Some(Position::Other),
            "should not end a sentence at U.S."
        );
        assert_eq!(
            get("today"),
            Some(Position::Other),
            "should not end a sentence at p.m."
        );
        assert_eq!(
            get("met"),
            Some(Position::Mid),
            "should see the middle of a sentence"
        );
    }

    #[test]
    fn quotes_and_questions() {
        let p = positions("\"Why?\" she asked. \"the end\" came, (and) so");
        let get = |w: &str| p.iter().find(|(t, _)| t == w).map(|x| x.1);
        assert_eq!(
            get("she"),
            Some(Position::Other),
            "should not start a sentence after ?\""
        );
        assert_eq!(
            get("the"),
            Some(Position::SentenceStart),
            "should start a sentence after . and a quote"
        );
        assert_eq!(
            get("and"),
            Some(Position::Other),
            "should be unsure after a bracket"
        );
    }

    #[test]
    fn words_glued_to_latin1_signs_are_opaque() {
        let text = "the rest: ð¡ð¾ and «quoted» words";
        let ws = words(text, Lexicon::get());
        let opaque = |w: &str| ws.iter().find(|x| x.text(text) == w).map(|x| x.opaque);
        assert_eq!(
            (opaque("ð"), opaque("quoted"), opaque("words")),
            (Some(true), Some(false), Some(false)),
            "should leave mojibake's letters alone, but not words in French quotes"
        );
    }

    #[test]
    fn words_after_numbers_go_on_with_the_sentence() {
        let p = positions(
            "He spent 45 seconds on it, at $1,500 per month, open 24/7 daily. Page 2. Next",
        );
        let get = |w: &str| p.iter().find(|(t, _)| t == w).map(|x| x.1);
        assert_eq!(
            (get("seconds"), get("per"), get("daily")),
            (
                Some(Position::Mid),
                Some(Position::Mid),
                Some(Position::Mid)
            ),
            "should read a word after a number as in the middle of the sentence"
        );
        assert_eq!(
            get("Next"),
            Some(Position::SentenceStart),
            "should still start a sentence after a number and a full stop"
        );
    }
}
