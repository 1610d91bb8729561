//! Splits one line into tokens: runs of ASCII digits, runs of letters, runs of
//! white space, and single other characters.
//!
//! Scraped stamps are often glued together by a lost line break or space, so
//! after the plain split a second, linear step cuts tokens that hold two things:
//! - a year glued to an hour: `MAR 3 20209:41 AM` (`2019` + `4`);
//! - a time-zone offset glued to a day: `GMT +320 February` (`+3` + `20`);
//! - a zone glued to a word in capitals: `ESTUPDATED` (`EST` + `UPDATED`);
//! - a name glued to a weekday, month or prefix: `PetersenMonday` (`Petersen` + `Monday`).
//!
//! Each cut is made only when both halves are valid where they stand, so a
//! token is never cut on a guess.

use super::lexicon::{Kind, Lexicon};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    Num,
    Word,
    Space,
    Punct,
}

/// One token: `start..end` are byte offsets into the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Tk,
    pub start: usize,
    pub end: usize,
    /// The word lower-cased (words only, and only short ones: long words match nothing).
    pub lower: String,
}

/// Longest word worth lower-casing for look-ups (in bytes).
const MAX_WORD: usize = 48;

fn class(c: char) -> Tk {
    if c.is_ascii_digit() {
        Tk::Num
    } else if c.is_alphabetic() {
        Tk::Word
    } else if c.is_whitespace() {
        Tk::Space
    } else {
        Tk::Punct
    }
}

fn token(line: &str, kind: Tk, start: usize, end: usize) -> Token {
    let lower = if kind == Tk::Word && end - start <= MAX_WORD {
        line[start..end].to_lowercase()
    } else {
        String::new()
    };
    Token {
        kind,
        start,
        end,
        lower,
    }
}

/// Splits `line` into tokens, then cuts glued tokens (see the module docs).
pub fn tokenize(line: &str, lex: &Lexicon) -> Vec<Token> {
    let mut plain = Vec::new();
    let mut current: Option<(Tk, usize)> = None;
    for (i, c) in line.char_indices() {
        let k = class(c);
        match current {
            Some((kind, _)) if kind == k && k != Tk::Punct => {}
            Some((kind, start)) => {
                plain.push(token(line, kind, start, i));
                current = Some((k, i));
            }
            None => current = Some((k, i)),
        }
    }
    if let Some((kind, start)) = current {
        plain.push(token(line, kind, start, line.len()));
    }
    unglue(line, plain, lex)
}

fn is_punct(line: &str, t: Option<&Token>, set: &[char]) -> bool {
    t.is_some_and(|t| {
        t.kind == Tk::Punct
            && line[t.start..t.end]
                .chars()
                .next()
                .is_some_and(|c| set.contains(&c))
    })
}

fn is_month(lex: &Lexicon, t: Option<&Token>) -> bool {
    t.is_some_and(|t| {
        t.kind == Tk::Word && lex.starting_with(&t.lower, Kind::Month).next().is_some()
    })
}

/// The nearest token before `i` that is not a space or a comma.
fn prev_significant<'a>(line: &str, toks: &'a [Token], i: usize) -> Option<&'a Token> {
    toks[..i]
        .iter()
        .rev()
        .find(|t| !(t.kind == Tk::Space || is_punct(line, Some(t), &[','])))
}

fn unglue(line: &str, toks: Vec<Token>, lex: &Lexicon) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len() + 2);
    for (i, t) in toks.iter().enumerate() {
        let cut = match t.kind {
            Tk::Num => year_hour_cut(line, &toks, i, lex)
                .or_else(|| offset_day_cut(line, &toks, &out, i, lex)),
            Tk::Word => word_cut(line, t, lex),
            _ => None,
        };
        match cut {
            Some(at) if at > t.start && at < t.end => {
                out.push(token(line, t.kind, t.start, at));
                let kind = if t.kind == Tk::Num { Tk::Num } else { Tk::Word };
                out.push(token(line, kind, at, t.end));
            }
            _ => out.push(t.clone()),
        }
    }
    out
}

/// `20209:41` after a day: a year glued to an hour.
fn year_hour_cut(line: &str, toks: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let t = &toks[i];
    let digits = &line[t.start..t.end];
    if !(5..=6).contains(&digits.len()) {
        return None;
    }
    let year: u32 = digits[..4].parse().ok()?;
    let hour: u32 = digits[4..].parse().ok()?;
    let minutes = toks
        .get(i + 2)
        .filter(|m| m.kind == Tk::Num && m.end - m.start == 2);
    let before = prev_significant(line, toks, i);
    let after_day =
        before.is_some_and(|b| b.kind == Tk::Num && b.end - b.start <= 2) || is_month(lex, before);
    let ok = (1900..=2100).contains(&year)
        && hour <= 23
        && !(digits.len() == 6 && digits.as_bytes()[4] > b'2')
        && is_punct(line, toks.get(i + 1), &[':'])
        && minutes.is_some()
        && after_day;
    ok.then_some(t.start + 4)
}

