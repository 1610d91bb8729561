//! Look-alike letters from another script inside a word.
//!
//! Spam filters, copy-paste from keyboards switched to the wrong layout, and
//! some scrapers' font fallbacks leave words such as `Сomment` (Cyrillic `С`)
//! or `Москвa` (Latin `a`). They look right and match nothing. A word is
//! repaired only when it mixes the Latin, Cyrillic and Greek scripts, one script
//! clearly owns it (by its letters that have no look-alike, or failing that, by
//! the script most of the text is in), and *every* letter from the other script
//! has a look-alike in the owner's. Words in one script are never touched, and
//! neither are words mixing in any other script.

use crate::options::Options;
use crate::report::Report;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x400..=0x52F => Script::Cyrillic,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            _ => Script::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Other => "other",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Pairs (letter, Latin look-alike) from `data/confusables.tsv`.
fn table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../../data/confusables.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t').map(|c| c.chars().next());
                Some((cols.next()??, cols.next()??))
            })
            .collect()
    })
}

fn to_latin(c: char) -> Option<char> {
    if Script::of(c) == Script::Latin {
        return Some(c);
    }
    table().iter().find(|&&(k, _)| k == c).map(|&(_, l)| l)
}

/// The look-alike of `c` in `script`, if there is one.
fn look_alike(c: char, script: Script) -> Option<char> {
    let latin = to_latin(c)?;
    if script == Script::Latin {
        return Some(latin);
    }
    table()
        .iter()
        .find(|&&(k, l)| l == latin && Script::of(k) == script)
        .map(|&(k, _)| k)
}

fn has_look_alike(c: char) -> bool {
    let s = Script::of(c);
    [Script::Latin, Script::Cyrillic, Script::Greek]
        .into_iter()
        .any(|t| t != s && look_alike(c, t).is_some())
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    // Fast path: a text needs two of the three scripts for any word to mix them.
    let mut seen = [0usize; 4];
    for c in text.chars().filter(|c| !c.is_ascii()) {
        seen[Script::of(c).index()] += 1;
    }
    let ascii_letters = text.bytes().any(|b| b.is_ascii_alphabetic());
    let scripts = (ascii_letters || seen[0] > 0) as u8 + (seen[1] > 0) as u8 + (seen[2] > 0) as u8;
    if scripts < 2 {
        return;
    }
    // Words are found with cheap range checks; only a word whose letters come
    // from two of the three scripts gets the careful look in `repair_word`.
    let mut document: Option<[usize; 4]> = None;
    let mut word_start: Option<usize> = None;
    let mut scripts_in_word = 0u8;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let script = if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                Some(Script::Latin)
            } else {
                None
            }
        } else {
            match Script::of(c) {
                Script::Other if !is_word_char(c) => None,
                s => Some(s),
            }
        };
        match script {
            Some(s) => {
                word_start.get_or_insert(i);
                scripts_in_word |= 1 << s.index();
            }
            None => {
                if let Some(start) = word_start.take() {
                    if (scripts_in_word & 0b111).count_ones() >= 2 {
                        repair_word(text, start, i, &mut document, report);
                    }
                }
                scripts_in_word = 0;
            }
        }
    }
}

fn repair_word(
    text: &str,
    start: usize,
    end: usize,
    document: &mut Option<[usize; 4]>,
    report: &mut Report,
) {
    let word = &text[start..end];
    let mut present = [0usize; 4];
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        present[Script::of(c).index()] += 1;
    }
    let mixed = present[..3].iter().filter(|&&n| n > 0).count();
    if mixed < 2 || present[Script::Other.index()] > 0 {
        return;
    }
    let mut distinctive = [0usize; 4];
    for c in word
        .chars()
        .filter(|c| c.is_alphabetic() && !has_look_alike(*c))
    {
        distinctive[Script::of(c).index()] += 1;
    }
    let candidates = [Script::Latin, Script::Cyrillic, Script::Greek];
    let best = |counts: &[usize; 4]| {
        let mut order: Vec<Script> = candidates
            .into_iter()
            .filter(|s| present[s.index()] > 0)
            .collect();
        order.sort_by_key(|s| std::cmp::Reverse(counts[s.index()]));
        (counts[order[0].index()] > counts[order[1].index()]).then_some(order[0])
    };
    let owner = best(&distinctive).or_else(|| {
        let counts = document.get_or_insert_with(|| {
            let mut n = [0usize; 4];
            for c in text
                .chars()
                .filter(|c| c.is_alphabetic() && !has_look_alike(*c))
            {
                n[Script::of(c).index()] += 1;
            }
            n
        });
        best(counts)
    });
    let Some(owner) = owner else { return };
    let mut fixed = String::with_capacity(word.len());
    let mut foreign = Vec::new();
    for c in word.chars() {
        let s = Script::of(c);
        if c.is_alphabetic() && s != owner {
            match look_alike(c, owner) {
                Some(r) => {
                    fixed.push(r);
                    foreign.push(format!("{} {c} (U+{:04X})", s.name(), c as u32));
                }
                None => return,
            }
        } else {
            fixed.push(c);
        }
    }
    report.replace(
        start,
        end,
        fixed,
        "confusable",
        format!(
            "{} in a {} word look like {} letters",
            foreign.join(", "),
            owner.name(),
            owner.name()
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn repairs_a_foreign_letter_inside_a_word() {
        assert_eq!(
            conf("\u{421}omment here"),
            "Comment here",
            "should repair a Cyrillic C in a Latin word"
        );
        assert_eq!(
            conf("в Москвa сегодня"),
            "в Москва сегодня",
            "should repair a Latin a in a Cyrillic word"
        );
        assert_eq!(
            conf("ΑθΗΝA"),
            "ΑθΗΝΑ",
            "should repair a Latin A in a Greek word"
        );
    }

    #[test]
    fn leaves_single_script_and_unrepairable_words() {
        for t in ["Министр and iPhone", "Ελλάδα", "Tolstoyи", "СОМ"] {
            assert_eq!(conf(t), t, "should leave {t:?} alone");
        }
    }

    #[test]
    fn all_look_alike_words_follow_the_text() {
        assert_eq!(
            conf("the cоp came"),
            "the cop came",
            "should use the text's script when the word cannot tell"
        );
        assert_eq!(
            conf("это cор и мусор"),
            "это сор и мусор",
            "should follow a Cyrillic text"
        );
    }
}
