//! The word lists the scanner reads: month and weekday names, prefixes such as
//! `Updated` or `Опубликовано`, connectors, time zones and relative-time words,
//! in English, Russian, German, French, Spanish, Portuguese and Italian.
//!
//! The lists are plain data in `data/timestamps/*.tsv` (see the README there for
//! their sources), compiled in with `include_str!` and parsed once, on first use.
//! Every row is `kind<TAB>lang<TAB>value<TAB>forms`, where `forms` is a
//! comma-separated list of phrases; a phrase may hold several words separated by
//! spaces, hyphens or apostrophes (`il y a`, `segunda-feira`, `aujourd'hui`).

use std::collections::HashMap;
use std::sync::OnceLock;

const CALENDAR: &str = include_str!("../../../data/timestamps/calendar.tsv");
const STAMPS: &str = include_str!("../../../data/timestamps/stamps.tsv");
const RELATIVE: &str = include_str!("../../../data/timestamps/relative.tsv");

/// A language the lists cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
    De,
    Fr,
    Es,
    Pt,
    It,
}

impl Lang {
    fn parse(code: &str) -> Option<Lang> {
        Some(match code {
            "en" => Lang::En,
            "ru" => Lang::Ru,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "pt" => Lang::Pt,
            "it" => Lang::It,
            _ => return None,
        })
    }
}

/// What a phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A month name; value: 1 to 12.
    Month,
    /// A weekday name; value: 1 (Monday) to 7.
    Weekday,
    /// A label before a stamp: `Updated`, `Publié`.
    Prefix,
    /// A word joining parts of a stamp: `at`, `um`, `à`.
    Connector,
    /// A word closing a part: value 1 after a year (`г.`), 2 after a time (`Uhr`).
    Mark,
    /// A lower-case word allowed inside a byline: `by`, `von`.
    Particle,
    /// A unit of time in a relative time; value in seconds.
    Unit,
    /// A word after the amount: `ago`, `назад`.
    After,
    /// A word before the amount: `vor`, `il y a`.
    Before,
    /// A word standing for the amount one: `an`, `une`.
    Count,
    /// A day named relative to today: `yesterday`; value: offset in days.
    Day,
}

impl Kind {
    fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "month" => Kind::Month,
            "weekday" => Kind::Weekday,
            "prefix" => Kind::Prefix,
            "connector" => Kind::Connector,
            "mark" => Kind::Mark,
            "particle" => Kind::Particle,
            "unit" => Kind::Unit,
            "after" => Kind::After,
            "before" => Kind::Before,
            "count" => Kind::Count,
            "day" => Kind::Day,
            _ => return None,
        })
    }
}

/// One phrase of the lists.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub lang: Lang,
    pub value: i32,
    /// The phrase's words, lower-cased.
    pub words: Vec<String>,
}

/// The parsed lists.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Entry indices by the phrase's first word.
    by_first: HashMap<String, Vec<usize>>,
    /// Time-zone abbreviations (case-sensitive) and their offsets in minutes.
    zones: HashMap<String, Option<i32>>,
    /// Rows that could not be read (a test keeps this at zero).
    pub bad_rows: usize,
}

/// Splits a phrase into lower-cased words at spaces, hyphens and apostrophes.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split([' ', '-', '\'', '\u{2019}'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Lexicon {
    fn load(sources: &[&str]) -> Lexicon {
        let mut lex = Lexicon::default();
        for source in sources {
            for row in source.lines() {
                if row.trim().is_empty() || row.starts_with('#') {
                    continue;
                }
                if !lex.add_row(row) {
                    lex.bad_rows += 1;
                }
            }
        }
        lex
    }

    fn add_row(&mut self, row: &str) -> bool {
        let cols: Vec<&str> = row.split('\t').collect();
        let [kind, lang, value, forms] = cols[..] else {
            return false;
        };
        if kind == "zone" {
            let offset = if value == "x" {
                None
            } else {
                match value.parse::<i32>() {
                    Ok(v) => Some(v),
                    Err(_) => return false,
                }
            };
            for name in forms.split(',').filter(|f| !f.is_empty()) {
                self.zones.insert(name.to_string(), offset);
            }
            return true;
        }
        let (Some(kind), Some(lang), Ok(value)) =
            (Kind::parse(kind), Lang::parse(lang), value.parse::<i32>())
        else {
            return false;
        };
        for form in forms.split(',') {
            let words = phrase_words(form);
            let Some(first) = words.first().cloned() else {
                return false;
            };
            self.by_first
                .entry(first)
                .or_default()
                .push(self.entries.len());
            self.entries.push(Entry {
                kind,
                lang,
                value,
                words,
            });
        }
        true
    }

    /// The phrases of `kind` whose first word is `word` (lower-cased).
    pub fn starting_with<'a>(
        &'a self,
        word: &str,
        kind: Kind,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        self.by_first
            .get(word)
            .into_iter()
            .flatten()
            .filter_map(move |&i| self.entries.get(i))
            .filter(move |e| e.kind == kind)
    }

    /// Whether `word` (lower-cased) begins any phrase of one of `kinds`.
    pub fn begins(&self, word: &str, kinds: &[Kind]) -> bool {
        kinds
            .iter()
            .any(|&k| self.starting_with(word, k).next().is_some())
    }

    /// The offset of a time-zone abbreviation: `Some(None)` for a zone whose offset
    /// is not fixed (`ET`), `None` for a word that is not a zone.
    pub fn zone(&self, raw: &str) -> Option<Option<i32>> {
        self.zones.get(raw).copied()
    }

    /// How many phrases were read.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no phrase was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::load(&[CALENDAR, STAMPS, RELATIVE]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_data_files_is_read() {
        let lex = lexicon();
        assert_eq!(
            lex.bad_rows, 0,
            "should read every row of data/timestamps/*.tsv"
        );
        assert!(
            lex.len() > 500,
            "should hold the month, weekday and relative-time words, got {}",
            lex.len()
        );
    }

    #[test]
    fn phrases_are_found_by_their_first_word() {
        let lex = lexicon();
        let march: Vec<_> = lex.starting_with("марта", Kind::Month).collect();
        assert_eq!(
            march.first().map(|e| e.value),
            Some(3),
            "should know the Russian genitive of March"
        );
        let ilya: Vec<_> = lex.starting_with("il", Kind::Before).collect();
        assert_eq!(
            ilya.first().map(|e| e.words.clone()),
            Some(vec!["il".to_string(), "y".into(), "a".into()]),
            "should split 'il y a' into words"
        );
        assert_eq!(
            lex.zone("EST"),
            Some(Some(-300)),
            "should know EST's offset"
        );
        assert_eq!(
            lex.zone("ET"),
            Some(None),
            "should know ET has no fixed offset"
        );
        assert_eq!(
            lex.zone("est"),
            None,
            "should match zones case-sensitively (French 'est')"
        );
    }
}
