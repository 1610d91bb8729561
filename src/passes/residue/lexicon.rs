//! Phrase lexicons: the wording sites use for their furniture, per language.
//!
//! The lists live in `data/residue/phrases/<lang>.txt` (format and sources in
//! `data/residue/README.md`) and are embedded at build time. A line matches a
//! phrase on its normalised form ([`super::lines::normalize`]): the whole line
//! (`=`), its start (`^`), its end (`$`) or anywhere inside (`~`), always at word
//! boundaries, so `^ by` matches "By Jane Roe" but not "Bypass".

use std::collections::HashMap;
use std::sync::OnceLock;

/// A family of page furniture; also the rule id of the edits it produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    ShareWidget,
    PhotoCredit,
    Caption,
    Byline,
    TagList,
    RelatedList,
    NewsletterPrompt,
    LoginPrompt,
    CookiePrompt,
    Navigation,
    Footer,
    Advertising,
    CommentCounter,
    CommentThread,
    CommentMeta,
    Promotion,
}

/// Every family, in the order of the bits of [`Hits`].
pub const FAMILIES: [Family; 16] = [
    Family::ShareWidget,
    Family::PhotoCredit,
    Family::Caption,
    Family::Byline,
    Family::TagList,
    Family::RelatedList,
    Family::NewsletterPrompt,
    Family::LoginPrompt,
    Family::CookiePrompt,
    Family::Navigation,
    Family::Footer,
    Family::Advertising,
    Family::CommentCounter,
    Family::CommentThread,
    Family::CommentMeta,
    Family::Promotion,
];

impl Family {
    /// The rule id used in edits.
    pub fn rule(self) -> &'static str {
        match self {
            Family::ShareWidget => "share-widget",
            Family::PhotoCredit => "photo-credit",
            Family::Caption => "caption",
            Family::Byline => "byline",
            Family::TagList => "tag-list",
            Family::RelatedList => "related-list",
            Family::NewsletterPrompt => "newsletter-prompt",
            Family::LoginPrompt => "login-prompt",
            Family::CookiePrompt => "cookie-prompt",
            Family::Navigation => "navigation",
            Family::Footer => "footer",
            Family::Advertising => "advertising",
            Family::CommentCounter => "comment-counter",
            Family::CommentThread => "comment-thread",
            Family::CommentMeta => "comment-meta",
            Family::Promotion => "promotion",
        }
    }

    /// A few words for people.
    pub fn describe(self) -> &'static str {
        match self {
            Family::ShareWidget => "share widget",
            Family::PhotoCredit => "photo credit",
            Family::Caption => "image caption or gallery control",
            Family::Byline => "byline furniture",
            Family::TagList => "tag list",
            Family::RelatedList => "related-headlines list",
            Family::NewsletterPrompt => "newsletter prompt",
            Family::LoginPrompt => "login or paywall prompt",
            Family::CookiePrompt => "cookie or consent prompt",
            Family::Navigation => "navigation",
            Family::Footer => "footer",
            Family::Advertising => "advertising label",
            Family::CommentCounter => "comment counter",
            Family::CommentThread => "comment thread",
            Family::CommentMeta => "comment metadata",
            Family::Promotion => "promotion or call to action",
        }
    }

    fn from_rule(rule: &str) -> Option<Family> {
        FAMILIES.iter().copied().find(|f| f.rule() == rule)
    }

    fn bit(self) -> u32 {
        1 << FAMILIES.iter().position(|&f| f == self).unwrap_or(0)
    }

    /// The longest line (in words) a `^`, `$` or `~` phrase of this family may
    /// match: past that, the line is a sentence that merely mentions the words.
    pub fn max_words(self) -> usize {
        match self {
            Family::Byline | Family::Advertising => 8,
            Family::ShareWidget | Family::CommentCounter => 10,
            Family::RelatedList | Family::CommentMeta | Family::Navigation => 14,
            Family::PhotoCredit => 16,
            Family::Caption => 45,
            Family::Footer | Family::CommentThread => 25,
            Family::TagList
            | Family::Promotion
            | Family::NewsletterPrompt
            | Family::LoginPrompt
            | Family::CookiePrompt => 45,
        }
    }
}

/// The families a line matched, as a bit set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hits(u32);

impl Hits {
    /// Whether nothing matched.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// Whether `family` matched.
    pub fn has(self, family: Family) -> bool {
        self.0 & family.bit() != 0
    }
    /// The first family that matched, in [`FAMILIES`] order.
    pub fn first(self) -> Option<Family> {
        FAMILIES.iter().copied().find(|&f| self.has(f))
    }
    /// Adds `family` to the set.
    pub fn add(&mut self, family: Family) {
        self.0 |= family.bit();
    }
    /// Adds every family of `other` to the set.
    pub fn union(&mut self, other: Hits) {
        self.0 |= other.0;
    }
    /// Whether a strong phrase matched (see [`lookup_strong`]).
    pub fn is_strong(self) -> bool {
        self.0 & STRONG != 0
    }
}

