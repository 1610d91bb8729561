//! How the document itself writes its words: the evidence for re-casing.
//!
//! Only words in the middle of a sentence (`Position::Mid`), outside ALL-CAPS
//! lines and not glued to code or symbols, are counted: there the writer chose
//! the case freely. For each word (by its lower-cased key) the counts of its
//! shapes are kept, and for each pair of neighbours separated by one space the
//! counts of the pair's shapes, so `State Department` elsewhere in the text says
//! how to write `state Department` here.

use super::words::{Position, Shape, Word};
use std::collections::HashMap;

/// Counts of one word's (or one pair's) shapes.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub lower: u32,
    pub cap: u32,
    pub upper: u32,
    /// Of `cap`, those with no capitalised neighbour (not part of a longer name).
    pub cap_alone: u32,
}

impl Counts {
    fn add(&mut self, shape: Shape) {
        match shape {
            Shape::Lower => self.lower += 1,
            Shape::Cap => self.cap += 1,
            Shape::Upper => self.upper += 1,
            Shape::Mixed => {}
        }
    }

    /// The counts without one occurrence of `shape` (the word being judged).
    pub fn without(mut self, shape: Shape) -> Counts {
        match shape {
            Shape::Lower => self.lower = self.lower.saturating_sub(1),
            Shape::Cap => {
                self.cap = self.cap.saturating_sub(1);
                self.cap_alone = self.cap_alone.min(self.cap);
            }
            Shape::Upper => self.upper = self.upper.saturating_sub(1),
            Shape::Mixed => {}
        }
        self
    }

    /// Total counted.
    pub fn total(&self) -> u32 {
        self.lower + self.cap + self.upper
    }
}

/// The document's evidence.
#[derive(Debug, Default)]
pub struct Evidence {
    words: HashMap<String, Counts>,
    /// Shapes of the *second* word of a pair, keyed by both keys.
    right: HashMap<(String, String), Counts>,
    /// Shapes of the *first* word of a pair, keyed by both keys.
    left: HashMap<(String, String), Counts>,
    /// Keys of the words seen in capitals anywhere outside ALL-CAPS lines.
    upper_anywhere: HashMap<String, u32>,
    /// Keys of the words seen capitalised anywhere outside ALL-CAPS lines.
    cap_anywhere: HashMap<String, u32>,
    /// Exact written forms of mixed-case words (`WordPress`) and how often.
    forms: HashMap<String, u32>,
    /// For a lower-cased key, its most frequent mixed-case form starting with a capital.
    mixed_by_key: HashMap<String, (String, u32)>,
}

/// Whether a word counts as evidence of the writer's choice.
pub fn counts_as_evidence(w: &Word, caps_line: bool) -> bool {
    w.position == Position::Mid && !caps_line && !w.opaque && w.shape != Shape::Mixed
}

impl Evidence {
    /// Collects evidence from `words` of `text`; `caps_lines[i]` says whether line
    /// `i` is written in capitals (and so says nothing about case).
    pub fn collect(text: &str, words: &[Word], caps_lines: &[bool]) -> Evidence {
        let mut ev = Evidence::default();
        let is_caps = |w: &Word| caps_lines.get(w.line).copied().unwrap_or(false);
        for (i, w) in words.iter().enumerate() {
            let caps = is_caps(w);
            if !caps && w.shape == Shape::Upper && !w.opaque {
                *ev.upper_anywhere.entry(key(w.text(text))).or_default() += 1;
            }
            if !caps && w.shape == Shape::Cap && !w.opaque {
                *ev.cap_anywhere.entry(key(w.text(text))).or_default() += 1;
            }
            if !caps && w.shape == Shape::Mixed && !w.opaque {
                *ev.forms.entry(w.text(text).to_string()).or_default() += 1;
            }
            if !counts_as_evidence(w, caps) {
                continue;
            }
            let k = key(w.text(text));
            let entry = ev.words.entry(k.clone()).or_default();
            entry.add(w.shape);
            if w.shape == Shape::Cap {
                let capital = |j: usize| {
                    words.get(j).is_some_and(|n: &Word| {
                        matches!(n.shape, Shape::Cap | Shape::Upper | Shape::Mixed)
                    })
                };
                let left = i > 0 && w.spaced && capital(i - 1);
                let right = words.get(i + 1).is_some_and(|n| n.spaced) && capital(i + 1);
                if !left && !right {
                    entry.cap_alone += 1;
                }
            }
            if i > 0 && w.spaced {
                let p = &words[i - 1];
                if !p.opaque && p.shape != Shape::Mixed && !caps {
                    let pk = key(p.text(text));
                    ev.right
                        .entry((pk.clone(), k.clone()))
                        .or_default()
                        .add(w.shape);
                    if p.position == Position::Mid {
                        ev.left.entry((pk, k)).or_default().add(p.shape);
                    }
                }
            }
        }
        for (form, &n) in &ev.forms {
            if !form.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let slot = ev
                .mixed_by_key
                .entry(key(form))
                .or_insert_with(|| (form.clone(), 0));
            if n > slot.1 || (n == slot.1 && *form < slot.0) {
                *slot = (form.clone(), n);
            }
        }
        ev
    }

    /// Shapes of `key` in the middle of sentences.
    pub fn word(&self, key: &str) -> Counts {
        self.words.get(key).copied().unwrap_or_default()
    }

    /// Shapes of the second word of the pair `first second`.
    pub fn right_of(&self, first: &str, second: &str) -> Counts {
        self.right
            .get(&(first.to_string(), second.to_string()))
            .copied()
            .unwrap_or_default()
    }

    /// Shapes of the first word of the pair `first second`.
    pub fn left_of(&self, first: &str, second: &str) -> Counts {
        self.left
            .get(&(first.to_string(), second.to_string()))
            .copied()
            .unwrap_or_default()
    }

    /// The document's mixed-case form of `key` (`clickup` -> `ClickUp`), if any.
    pub fn mixed_form(&self, key: &str) -> Option<&str> {
        self.mixed_by_key.get(key).map(|(f, _)| f.as_str())
    }

    /// How often the mixed-case form `form` is written, exactly.
    pub fn form(&self, form: &str) -> u32 {
        self.forms.get(form).copied().unwrap_or(0)
    }

    /// How often `key` is written capitalised (any position) outside ALL-CAPS lines.
    pub fn cap_anywhere(&self, key: &str) -> u32 {
        self.cap_anywhere.get(key).copied().unwrap_or(0)
    }

    /// How often `key` is written in capitals outside ALL-CAPS lines.
    pub fn upper_anywhere(&self, key: &str) -> u32 {
        self.upper_anywhere.get(key).copied().unwrap_or(0)
    }
}

/// The lower-cased key of a word.
pub fn key(w: &str) -> String {
    w.to_lowercase()
}
