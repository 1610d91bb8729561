//! Which lines are English.
//!
//! The casing pass's lexicon and conventions are English: applied to German
//! (`das` read as the name `DAs`), Spanish (`una` as `Una`) or French (`au` as
//! `Au`) they do damage. Each line is judged by its function words (listed in
//! `data/casing/function_words.txt`): English wins when it has more of them
//! than all other languages together; a line is another language's when it has
//! at least two of theirs and fewer of English's. Lines written mostly in another script
//! are not English. Lines too short to tell follow the text as a whole.

use std::collections::HashSet;
use std::sync::OnceLock;

struct Lists {
    english: HashSet<&'static str>,
    other: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut english = HashSet::new();
        let mut other = HashSet::new();
        let mut into_other = false;
        for line in include_str!("../../../data/casing/function_words.txt").lines() {
            let line = line.trim();
            match line {
                "" => {}
                "[en]" => into_other = false,
                "[other]" => into_other = true,
                l if l.starts_with('#') => {}
                l => {
                    let set = if into_other { &mut other } else { &mut english };
                    set.extend(l.split_whitespace());
                }
            }
        }
        Lists { english, other }
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    English,
    Other,
    Unknown,
}

fn judge(line: &str) -> Verdict {
    let lists = lists();
    let (mut en, mut other, mut latin, mut foreign) = (0usize, 0usize, 0usize, 0usize);
    let mut accented = false;
    for word in line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let first = word.chars().next().unwrap_or(' ');
        if !(first.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&first)) {
            foreign += 1;
            continue;
        }
        latin += 1;
        accented |= !word.is_ascii();
        let lower = word.to_lowercase();
        if lists.english.contains(lower.as_str()) {
            en += 1;
        } else if lists.other.contains(lower.as_str()) {
            other += 1;
        }
    }
    if foreign > latin {
        Verdict::Other
    } else if en > other {
        Verdict::English
    } else if other >= 2 {
        // One stray word ("Los Angeles", "AU") is not enough to call a line foreign.
        Verdict::Other
    } else if other == 1 && accented && en == 0 {
        // One of another language's words and its letters (`Brücke`, `señora`).
        Verdict::Other
    } else {
        Verdict::Unknown
    }
}

/// The byte ranges of the lines of `text` that are not English (line breaks
/// excluded), in order.
pub fn foreign_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut verdicts = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        verdicts.push((start..start + content.len(), judge(content)));
        start += line.len();
    }
    let english = verdicts
        .iter()
        .filter(|(_, v)| *v == Verdict::English)
        .count();
    let other = verdicts
        .iter()
        .filter(|(_, v)| *v == Verdict::Other)
        .count();
    let unknown_is_foreign = other > english;
    verdicts
        .into_iter()
        .filter(|(_, v)| *v == Verdict::Other || (*v == Verdict::Unknown && unknown_is_foreign))
        .map(|(r, _)| r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign(text: &str) -> Vec<&str> {
        foreign_lines(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn tells_english_lines_from_others() {
        let text = "The council said that the bridge will reopen.\nDie Brücke bleibt bis zum Frühjahr gesperrt, teilte das Amt mit.\nLa señora ganó el concurso con una receta.\nЖители проголосовали за новое название.\nLos Angeles is where the team was based.\n";
        assert_eq!(
            foreign(text),
            [
                "Die Brücke bleibt bis zum Frühjahr gesperrt, teilte das Amt mit.",
                "La señora ganó el concurso con una receta.",
                "Жители проголосовали за новое название."
            ],
            "should flag the German, Spanish and Russian lines only"
        );
    }

    #[test]
    fn short_lines_follow_the_text() {
        assert!(
            foreign("Breaking News\nThe mayor said that the plan was approved.\n").is_empty(),
            "should keep a short heading in an English text"
        );
        assert_eq!(foreign("Neuigkeiten\nDer Rat hat den Plan mit großer Mehrheit gebilligt und ist zufrieden.\n").len(), 2, "should follow a German text");
    }
}