/// The bit of [`Hits`] that marks a strong phrase, above the families' bits.
const STRONG: u32 = 1 << FAMILIES.len();

/// The longest line, in words, a strong phrase may match: a subscription
/// box's or a legal notice's paragraph, not an article's long paragraph.
const MAX_STRONG_WORDS: usize = 80;

#[derive(Default)]
struct Lexicon {
    exact: HashMap<String, Hits>,
    /// Keyed by the phrase's first word.
    prefix: HashMap<String, Vec<(String, Family)>>,
    /// Keyed by the phrase's last word.
    suffix: HashMap<String, Vec<(String, Family)>>,
    /// Keyed by the phrase's first word.
    contains: HashMap<String, Vec<(String, Family)>>,
}

const FILES: [(&str, &str); 7] = [
    ("en", include_str!("../../../data/residue/phrases/en.txt")),
    ("ru", include_str!("../../../data/residue/phrases/ru.txt")),
    ("de", include_str!("../../../data/residue/phrases/de.txt")),
    ("fr", include_str!("../../../data/residue/phrases/fr.txt")),
    ("es", include_str!("../../../data/residue/phrases/es.txt")),
    ("pt", include_str!("../../../data/residue/phrases/pt.txt")),
    ("it", include_str!("../../../data/residue/phrases/it.txt")),
];

fn parse(lex: &mut Lexicon, mut strong: Option<&mut Lexicon>, text: &str) {
    let mut family = None;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            family = Family::from_rule(name);
            continue;
        }
        let (Some(f), Some((op, phrase))) = (family, line.split_once(' ')) else {
            continue;
        };
        // `!` marks a strong phrase: it goes to the strong lexicon as well.
        let op = match (op.strip_prefix('!'), strong.as_deref_mut()) {
            (Some(op), Some(st)) => {
                parse_phrase(st, op, phrase, f);
                op
            }
            (Some(op), None) => op,
            (None, _) => op,
        };
        parse_phrase(lex, op, phrase, f);
    }
}

fn parse_phrase(lex: &mut Lexicon, op: &str, phrase: &str, f: Family) {
    let phrase = super::lines::normalize(phrase);
    if phrase.is_empty() {
        return;
    }
    match op {
        "=" => lex.exact.entry(phrase).or_default().add(f),
        "^" => {
            let first = phrase.split(' ').next().unwrap_or("").to_string();
            lex.prefix.entry(first).or_default().push((phrase, f));
        }
        "$" => {
            let last = phrase.rsplit(' ').next().unwrap_or("").to_string();
            lex.suffix.entry(last).or_default().push((phrase, f));
        }
        "~" => {
            let first = phrase.split(' ').next().unwrap_or("").to_string();
            lex.contains.entry(first).or_default().push((phrase, f));
        }
        _ => {}
    }
}

/// The ordinary lexicon (every phrase) and the strong one (`!` phrases only).
fn lexicons() -> &'static (Lexicon, Lexicon) {
    static LEX: OnceLock<(Lexicon, Lexicon)> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = Lexicon::default();
        let mut strong = Lexicon::default();
        for (_, text) in FILES {
            parse(&mut lex, Some(&mut strong), text);
        }
        (lex, strong)
    })
}

fn boundary_before(s: &str, at: usize) -> bool {
    s[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The first word of a key, with trailing punctuation removed.
fn first_word(key: &str) -> &str {
    let w = key.split(' ').next().unwrap_or("");
    let t = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '#' && c != '©');
    if t.is_empty() {
        w
    } else {
        t
    }
}

fn last_word(key: &str) -> &str {
    let w = key.rsplit(' ').next().unwrap_or("");
    let t = w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '#');
    if t.is_empty() {
        w
    } else {
        t
    }
}

/// The families whose phrases match the normalised line `key` of `words` words.
pub fn lookup(key: &str, words: usize) -> Hits {
    lookup_in(&lexicons().0, key, words, None)
}

/// The families whose strong phrases match the line, with the strong mark:
/// wording that is furniture even in a full sentence inside the article body
/// ("... is a reader-supported publication", "Not FDIC insured"), on lines up
/// to `MAX_STRONG_WORDS` words.
pub fn lookup_strong(key: &str, words: usize) -> Hits {
    if words > MAX_STRONG_WORDS {
        return Hits::default();
    }
    let mut hits = lookup_in(&lexicons().1, key, words, Some(MAX_STRONG_WORDS));
    if !hits.is_empty() {
        hits.0 |= STRONG;
    }
    hits
}