/// `GMT +320 February`: an offset glued to the day of a written date.
fn offset_day_cut(
    line: &str,
    toks: &[Token],
    out: &[Token],
    i: usize,
    lex: &Lexicon,
) -> Option<usize> {
    let t = &toks[i];
    let digits = &line[t.start..t.end];
    if !(2..=4).contains(&digits.len())
        || i == 0
        || !is_punct(line, toks.get(i - 1), &['+', '-', '\u{2212}'])
    {
        return None;
    }
    let owner = prev_significant(line, out, out.len().saturating_sub(1));
    let after_zone_or_time = owner.is_some_and(|o| {
        (o.kind == Tk::Word && lex.zone(&line[o.start..o.end]).is_some()) || o.kind == Tk::Num
    });
    let next = toks[i + 1..].iter().find(|n| n.kind != Tk::Space);
    if !after_zone_or_time || !is_month(lex, next) {
        return None;
    }
    // Prefer the reading whose day has two digits, then the shorter offset.
    let mut best = None;
    for offset_len in [1, 2] {
        if offset_len >= digits.len() {
            continue;
        }
        let (offset, day) = digits.split_at(offset_len);
        let (Ok(o), Ok(d)) = (offset.parse::<u32>(), day.parse::<u32>()) else {
            continue;
        };
        if o > 14
            || !(1..=31).contains(&d)
            || day.len() > 2
            || (day.len() == 2 && day.starts_with('0') && d < 1)
        {
            continue;
        }
        let score = if day.len() == 2 { 2 } else { 1 };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, t.start + offset_len));
        }
    }
    best.map(|(_, at)| at)
}

/// `ESTUPDATED` or `PetersenMonday`: a word holding a zone or name and a stamp word.
fn word_cut(line: &str, t: &Token, lex: &Lexicon) -> Option<usize> {
    if t.lower.is_empty()
        || lex.begins(
            &t.lower,
            &[
                Kind::Month,
                Kind::Weekday,
                Kind::Prefix,
                Kind::Unit,
                Kind::After,
                Kind::Day,
            ],
        )
    {
        return None;
    }
    let word = &line[t.start..t.end];
    let stamp_words = [
        Kind::Prefix,
        Kind::After,
        Kind::Count,
        Kind::Unit,
        Kind::Day,
    ];
    // A zone glued to a word in capitals.
    if word.chars().count() >= 5 && word.chars().all(|c| !c.is_lowercase()) {
        for (at, _) in word.char_indices().skip(2).take(3) {
            if lex.zone(&word[..at]).is_some()
                && lex.begins(&word[at..].to_lowercase(), &stamp_words)
            {
                return Some(t.start + at);
            }
        }
    }
    // A weekday, month or prefix glued to the end of a word: `PetersenMonday`.
    let mut last = None;
    let mut prev_lower = false;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            last = Some(at);
        }
        prev_lower = c.is_lowercase();
    }
    let at = last?;
    let tail = word[at..].to_lowercase();
    let whole = [Kind::Weekday, Kind::Month, Kind::Prefix, Kind::Day];
    let tail_is_word = whole
        .iter()
        .any(|&k| lex.starting_with(&tail, k).any(|e| e.words.len() == 1));
    (tail_is_word && tail.chars().count() >= 3).then_some(t.start + at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::timestamps::lexicon::lexicon;

    fn texts(line: &str) -> Vec<String> {
        tokenize(line, lexicon())
            .iter()
            .map(|t| line[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn splits_digits_letters_spaces_and_marks() {
        assert_eq!(
            texts("21:17 18.11.2019Get"),
            ["21", ":", "17", " ", "18", ".", "11", ".", "2019", "Get"],
            "should split at every change of class"
        );
        assert_eq!(
            texts("aujourd'hui  à"),
            ["aujourd", "'", "hui", "  ", "à"],
            "should keep a run of spaces as one token"
        );
    }

    #[test]
    fn cuts_glued_stamps_only_where_both_halves_are_valid() {
        assert_eq!(
            texts("MAR 3 20209:41 AM")[4..7],
            ["2020", "9", ":"],
            "should cut a year glued to an hour"
        );
        assert_eq!(
            texts("04:44 GMT +320 February")[6..9],
            ["+", "3", "20"],
            "should cut an offset glued to a day"
        );
        assert_eq!(
            texts("ESTUPDATED 2 HOURS"),
            ["EST", "UPDATED", " ", "2", " ", "HOURS"],
            "should cut a zone glued to a prefix"
        );
        assert_eq!(
            texts("Ann PetersenMonday"),
            ["Ann", " ", "Petersen", "Monday"],
            "should cut a name glued to a weekday"
        );
        assert_eq!(
            texts("iPhone McDonald"),
            ["iPhone", " ", "McDonald"],
            "should not cut ordinary camel-case words"
        );
        assert_eq!(
            texts("12345:30"),
            ["12345", ":", "30"],
            "should not cut a number that is not a year and an hour"
        );
        assert_eq!(
            texts("score +320 points"),
            ["score", " ", "+", "320", " ", "points"],
            "should not cut a number that no month follows"
        );
    }
}