/// Looks the line up in `lex`; `max_words` overrides the families' limits.
fn lookup_in(lex: &Lexicon, key: &str, words: usize, max_words: Option<usize>) -> Hits {
    let fits = |f: &Family| words <= max_words.unwrap_or_else(|| f.max_words());
    let mut hits = Hits::default();
    if key.is_empty() {
        return hits;
    }
    let bare = key
        .trim_end_matches([':', '.', '!', '?', ',', ';'])
        .trim_end();
    if let Some(h) = lex.exact.get(key).or_else(|| lex.exact.get(bare)) {
        hits.0 |= h.0;
    }
    let mut try_prefix = |first: &str| {
        if let Some(list) = lex.prefix.get(first) {
            for (p, f) in list {
                // Phrases of several words may run into the next label
                // ("Comment via FacebookComment via Sputnik").
                let glued = p.contains(' ');
                if fits(f) && key.starts_with(p.as_str()) && (glued || boundary_after(key, p.len()))
                {
                    hits.add(*f);
                }
            }
        }
    };
    let first = first_word(key);
    try_prefix(first);
    let raw_first = key.split(' ').next().unwrap_or("");
    if raw_first != first {
        try_prefix(raw_first);
    }
    // Phrases that start with a symbol (`©`, `(`, `[`) are keyed by it alone.
    if let Some(c) = key
        .chars()
        .next()
        .filter(|c| !c.is_alphanumeric() && *c != '#')
    {
        let mut buf = [0u8; 4];
        try_prefix(c.encode_utf8(&mut buf));
    }
    for last in [last_word(key), key.rsplit(' ').next().unwrap_or("")] {
        if let Some(list) = lex.suffix.get(last) {
            for (p, f) in list {
                if fits(f)
                    && bare.ends_with(p.as_str())
                    && boundary_before(bare, bare.len() - p.len())
                {
                    hits.add(*f);
                }
                if fits(f) && key.ends_with(p.as_str()) && boundary_before(key, key.len() - p.len())
                {
                    hits.add(*f);
                }
            }
        }
    }
    // Each word of the line may start a `~` phrase: look the phrases up by it.
    let mut pos = 0;
    for word in key.split(' ') {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        for w in [word, bare] {
            let Some(list) = lex.contains.get(w) else {
                continue;
            };
            for (p, f) in list {
                if fits(f)
                    && key[pos..].starts_with(p.as_str())
                    && boundary_after(key, pos + p.len())
                {
                    hits.add(*f);
                }
            }
            if bare == word {
                break;
            }
        }
        pos += word.len() + 1;
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::residue::lines::normalize;

    fn hits(line: &str) -> Hits {
        lookup(&normalize(line), line.split_whitespace().count())
    }

    #[test]
    fn every_phrase_file_has_families() {
        for (lang, text) in FILES {
            let mut lex = Lexicon::default();
            parse(&mut lex, None, text);
            assert!(lex.exact.len() > 20, "{lang} should have exact phrases");
            for raw in text.lines().filter(|l| l.starts_with('[')) {
                let name = raw.trim_matches(['[', ']']);
                assert!(
                    Family::from_rule(name).is_some(),
                    "{lang} should only use known families, not {name}"
                );
            }
        }
    }

    #[test]
    fn matches_whole_lines_starts_and_ends() {
        assert!(
            hits("SHARE").has(Family::ShareWidget),
            "should match a share button"
        );
        assert!(
            hits("By Jane Roe").has(Family::Byline),
            "should match a byline"
        );
        assert!(
            !hits("Bypass the ring road").has(Family::Byline),
            "should respect word boundaries"
        );
        assert!(
            hits("Photo: Damian Ruiz, AP").has(Family::PhotoCredit),
            "should match a credit prefix"
        );
        assert!(
            hits("© AFP 2016/ JOHN DOE").has(Family::PhotoCredit),
            "should match a © credit"
        );
        assert!(
            hits("[ 167 comments ]").has(Family::CommentThread),
            "should match a comment counter"
        );
        assert!(
            hits("Поделиться").has(Family::ShareWidget),
            "should know Russian"
        );
        assert!(
            hits("Leia também:").has(Family::RelatedList),
            "should know Portuguese"
        );
    }

    #[test]
    fn strong_phrases_match_whole_sentences() {
        let s = "The Weekly Ledger is a reader-supported publication. To get new posts, consider becoming a subscriber.";
        let key = normalize(s);
        let words = s.split_whitespace().count();
        assert!(
            lookup_strong(&key, words).is_strong(),
            "should mark a subscription sentence as strong"
        );
        assert!(
            lookup(&key, words).has(Family::NewsletterPrompt),
            "should also list a strong phrase as an ordinary hit"
        );
        let plain = "Subscribe to the weekly paper to read more about the council.";
        assert!(
            !lookup_strong(&normalize(plain), 11).is_strong(),
            "should not mark ordinary phrases as strong"
        );
    }

    #[test]
    fn long_sentences_do_not_match_start_phrases() {
        let s = "By the end of the decade the city plans to have replaced every one of its diesel buses.";
        assert!(
            hits(s).is_empty(),
            "should not treat a sentence starting with 'By' as a byline"
        );
    }
}
