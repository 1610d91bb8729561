//! Machine-translation casing: names and institutions written in lower case
//! (`U.S. state Department`, `Secretary-General ban Ki-moon`, `russia`), common
//! words capitalised in the middle of a sentence (`the Sanctions have`), and
//! sentences that start in lower case.
//!
//! Every change rests on evidence, named in its reason:
//! 1. **Institutions** from `data/casing/phrases.txt` written with mixed case
//!    (`Minister of foreign Affairs`, `White house`): the phrase's casing.
//! 2. **Titles before names**: `Secretary-General ban Ki-moon`; and a role, a
//!    given name and a lower-case word (`spokesman Josh earnest`).
//! 3. **The document's own pairs**: `state Department` where the text writes
//!    `State Department` elsewhere; `the us` where it writes `the US`. The
//!    capitals elsewhere need a clear majority, or odds that favour a name
//!    given how often this text lowers names and capitalises common words
//!    (`SlipRates`).
//! 4. **The document's own words**: a name the text capitalises in the middle
//!    of sentences elsewhere and does not write in lower case there (`kerry`
//!    when it writes `Kerry`), and the reverse for common words (`Sanctions`
//!    when it writes `sanctions` and never `Sanctions`); `wordPress` where it
//!    writes `WordPress`; a common word it writes as a name again and again
//!    (`slack` where it writes `Slack` a dozen times); a camel-case name
//!    written once in prose (`hubSpot`).
//! 5. **The lexicon**: words SCOWL lists only capitalised (`aleppo`) or only in
//!    capitals (`nato`); common words SCOWL lists only in lower case, capitalised
//!    alone mid-sentence (`the Sanctions have`); grammar words (`With`, `That`)
//!    and words English seldom capitalises even to start a sentence (`Insisted`,
//!    from spaCy's English word frequencies), which no name is made of.
//! 6. **Title-case headings**: in a short heading line written in title case
//!    (no full stop, comma, bracket or code), a longer word that lost its
//!    capital (`How to improve Your Skills`) gets it back; small words (`of`,
//!    `with`) stay as written, and a word no list knows is raised only if the
//!    document capitalises it elsewhere. A heading that lost a third of its
//!    capitals still counts as one (see `damaged_title_lines`).
//! 7. **Sentence starts**: a lower-case word after `.`, `!` or `?` and a space,
//!    unless the full stop ends an abbreviation (`Mr.`, `U.S.`, `tsp.`).
//! 8. **Full names**: a surname alone (`earnest said`) where the document
//!    writes the full name (`Josh Earnest`) and never the word in lower case.
//! 9. **Colon style**: after a colon, in a document that capitalises there
//!    (`Q: Favorite apps?`) and whose sentence starts show damage too.
//!
//! Rules 1, 2 and 8 are strong and always apply. The others are trusted only in a
//! text that shows casing damage (`Damage`, or two institutions written with
//! mixed case): names the lexicon is sure of
//! written in lower case, or common words capitalised mid-sentence far more
//! often than a writer's style would (4% or more), or, for rule 7, sentences
//! starting in lower case (10% or more). Clean text with a few odd capitals (a
//! product called `Teams`, list items run together) is left as it is. The
//! stage runs a few rounds (see the pass), each on the previous round's output,
//! until the evidence stops changing; a text found damaged in the first round
//! stays so in the later ones (see [`Rounds`]). Short lines that are not prose
//! (list items, captions) lower a capital only on a pair (see `loose_lines`).
//!
//! **Never touched**: words at the start of a line (the writer's choice), words
//! after a quote or bracket, inside compounds with a capitalised partner or
//! glued to symbols; words in ALL-CAPS or title-case lines; capitals (`NATO`);
//! capitalised words that stand next to another capitalised word (not the
//! pronoun `I` nor a grammar word) or across `of`/`for` from one (`Supreme
//! Court`, `School of Medicine`), next to a name written in lower case or after
//! a capitalised possessive (`People's Liberation`), unless the document writes
//! that very pair in lower case; capitalised words alone between punctuation
//! (`, Politico,`).

use super::caps_lines::{caps_lines, title_counts_by, TitleCounts, TITLE_SMALL_WORDS};
use super::evidence::{key, Counts, Evidence};
use super::lexicon::{Class, Lexicon};
use super::words::{words, Position, Shape, Word};
use crate::options::Options;
use crate::report::Report;
use std::cell::Cell;
use std::collections::HashMap;

/// Whether a spaced neighbour of word `i` is a name in lower case, or the word
/// follows a capitalised possessive.
fn name_neighbour(cx: &Ctx, i: usize) -> bool {
    let name = |j: usize| {
        let k = cx.k(j);
        cx.ws[j].shape == Shape::Lower
            && !cx.lx.is_function_word(k)
            && (matches!(cx.class(j), Class::Proper | Class::Acronym)
                || cx.ev.word(k).without(Shape::Lower).cap
                    > cx.ev.word(k).without(Shape::Lower).lower)
    };
    let prev = i > 0 && cx.ws[i].spaced && name(i - 1);
    let next = i + 1 < cx.ws.len() && cx.ws[i + 1].spaced && name(i + 1);
    let possessive = i >= 2
        && cx.ws[i].spaced
        && cx.k(i - 1) == "s"
        && matches!(cx.gap(i - 1), "'" | "’")
        && matches!(cx.ws[i - 2].shape, Shape::Cap | Shape::Upper);
    prev || next || possessive
}

/// Pronouns, auxiliaries, determiners, conjunctions, prepositions and adverbs
/// of four letters or more, which no name is made of (sorted). Adding the
/// adverbs and the rest of the prepositions and pronouns (`often`, `across`,
/// `yourself`) repaired 41 more words of the dev pages' `mt` copies and damaged
/// 13 more, most in titles (`No Place Like Home`).
#[rustfmt::skip] // one word a line would run to 120 lines
const GRAMMAR_WORDS: &[&str] = &[
    "about", "across", "after", "again", "against", "almost", "already", "also", "always", "among",
    "another", "anything", "around", "because", "been", "before", "behind", "being", "below",
    "beside", "besides", "between", "beyond", "both", "cannot", "could", "does", "during", "each",
    "either", "enough", "even", "every", "everyone", "everything", "from", "have", "having", "here",
    "herself", "himself", "into", "itself", "just", "least", "less", "like", "many", "maybe",
    "might", "more", "most", "much", "must", "neither", "never", "nothing", "often", "once", "only",
    "onto", "other", "over", "perhaps", "quite", "rather", "several", "shall", "should", "since",
    "some", "still", "such", "than", "that", "their", "them", "themselves", "then", "there",
    "these", "they", "this", "those", "though", "through", "thus", "toward", "towards", "under",
    "unless", "until", "upon", "very", "were", "what", "when", "where", "whether", "which", "while",
    "whom", "whose", "will", "with", "within", "without", "would", "your", "yours", "yourself",
];

/// Small words inside names (`School of Business`, `Society for the Prevention`).
const BRIDGES: &[&str] = &["and", "de", "for", "in", "of", "on", "the", "to"];

/// Words before a title that show it is used as a common noun (`the president`).
const DETERMINERS: &[&str] = &[
    "a", "an", "any", "each", "every", "her", "his", "its", "my", "our", "that", "the", "their",
    "this", "your",
];

struct Decision {
    form: String,
    rule: &'static str,
    reason: String,
}

fn capitalise(w: &str) -> String {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn cap_form(w: &str) -> String {
    capitalise(&w.to_lowercase())
}

struct Ctx<'a> {
    text: &'a str,
    ws: &'a [Word],
    caps: &'a [bool],
    /// Lines where common words are capitalised too often to be slips (lists of
    /// items run together, menus): the lexicon alone does not lower words there.
    cap_rich: &'a [bool],
    /// Whether the document shows machine-translation damage at all (see
    /// [`Damage`]); the weaker kinds of evidence are used only when it does.
    damaged: bool,
    ev: &'a Evidence,
    lx: &'a Lexicon,
    /// Lines that are prose, not headings: long, or with a full stop (see [`prose_lines`]).
    prose: &'a [bool],
    /// Short lines that are not prose (see [`loose_lines`]).
    loose: &'a [bool],
    /// Surnames by key, from full names the document writes (`earnest` -> `Josh Earnest`).
    surnames: &'a HashMap<String, String>,
    /// How often the document capitalises a common word, and lowers a name, by
    /// slip (see [`Damage::slip_rates`]).
    slips: SlipRates,
    /// The lower-cased key of each word.
    keys: &'a [String],
    /// What the lexicon says of each word's key.
    classes: &'a [Class],
}

impl Ctx<'_> {
    fn t(&self, i: usize) -> &str {
        self.ws[i].text(self.text)
    }
    /// What the lexicon says of word `i` (looked up once per stage run).
    fn class(&self, i: usize) -> Class {
        self.classes[i]
    }
    /// The lower-cased key of word `i` (computed once per stage run).
    fn k(&self, i: usize) -> &str {
        &self.keys[i]
    }
    fn in_caps(&self, i: usize) -> bool {
        self.caps.get(self.ws[i].line).copied().unwrap_or(false)
    }
    /// The previous word if it is separated from word `i` by one space.
    fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && self.ws[i].spaced && !self.ws[i - 1].opaque).then(|| i - 1)
    }
    /// The next word if one space separates it from word `i`.
    fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.ws.len() && self.ws[i + 1].spaced && !self.ws[i + 1].opaque).then_some(i + 1)
    }
    /// The document's slip rates; in a text that shows damage, at least
    /// [`SLIP_FLOOR`]: once the rounds repair most slips, the rates measured on
    /// the repaired text would fall and tip the odds the other way on a second
    /// run, and cleaning twice would change the text again.
    fn slip_rates(&self) -> SlipRates {
        if !self.damaged {
            return self.slips;
        }
        SlipRates {
            capitalised: self.slips.capitalised.max(SLIP_FLOOR.0),
            lowered: self.slips.lowered.max(SLIP_FLOOR.1),
        }
    }
    /// Whether a capitalised word follows word `i` after one space.
    fn capital_follows(&self, i: usize) -> bool {
        i + 1 < self.ws.len()
            && self.ws[i + 1].spaced
            && matches!(
                self.ws[i + 1].shape,
                Shape::Cap | Shape::Upper | Shape::Mixed
            )
    }
    /// Whether word `i` follows a capitalised common word after one space:
    /// a heading's title case (`Check Your`, `How Much`) rather than a slip.
    fn after_title_word(&self, i: usize) -> bool {
        i > 0
            && self.ws[i].spaced
            && self.ws[i - 1].shape == Shape::Cap
            && self.class(i - 1) == Class::Common
    }
    fn gap(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            &self.text[self.ws[i - 1].end..self.ws[i].start]
        }
    }
}

/// A phrase found at a word: its length in words, the words to re-case (index,
/// form), and the phrase as written in the list.
type PhraseMatch = (usize, Vec<(usize, String)>, String);

/// Multi-word institutions written with mixed case.
fn phrases(cx: &Ctx, out: &mut [Option<Decision>]) {
    let n = cx.ws.len();
    let mut i = 0;
    while i < n {
        let k = cx.k(i);
        if !cx.lx.starts_phrase(k) || cx.in_caps(i) || cx.ws[i].opaque {
            i += 1;
            continue;
        }
        let mut best: Option<PhraseMatch> = None;
        for phrase in cx.lx.phrases() {
            // The phrase's words and the separators before each.
            let mut parts: Vec<(&str, char)> = Vec::new();
            for (wi, word) in phrase.iter().enumerate() {
                for (pi, piece) in word.split('-').enumerate() {
                    let sep = if pi > 0 {
                        '-'
                    } else if wi > 0 {
                        ' '
                    } else {
                        '\0'
                    };
                    parts.push((piece, sep));
                }
            }
            if parts.len() < 2 || i + parts.len() > n || lower(parts[0].0) != k {
                continue;
            }
            let mut ok = true;
            for (j, (piece, sep)) in parts.iter().enumerate() {
                let wi = i + j;
                let w = &cx.ws[wi];
                if lower(piece) != cx.k(wi)
                    || w.opaque
                    || cx.in_caps(wi)
                    || !matches!(w.shape, Shape::Lower | Shape::Cap)
                {
                    ok = false;
                    break;
                }
                if j > 0 && cx.gap(wi) != sep.to_string() {
                    ok = false;
                    break;
                }
            }
            if !ok {
                continue;
            }
            let mut changes = Vec::new();
            let mut anchored = false;
            for (j, (piece, _)) in parts.iter().enumerate() {
                let w = &cx.ws[i + j];
                let want_cap = piece.chars().next().is_some_and(char::is_uppercase);
                let is_cap = w.shape == Shape::Cap;
                if want_cap && is_cap && matches!(w.position, Position::Mid | Position::Other) {
                    anchored = true;
                }
                if want_cap && !is_cap {
                    changes.push((i + j, piece.to_string()));
                } else if !want_cap && is_cap && j > 0 {
                    ok = false; // `Minister Of Foreign Affairs`: a title-case style, not a slip
                }
            }
            if ok
                && anchored
                && !changes.is_empty()
                && best.as_ref().is_none_or(|b| parts.len() > b.0)
            {
                best = Some((parts.len(), changes, phrase.join(" ")));
            }
        }
        if let Some((len, changes, name)) = best {
            let written: Vec<&str> = (i..i + len).map(|j| cx.t(j)).collect();
            // The phrase's other words are settled as written (no later rule lowers `Court`).
            for (j, w) in written.iter().enumerate() {
                out[i + j] = Some(Decision {
                    form: (*w).to_string(),
                    rule: "institution",
                    reason: String::new(),
                });
            }
            for (j, form) in changes {
                out[j] = Some(Decision {
                    form,
                    rule: "institution",
                    reason: format!(
                        "'{}' is the institution or title '{name}', written here with mixed case",
                        written.join(" ")
                    ),
                });
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// How much likelier (natural logarithm) a pair's capitals elsewhere must make
/// a name than a common word when they are no clear majority.
const PAIR_NAME_ODDS: f64 = 2.2;

/// The same for a word SCOWL lists both ways (`bush`, `cook`), alone: a
/// common word's use is likelier there, so the odds must be stronger.
const BOTH_NAME_ODDS: f64 = 4.4;

/// Log-odds a word the lexicon lists only in lower case needs, alone, before the
/// document's capitals make a name of it (see `decide_lower`).
const COMMON_NAME_ODDS: f64 = 20.0;

/// Evidence from the document's pairs for word `i` written with `shape`: how the
/// document writes this word next to the same neighbour elsewhere. Only
/// neighbours that are words of two letters or more count, and, unless
/// `function_words`, not function words. With `mixed_only`, only a neighbour
/// written with a capital here counts (`state Department`): a pair written
/// wholly in lower case here (`attorney general`) is a choice, not a slip. The
/// winning shape needs at least `min` occurrences.
fn pair_evidence(
    cx: &Ctx,
    i: usize,
    shape: Shape,
    function_words: bool,
    mixed_only: bool,
    min: u32,
) -> Option<(Shape, String)> {
    let k = cx.k(i);
    let mut total = Counts::default();
    let mut partner = String::new();
    let usable = |j: usize| {
        let jk = cx.k(j);
        jk.chars().count() >= 2
            && (function_words || !cx.lx.is_function_word(jk))
            && (!mixed_only || matches!(cx.ws[j].shape, Shape::Cap | Shape::Upper))
    };
    if let Some(p) = cx.prev(i).filter(|&p| usable(p)) {
        let c = cx.ev.right_of(cx.k(p), k).without(shape);
        if c.total() > 0 {
            partner = format!("{} {}", cx.t(p), "{}");
        }
        total.lower += c.lower;
        total.cap += c.cap;
        total.upper += c.upper;
    }
    if let Some(nx) = cx.next(i).filter(|&n| usable(n)) {
        let c = cx.ev.left_of(k, cx.k(nx)).without(shape);
        if c.total() > 0 && partner.is_empty() {
            partner = format!("{} {}", "{}", cx.t(nx));
        }
        total.lower += c.lower;
        total.cap += c.cap;
        total.upper += c.upper;
    }
    // Capitals need a clear majority, or, in a text that slips, odds that make
    // a name of them: where names are often lowered and common words seldom
    // capitalised, two capitals outweigh two lower-case spellings (98 more
    // slips repaired on the dev pages' `mt` copies, 10 words damaged). Lower
    // case needs the pair never capitalised elsewhere (a slip capitalises a
    // common word rarely, a name is written capitalised nearly always).
    let best = if total.upper > total.cap && total.upper >= 2 * total.lower && total.upper >= min {
        Shape::Upper
    } else if total.cap >= min
        && (total.cap >= 2 * total.lower
            || cx.slip_rates().name_odds(total.cap, total.lower) >= PAIR_NAME_ODDS)
    {
        Shape::Cap
    } else if total.lower >= min && total.cap == 0 && total.upper == 0 {
        Shape::Lower
    } else {
        return None;
    };
    (best != shape).then_some((best, partner))
}

fn written(shape: Shape, w: &str, lx: &Lexicon) -> String {
    match shape {
        Shape::Upper => lx
            .acronym_form(&key(w))
            .map_or_else(|| w.to_uppercase(), str::to_string),
        Shape::Cap => cap_form(w),
        _ => lower(w),
    }
}

/// A lower-case word in the middle of a sentence.
fn decide_lower(cx: &Ctx, i: usize) -> Option<Decision> {
    let t = cx.t(i);
    let k = cx.k(i);
    let class = cx.class(i);
    let fw = cx.lx.is_function_word(k);
    // Pairs: content neighbours for capitals, any neighbour for acronyms.
    if !fw {
        if let Some((shape, partner)) = pair_evidence(
            cx,
            i,
            Shape::Lower,
            false,
            true,
            // A word that is also an acronym (`can`/`CAN`) needs two: one pair
            // in capitals may be shouting (`the USA CAN be`).
            if matches!(class, Class::Common | Class::AcronymOrWord) {
                2
            } else {
                1
            },
        ) {
            // A word in capitals beside a neighbour (`USA CAN be`) is emphasis,
            // not an acronym, unless the lexicon allows an acronym.
            let acronym = matches!(
                class,
                Class::Acronym | Class::AcronymOrWord | Class::Unknown
            );
            if shape == Shape::Cap || (shape == Shape::Upper && acronym) {
                let form = written(shape, t, cx.lx);
                let pair = partner.replace("{}", &form);
                return Some(Decision {
                    form,
                    rule: "document-pair",
                    reason: format!("the document writes '{pair}' elsewhere"),
                });
            }
        }
    }
    let acronym_like = matches!(
        class,
        Class::Acronym | Class::AcronymOrWord | Class::Unknown
    );
    if let Some((Shape::Upper, partner)) =
        // A word that is also an acronym (`can`/`CAN`, `it`/`IT`) needs the
        // pair in capitals twice: once may be shouting (`the USA CAN be`).
        pair_evidence(
            cx,
            i,
            Shape::Lower,
            true,
            false,
            if class == Class::AcronymOrWord { 2 } else { 1 },
        )
        .filter(|_| acronym_like && cx.damaged)
    {
        let form = written(Shape::Upper, t, cx.lx);
        let pair = partner.replace("{}", &form);
        return Some(Decision {
            form,
            rule: "document-pair",
            reason: format!("the document writes '{pair}' elsewhere"),
        });
    }
    if fw || t.chars().count() < 2 {
        return None;
    }
    let c = cx.ev.word(k).without(Shape::Lower);
    if class == Class::Mixed {
        let form = cx.lx.mixed_form(k)?.to_string();
        return (c.lower == 0).then(|| Decision {
            reason: format!("'{form}' is written so (lexicon of mixed-case names)"),
            form,
            rule: "lexicon-name",
        });
    }
    let name_like = matches!(class, Class::Unknown | Class::Proper | Class::Acronym);
    if let Some(full) = surname_alone(cx, i, c) {
        let form = cap_form(t);
        return Some(Decision {
            reason: format!("the document writes the full name '{full}' elsewhere"),
            form,
            rule: "document-name",
        });
    }
    // In a text without damage, a word the document also writes in lower case
    // elsewhere is not raised on the document's word.
    if !cx.damaged && c.lower > 0 {
        return title_before_name(cx, i).or_else(|| role_given_surname(cx, i));
    }
    // An acronym that is also a word (`ai`, `ui`): the document writes it in
    // capitals at least twice and never otherwise in the middle of sentences.
    let acronym_elsewhere = cx.damaged
        && c.lower == 0
        && c.cap == 0
        && t.chars().count() <= 5
        && cx.ev.upper_anywhere(k) >= 2;
    if (name_like && c.upper >= 1 && c.upper >= c.lower && c.upper >= c.cap) || acronym_elsewhere {
        let form = written(Shape::Upper, t, cx.lx);
        return Some(Decision {
            reason: format!("the document writes '{form}' elsewhere and never '{t}'"),
            form,
            rule: "document-word",
        });
    }
    if name_like && c.cap >= 1 && c.cap >= c.lower {
        let form = cap_form(t);
        return Some(Decision {
            reason: format!("the document writes '{form}' in the middle of sentences elsewhere"),
            form,
            rule: "document-word",
        });
    }
    // A word SCOWL lists only in lower case that the document writes as a
    // name again and again (see `written_as_name`).
    if class == Class::Common && written_as_name(cx, k) {
        let form = cap_form(t);
        return Some(Decision {
            reason: format!("the document writes '{form}' on its own in the middle of sentences {} times and '{t}' {} times: a name, at the rate this text lowers names", c.cap_alone, c.lower),
            form,
            rule: "document-word",
        });
    }
    // A word listed both ways (`trump`, `cook`): the document must write it
    // capitalised on its own (not inside a longer name) at least twice, and
    // twice as often as in lower case counting this one, or often enough that
    // the text's slip rates make a name of it, at stricter odds than a pair
    // needs (26 more slips repaired on the dev pages' `mt` copies, no more
    // words damaged; at a pair's odds, 53 for 10). The looser test this
    // replaced (capitalised twice anywhere, in lower case at most about half as
    // often) repaired 81 more words of the dev pages' `mt` copies but damaged 51.
    if cx.damaged
        && class == Class::Both
        && c.cap_alone >= 2
        && (c.cap_alone >= 2 * (c.lower + 1)
            || cx.slip_rates().name_odds(c.cap_alone, c.lower + 1) >= BOTH_NAME_ODDS)
    {
        let form = cap_form(t);
        return Some(Decision {
            reason: format!("the document writes '{form}' in the middle of sentences {} times and '{t}' {} times", c.cap, c.lower),
            form,
            rule: "document-word",
        });
    }
    // Machine translation lowers a name about a third of the time, so a name
    // SCOWL lists only capitalised may stand in lower case elsewhere in the
    // document too (`last tuesday`, twice): it is still raised unless the
    // document writes it in lower case clearly more often than capitalised (79
    // more slips repaired on the dev pages' `mt` copies, no more words damaged;
    // with no bound, 0.006% more damage on `mt` and clean pages alike).
    let proper_despite_slips = class == Class::Proper && c.lower <= c.cap + 2;
    if (c.lower == 0 || proper_despite_slips) && cx.damaged {
        match class {
            Class::Proper => {
                let form = cap_form(t);
                return Some(Decision {
                    reason: format!("'{form}' is a name (SCOWL lists it only capitalised)"),
                    form,
                    rule: "lexicon-name",
                });
            }
            Class::Acronym => {
                let form = written(Shape::Upper, t, cx.lx);
                return Some(Decision {
                    reason: format!("'{form}' is an acronym (lexicon)"),
                    form,
                    rule: "lexicon-name",
                });
            }
            _ => {}
        }
    }
    title_before_name(cx, i).or_else(|| role_given_surname(cx, i))
}

/// Whether the damaged document writes `k`, a word the lexicon lists only in
/// lower case, as a name again and again (`Slack`, `Zoom`): capitalised on its
/// own in the middle of sentences three times or more, at far stricter odds
/// than a word listed both ways needs, and never a grammar word or one English
/// seldom capitalises (`Built`, `Very` in a page of capitalised table cells).
/// Such a word is raised where it slipped and never lowered on other evidence,
/// which would undo it on a second run. On the dev pages' `mt` copies: 91 more
/// slips repaired, 2 words damaged, and 2 on the clean pages; at odds of 8,
/// 146 for 17, and 14 on the clean pages.
fn written_as_name(cx: &Ctx, k: &str) -> bool {
    let c = cx.ev.word(k);
    cx.damaged
        && c.cap_alone >= 3
        && !cx.lx.is_seldom_capitalised(k)
        && GRAMMAR_WORDS.binary_search(&k).is_err()
        && cx.slip_rates().name_odds(c.cap_alone, c.lower) >= COMMON_NAME_ODDS
}

/// Whether a capitalised word's other occurrences make it a common word.
fn weighs_as_common(c: Counts) -> bool {
    c.lower >= 2 && f64::from(c.lower) >= 4.0 * f64::from(c.cap) + 1.0 && c.upper == 0
}

/// Words that report speech (`Earnest said`), after which a bare surname is the speaker.
const REPORTING_VERBS: &[&str] = &[
    "added",
    "asked",
    "explained",
    "noted",
    "said",
    "says",
    "stated",
    "told",
    "tweeted",
    "wrote",
];

/// The full names the document writes: a capitalised given name (from the
/// list of given names) and a capitalised word after it (`Josh Earnest`), by
/// the key of the second word.
fn surnames(text: &str, ws: &[Word], caps: &[bool], lx: &Lexicon) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (j, w) in ws.iter().enumerate() {
        let Some(n) = ws.get(j + 1) else { break };
        if w.shape != Shape::Cap
            || n.shape != Shape::Cap
            || !n.spaced
            || w.opaque
            || n.opaque
            || caps.get(w.line).copied().unwrap_or(true)
        {
            continue;
        }
        let g = key(w.text(text));
        if lx.is_given_name(&g) {
            out.entry(key(n.text(text)))
                .or_insert_with(|| format!("{} {}", w.text(text), n.text(text)));
        }
    }
    out
}

/// `Josh Earnest ... earnest said`: a lower-case word the document writes as
/// the surname of a full name, never in lower case elsewhere, used alone as
/// the speaker of a reporting verb or, if the lexicon knows no common word of
/// that spelling, anywhere. Gives the full name.
fn surname_alone<'a>(cx: &'a Ctx, i: usize, c: Counts) -> Option<&'a str> {
    let k = cx.k(i);
    let full = cx.surnames.get(k)?;
    if c.lower > 0 || k.chars().count() < 3 || cx.lx.is_function_word(k) {
        return None;
    }
    let speaker = cx
        .next(i)
        .is_some_and(|n| REPORTING_VERBS.contains(&cx.k(n)));
    let name_only = !matches!(cx.class(i), Class::Common | Class::Both);
    (speaker || name_only).then_some(full.as_str())
}

/// `Secretary-General ban Ki-moon`: a title, a lower-case word, a name.
fn title_before_name(cx: &Ctx, i: usize) -> Option<Decision> {
    let p = if i > 0 && cx.ws[i].spaced {
        i - 1
    } else {
        return None;
    };
    let nx = cx
        .next(i)
        .or_else(|| (i + 1 < cx.ws.len() && cx.ws[i + 1].spaced).then_some(i + 1))?;
    if cx.ws[p].shape != Shape::Cap || cx.ws[nx].shape != Shape::Cap || cx.in_caps(i) {
        return None;
    }
    let pk = cx.k(p);
    let compound = p > 0 && cx.gap(p) == "-" && cx.lx.is_title(&format!("{}-{}", cx.k(p - 1), pk));
    if !cx.lx.is_title(pk) && !compound {
        return None;
    }
    // `the President told Reuters`: a title with a determiner is a common noun.
    let title_start = if compound { p - 1 } else { p };
    if title_start > 0 {
        let d = cx.k(title_start - 1);
        if DETERMINERS.contains(&d) {
            return None;
        }
    }
    if matches!(cx.class(nx), Class::Common) || cx.ws[nx].position != Position::Mid {
        return None;
    }
    let t = cx.t(i);
    let form = cap_form(t);
    let title = if compound {
        format!("{}-{}", cx.t(p - 1), cx.t(p))
    } else {
        cx.t(p).to_string()
    };
    Some(Decision {
        reason: format!(
            "'{title} {t} {}' is a title before a name, so '{t}' is part of the name",
            cx.t(nx)
        ),
        form,
        rule: "title-name",
    })
}

/// `spokesman Josh earnest`: a role, a given name and a lower-case surname.
fn role_given_surname(cx: &Ctx, i: usize) -> Option<Decision> {
    if i < 2 || !cx.ws[i].spaced || !cx.ws[i - 1].spaced {
        return None;
    }
    let (g, r) = (i - 1, i - 2);
    if cx.ws[g].shape != Shape::Cap || !cx.lx.is_given_name(cx.k(g)) || !cx.lx.is_role(cx.k(r)) {
        return None;
    }
    if let Some(nx) = cx.next(i) {
        if cx.ws[nx].shape == Shape::Cap {
            return None;
        }
    }
    let t = cx.t(i);
    let form = cap_form(t);
    Some(Decision {
        reason: format!(
            "'{} {} {t}' is a role before a full name: given name '{}' and surname '{form}'",
            cx.t(r),
            cx.t(g),
            cx.t(g)
        ),
        form,
        rule: "title-name",
    })
}

/// A word English seldom capitalises even to start a sentence (`said`,
/// `components`; see [`Lexicon::is_seldom_capitalised`]), capitalised in the
/// middle of a sentence: a slip even beside a name (`Balbi Insisted on`), unless
/// the document capitalises it elsewhere too or a capital follows (`Boosts
/// Plan`, a product's name). On the dev pages' `mt` copies it repairs 1,415
/// slips (many of which other rules would repair without it) for 82 words
/// damaged; taking the words English capitalises up to 2% of the time rather
/// than 1% raised mt fix from 60.68% to 61.11% and damage from 0.290% to 0.297%.
fn seldom_capital(cx: &Ctx, i: usize) -> Option<Decision> {
    let k = cx.k(i);
    // The second part of a compound (`well-Defined`) has a rule of its own.
    if !cx.lx.is_seldom_capitalised(k)
        || cx.ev.word(k).without(Shape::Cap).cap > 0
        || cx.gap(i) == "-"
    {
        return None;
    }
    if cx.capital_follows(i) || cx.after_title_word(i) {
        return None;
    }
    let form = lower(cx.t(i));
    Some(Decision {
        reason: format!(
            "'{form}' is a word English seldom capitalises, even to start a sentence, and the document does not capitalise it elsewhere"
        ),
        form,
        rule: "seldom-capital",
    })
}

/// Whether word `j`, a capitalised neighbour of word `i`, is a slip of its
/// own rather than part of a name with `i`: a word English seldom capitalises
/// (`Virtual Whiteboards`, `Authority Still sells`), capitalised nowhere else
/// in the document's sentences, with no capitalised word on its far side. A run
/// of three capitals is a name's (`Access Partner Program`). Not counting such
/// neighbours repaired 127 more slips on the dev pages' `mt` copies and damaged
/// 27 more words, none on the clean pages.
fn lone_seldom_capital(cx: &Ctx, j: usize, i: usize) -> bool {
    let capital = |f: usize| {
        matches!(cx.ws[f].shape, Shape::Cap | Shape::Upper | Shape::Mixed)
            && cx.ws[f].line == cx.ws[j].line
    };
    let far_capital = if j < i {
        cx.ws[j].spaced && j.checked_sub(1).is_some_and(capital)
    } else {
        cx.ws.get(j + 1).is_some_and(|f| f.spaced) && capital(j + 1)
    };
    cx.ws[j].shape == Shape::Cap
        && cx.lx.is_seldom_capitalised(cx.k(j))
        && cx.ev.word(cx.k(j)).without(Shape::Cap).cap == 0
        && !far_capital
}

/// A capitalised word in the middle of a sentence.
fn decide_cap(cx: &Ctx, i: usize) -> Option<Decision> {
    let t = cx.t(i);
    let k = cx.k(i);
    let class = cx.class(i);
    if t.chars().count() < 4 || !cx.damaged {
        return None;
    }
    // Grammar words (`That`, `With`, `Have`) are no part of names: next to a
    // name they are still slips.
    let loose = cx.loose.get(cx.ws[i].line).copied().unwrap_or(false);
    if GRAMMAR_WORDS.binary_search(&k).is_ok() && !loose {
        let c = cx.ev.word(k).without(Shape::Cap);
        if (!cx.capital_follows(i) || cx.prose.get(cx.ws[i].line).copied().unwrap_or(false))
            && !cx.after_title_word(i)
            && (c.cap == 0 || weighs_as_common(c))
        {
            let form = lower(t);
            return Some(Decision {
                reason: format!("'{form}' is a grammar word, never part of a name, and the document writes it in lower case"),
                form,
                rule: "grammar-word",
            });
        }
    }
    if !loose {
        if let Some(d) = seldom_capital(cx, i) {
            return Some(d);
        }
    }
    // A word listed both ways (`Office`, `Night`) is lowered on the document's
    // word alone: written in lower case at least twice elsewhere and never
    // capitalised (156 slips repaired on the dev pages' `mt` copies, 34 words
    // damaged; the lexicon alone and the document's pairs are not enough).
    let both = class == Class::Both;
    if (class != Class::Common && !both) || written_as_name(cx, k) {
        return None;
    }
    // A capitalised neighbour may make this part of a name (`Supreme Court`);
    // the pronoun `I` and grammar words are part of no name (`I Really`,
    // `When Needed`). No longer counting them as capitalised neighbours
    // repaired 146 more slips on the dev pages' `mt` copies and damaged 20 words.
    // Nor is a slip itself (see `lone_seldom_capital`).
    let capital_neighbour = |j: Option<usize>| {
        j.is_some_and(|j| {
            let w = &cx.ws[j];
            let nk = cx.k(j);
            matches!(w.shape, Shape::Cap | Shape::Upper | Shape::Mixed)
                && !cx.lx.is_function_word(nk)
                && nk != "i"
                && GRAMMAR_WORDS.binary_search(&nk).is_err()
                && !lone_seldom_capital(cx, j, i)
        })
    };
    let prev_any = (i > 0 && cx.ws[i].spaced).then(|| i - 1);
    let next_any = (i + 1 < cx.ws.len() && cx.ws[i + 1].spaced).then_some(i + 1);
    if capital_neighbour(prev_any) || capital_neighbour(next_any) {
        return None;
    }
    // Across `of`, `for`, `and`, `the`: `School of Business`, `Laws of Physics`.
    let bridge = |j: Option<usize>, step: fn(usize) -> Option<usize>| {
        j.is_some_and(|j| {
            BRIDGES.contains(&cx.k(j))
                && step(j).is_some_and(|f| {
                    f < cx.ws.len() && cx.ws[f].line == cx.ws[i].line && capital_neighbour(Some(f))
                })
        })
    };
    if bridge(prev_any, |j| j.checked_sub(1)) || bridge(next_any, |j| Some(j + 1)) {
        return None;
    }
    // After a lower-case content word (`the royal Infirmary`, `square Online`)
    // a capital may end a name whose other words slipped, and the pair written
    // in lower case elsewhere may be two such slips: one such pair is not
    // enough there. Asking two of it everywhere, not only at the end of a
    // clause, repaired 53 fewer words of the dev pages' `mt` copies and damaged
    // 27 fewer.
    let after_content = i > 0
        && cx.ws[i].spaced
        && cx.ws[i - 1].shape == Shape::Lower
        && !cx.lx.is_function_word(cx.k(i - 1));
    let pair_min = if after_content { 2 } else { 1 };
    if let Some((Shape::Lower, partner)) =
        pair_evidence(cx, i, Shape::Cap, false, false, pair_min).filter(|_| !both)
    {
        let form = lower(t);
        let pair = partner.replace("{}", &form);
        return Some(Decision {
            form,
            rule: "document-pair",
            reason: format!("the document writes '{pair}' elsewhere"),
        });
    }
    // Hyphen-joined to a capitalised word (`Anglo-American`) is a name too; to
    // a lower-case one (`Cost-cutting`) it is not (84 slips repaired on the dev
    // pages' `mt` copies, 13 words damaged).
    let hyphen_capital = |j: usize| cx.ws[j].shape != Shape::Lower;
    if (cx.gap(i) == "-" && hyphen_capital(i - 1))
        || (i + 1 < cx.ws.len() && cx.gap(i + 1) == "-" && hyphen_capital(i + 1))
    {
        return None;
    }
    // A neighbour that is a name written in lower case (`punjab Preservation`,
    // `muslim Brotherhood`), or a possessive (`People's Liberation`), may make
    // this part of a longer name whose other words slipped.
    if name_neighbour(cx, i) {
        return None;
    }
    // Two words after a capital across one lower-case content word (`the
    // Aberdeen royal Infirmary`), the name's middle word likely slipped: the
    // capital is kept (84 slips fewer repaired on the dev pages' `mt` copies,
    // 30 words fewer damaged).
    let across = |x: usize, f: usize| {
        x < cx.ws.len()
            && f < cx.ws.len()
            && cx.ws[x.max(i)].spaced
            && cx.ws[f.max(x)].spaced
            && cx.ws[x].shape == Shape::Lower
            && !cx.lx.is_function_word(cx.k(x))
            && capital_neighbour(Some(f))
            && cx.ws[f].position == Position::Mid
    };
    if i >= 2 && across(i - 1, i - 2) {
        return None;
    }
    // A word standing alone between punctuation (`, Politico,`, `(Stars)`) is
    // an item or a title more often than a slip: lowering it there repaired 67
    // words of the dev pages' `mt` copies and damaged 37.
    let between_punctuation = cx.gap(i) != " "
        && cx
            .ws
            .get(i + 1)
            .is_none_or(|n| cx.gap(i + 1) != " " || n.line != cx.ws[i].line);
    if between_punctuation || loose {
        return None;
    }
    let c = cx.ev.word(k).without(Shape::Cap);
    if (c.lower > u32::from(both) && c.cap == 0 && c.upper == 0) || (!both && weighs_as_common(c)) {
        let form = lower(t);
        return Some(Decision {
            reason: format!("the document writes '{form}' in the middle of sentences ({} times) and never '{t}'", c.lower),
            form,
            rule: "document-word",
        });
    }
    // The document never capitalises it elsewhere mid-sentence, and the lexicon
    // knows only the lower-case word.
    if both {
        return None;
    }
    if c.cap == 0 && c.upper == 0 && !cx.cap_rich.get(cx.ws[i].line).copied().unwrap_or(true) {
        let form = lower(t);
        return Some(Decision {
            reason: format!("'{form}' is a common word (SCOWL lists it only in lower case), capitalised here alone mid-sentence"),
            form,
            rule: "lexicon-common",
        });
    }
    None
}

/// `wordPress` where the document writes `WordPress`: a mixed-case name whose
/// first letter was lower-cased.
fn decide_mixed(cx: &Ctx, i: usize) -> Option<Decision> {
    let t = cx.t(i);
    if !t.chars().next().is_some_and(char::is_lowercase) || cx.lx.mixed_form(cx.k(i)) == Some(t) {
        return None;
    }
    let form = capitalise(t);
    if cx.ev.form(&form) > cx.ev.form(t) {
        return Some(Decision {
            reason: format!("the document writes '{form}' elsewhere"),
            form,
            rule: "document-word",
        });
    }
    lone_camel_name(cx, i, t).then(|| Decision {
        reason: format!(
            "'{form}' is a name in camel case that lost its first capital: written once, in the prose of a text that shows casing damage"
        ),
        form,
        rule: "camel-name",
    })
}

/// Whether `t` (word `i`) is a camel-case name that lost its first capital
/// (`hubSpot`, `mcLachlan`, `wikiLeaks`): two lower-case letters or more, a
/// capital, then lower case, written just once, in a prose line of a damaged
/// text. Code names its fields and variables this way (`primaryLight`,
/// `createdAt`) but writes them again and again; a product named in prose
/// seldom is. On the dev pages' `mt` copies: 53 repaired, 3 damaged.
fn lone_camel_name(cx: &Ctx, i: usize, t: &str) -> bool {
    let head = t.chars().take_while(|c| c.is_lowercase()).count();
    let mut rest = t.chars().skip(head);
    let camel = head >= 2
        && rest.next().is_some_and(char::is_uppercase)
        && rest.next().is_some_and(char::is_lowercase);
    camel
        && cx.damaged
        && cx.ws[i].position == Position::Mid
        && cx.ev.form(t) <= 1
        && cx.prose.get(cx.ws[i].line).copied().unwrap_or(false)
}

/// A lower-case word right after a bracket, quote or hyphen (`(reuters)`,
/// `Russian-american`): raised only when it is a name by the document's own
/// usage or the lexicon's.
fn decide_enclosed(cx: &Ctx, i: usize) -> Option<Decision> {
    let t = cx.t(i);
    let k = cx.k(i);
    if t.chars().count() < 2 || cx.lx.is_function_word(k) {
        return None;
    }
    let c = cx.ev.word(k);
    let class = cx.class(i);
    let name_like = matches!(class, Class::Unknown | Class::Proper);
    if name_like && c.cap >= 1 && c.lower == 0 {
        let form = cap_form(t);
        return Some(Decision {
            reason: format!(
                "the document writes '{form}' in the middle of sentences elsewhere and never '{t}'"
            ),
            form,
            rule: "document-word",
        });
    }
    // As in the middle of a sentence, a few lower-case slips elsewhere do not
    // make a name common (10 more repairs on the dev pages' `mt` copies, none damaged).
    if class == Class::Proper && c.lower <= c.cap + 2 {
        let form = cap_form(t);
        return Some(Decision {
            reason: format!("'{form}' is a name (SCOWL lists it only capitalised)"),
            form,
            rule: "lexicon-name",
        });
    }
    None
}

/// A lower-case word in a line written in title case (`How to improve Your
/// Skills`): every word but the small ones is capitalised there.
fn decide_title_line(cx: &Ctx, i: usize) -> Option<Decision> {
    let w = &cx.ws[i];
    let t = cx.t(i);
    let k = cx.k(i);
    if w.opaque
        || w.shape != Shape::Lower
        || w.position == Position::LineStart
        || t.chars().count() < 2
        || TITLE_SMALL_WORDS.binary_search(&k).is_ok()
        || t.chars().count() < 4
        || GRAMMAR_WORDS.binary_search(&k).is_ok()
        || !(matches!(cx.class(i), Class::Common | Class::Both | Class::Proper)
            || (cx.class(i) == Class::Unknown && cx.ev.cap_anywhere(k) >= 1))
        || matches!(cx.gap(i), "'" | "’")
    {
        return None;
    }
    let form = cap_form(t);
    Some(Decision {
        reason: format!("the line is written in title case, so '{t}' is capitalised too"),
        form,
        rule: "title-line",
    })
}

/// Whether word `i` follows a colon and one space on the same line (`Tip: use`).
/// Writers choose their own case there, and keep to it: a document that writes
/// `Q: Favorite apps?` and `Pro tip: Get more` capitalises after its colons.
fn after_colon(cx: &Ctx, i: usize) -> bool {
    i > 0 && cx.gap(i) == ": " && !cx.ws[i - 1].opaque && !cx.ws[i].opaque && !cx.in_caps(i)
}

/// Whether word `i` after a colon is a lone value (`Status: active.`,
/// `Q: favorite?`), punctuation right after it, rather than a sentence: on the
/// dev pages' `mt` copies raising these repaired 24 words and damaged 5.
fn value_after_colon(cx: &Ctx, i: usize) -> bool {
    cx.ws
        .get(i + 1)
        .is_none_or(|n| cx.gap(i + 1) != " " || n.line != cx.ws[i].line)
}

/// How the document writes common words right after a colon: capitalised, lower case.
fn colon_style(cx: &Ctx) -> (u32, u32) {
    let mut n = (0, 0);
    for i in 0..cx.ws.len() {
        if !after_colon(cx, i) || !matches!(cx.class(i), Class::Common | Class::Both) {
            continue;
        }
        match cx.ws[i].shape {
            Shape::Cap => n.0 += 1,
            Shape::Lower => n.1 += 1,
            _ => {}
        }
    }
    n
}

/// A lower-case word after a colon in a document that capitalises there.
fn decide_after_colon(cx: &Ctx, i: usize, style: (u32, u32)) -> Option<Decision> {
    let t = cx.t(i);
    let k = cx.k(i);
    if cx.lx.mixed_form(k).is_some() || t.chars().count() < 2 {
        return None;
    }
    let form = capitalise(t);
    Some(Decision {
        reason: format!(
            "the document capitalises the word after a colon ({} times, {} in lower case)",
            style.0,
            style.1.saturating_sub(1)
        ),
        form,
        rule: "colon-style",
    })
}

/// A lower-case word where a sentence starts.
fn decide_sentence_start(cx: &Ctx, i: usize) -> Option<Decision> {
    let t = cx.t(i);
    let k = cx.k(i);
    if cx.lx.mixed_form(k).is_some() {
        return None;
    }
    // `doi: 10.1000/x`, `http://`: a label, not a sentence.
    if cx.text[cx.ws[i].end..].starts_with(':') && !cx.lx.is_lower_word(k) {
        return None;
    }
    let form = capitalise(t);
    let end = cx
        .gap(i)
        .trim()
        .chars()
        .find(|c| matches!(c, '.' | '!' | '?'))
        .unwrap_or('.');
    Some(Decision {
        reason: format!("a sentence starts here, after '{end}'"),
        form,
        rule: "sentence-start",
    })
}

/// The least slip rates (common words capitalised, names lowered) assumed of
/// a text that shows damage.
const SLIP_FLOOR: (f64, f64) = (0.02, 0.15);

/// How often, in one document, a common word is capitalised by slip and a
/// name written in lower case by slip.
#[derive(Debug, Clone, Copy)]
struct SlipRates {
    capitalised: f64,
    lowered: f64,
}

impl SlipRates {
    /// How much more likely `caps` capitals and `lowers` lower-case spellings
    /// of a word are if it is a name (capitalised but for slips that lower
    /// it) than if it is a common word (lower case but for slips that
    /// capitalise it), as a natural logarithm.
    fn name_odds(&self, caps: u32, lowers: u32) -> f64 {
        let up = self.capitalised.clamp(1e-4, 0.5);
        let down = self.lowered.clamp(1e-4, 0.5);
        f64::from(caps) * ((1.0 - down) / up).ln() + f64::from(lowers) * (down / (1.0 - up)).ln()
    }
}

/// How much casing damage a document shows, measured on words whose case the
/// lexicon is sure of. Clean text writes names capitalised, common words in lower
/// case and sentences with a capital; a machine-translated or mangled text slips
/// on a good share of them. Weak evidence is trusted only in a damaged text.
#[derive(Debug, Default)]
struct Damage {
    /// Names (SCOWL: only capitalised) in the middle of sentences: all, and in lower case.
    names: (u32, u32),
    /// Common words of four letters or more in the middle of sentences, away from
    /// capitalised neighbours: all, and capitalised.
    common: (u32, u32),
    /// Sentence starts: all, and in lower case.
    starts: (u32, u32),
}

impl Damage {
    fn measure(
        ws: &[Word],
        styled: &[bool],
        keys: &[String],
        classes: &[Class],
        lx: &Lexicon,
    ) -> Damage {
        let mut d = Damage::default();
        for (i, w) in ws.iter().enumerate() {
            if w.opaque
                || styled.get(w.line).copied().unwrap_or(false)
                || !matches!(w.shape, Shape::Lower | Shape::Cap)
            {
                continue;
            }
            let lowered = w.shape == Shape::Lower;
            match w.position {
                Position::SentenceStart => {
                    d.starts.0 += 1;
                    d.starts.1 += u32::from(lowered);
                }
                Position::Mid => {
                    let k = &keys[i];
                    match classes[i] {
                        Class::Proper => {
                            d.names.0 += 1;
                            d.names.1 += u32::from(lowered);
                        }
                        Class::Common if w.end - w.start >= 4 && !lx.is_function_word(k) => {
                            let capital = |j: usize| {
                                ws.get(j).is_some_and(|n| {
                                    n.line == w.line
                                        && matches!(
                                            n.shape,
                                            Shape::Cap | Shape::Upper | Shape::Mixed
                                        )
                                })
                            };
                            if (i > 0 && capital(i - 1)) || capital(i + 1) {
                                continue;
                            }
                            d.common.0 += 1;
                            d.common.1 += u32::from(!lowered);
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        d
    }

    /// Whether names in lower case or common words capitalised are frequent
    /// enough to be damage rather than style.
    fn words(&self) -> bool {
        (self.names.1 >= 2 && self.names.1 * 10 >= self.names.0)
            || (self.common.1 >= 3 && self.common.1 * 25 >= self.common.0)
    }

    /// The document's slip rates, smoothed towards none, so that a text with
    /// few odd words does not count as slipping often.
    fn slip_rates(&self) -> SlipRates {
        let rate =
            |(all, slipped): (u32, u32)| (f64::from(slipped) + 0.1) / (f64::from(all) + 20.0);
        SlipRates {
            capitalised: rate(self.common),
            lowered: rate(self.names),
        }
    }

    /// Whether sentences that start in lower case are frequent enough to be damage.
    fn sentence_starts(&self) -> bool {
        self.starts.1 >= 2 && self.starts.1 * 10 >= self.starts.0
    }
}

/// For each line, whether capitalised common words make up a sixth or more of
/// its common words of four letters or more (a slip capitalises far fewer).
/// Only capitals that come grouped count: next to another capitalised word or
/// to a list separator (`Fast Charging, Wireless Audio`, `Home | News`), as
/// menus and run-together lists write them. A capital standing alone between
/// lower-case words (`completed the Comeback in the`) is the slip itself: on
/// the dev pages, lines marked rich by such lone capitals held about 1,000
/// unrepaired slips and almost no lists.
fn cap_rich_lines(text: &str, ws: &[Word], classes: &[Class]) -> Vec<bool> {
    let n = text.split('\n').count();
    let (mut cap, mut all) = (vec![0u32; n], vec![0u32; n]);
    // The pronoun `I` groups with nothing (`I Really liked`).
    let capital = |j: usize| {
        ws.get(j).is_some_and(|w| {
            matches!(w.shape, Shape::Cap | Shape::Upper | Shape::Mixed) && w.text(text) != "I"
        })
    };
    for (i, w) in ws.iter().enumerate() {
        if w.position != Position::Mid || w.opaque || w.end - w.start < 4 || w.line >= n {
            continue;
        }
        if !matches!(w.shape, Shape::Cap | Shape::Lower) || classes[i] != Class::Common {
            continue;
        }
        all[w.line] += 1;
        if w.shape != Shape::Cap {
            continue;
        }
        let before = &text[..w.start];
        let after = &text[w.end..];
        let listed = before.trim_end_matches(' ').ends_with(LIST_SEPARATORS)
            || after.trim_start_matches(' ').starts_with(LIST_SEPARATORS);
        let grouped = (w.spaced && i > 0 && capital(i - 1))
            || ws.get(i + 1).is_some_and(|nx| nx.spaced && capital(i + 1));
        if listed || grouped {
            cap[w.line] += 1;
        }
    }
    (0..n)
        .map(|i| cap[i] >= 2 && 6 * cap[i] >= all[i])
        .collect()
}

/// Characters that separate the items of a run-together list or menu.
const LIST_SEPARATORS: &[char] = &[',', ';', '|', '/', '•', '·', '&'];

/// Most words in a line a title-case heading may have.
const MAX_HEADING_WORDS: usize = 14;

/// Of the title-case lines, those that look like headings: short, with no
/// sentence-ending full stop, no commas and nothing that looks like code, and
/// with their longer words (not small words) capitalised twice as often as
/// not, or at least as often when two or more are (a heading that lost a third
/// of its capitals to machine translation, see [`damaged_title_lines`]).
fn headings(text: &str, ws: &[Word], titled: &[bool]) -> Vec<bool> {
    let n = titled.len();
    let (mut count, mut cap, mut low) = (vec![0usize; n], vec![0usize; n], vec![0usize; n]);
    for w in ws {
        let Some(c) = count.get_mut(w.line) else {
            continue;
        };
        *c += 1;
        let k = key(w.text(text));
        if w.position == Position::LineStart
            || k.chars().count() < 3
            || TITLE_SMALL_WORDS.binary_search(&k.as_str()).is_ok()
        {
            continue;
        }
        match w.shape {
            Shape::Cap | Shape::Upper | Shape::Mixed => cap[w.line] += 1,
            Shape::Lower => low[w.line] += 1,
        }
    }
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            let l = l.trim_end();
            titled.get(i).copied().unwrap_or(false)
                && count[i] <= MAX_HEADING_WORDS
                && (cap[i] >= 2 * low[i] || (cap[i] >= 2 && cap[i] >= low[i]))
                && !l.ends_with('.')
                && !l.contains(". ")
                && !l.contains("::")
                && !l.contains(|c| CODE_OR_LIST.contains(&c))
        })
        .collect()
}

/// How many words each line of `text` holds.
fn words_per_line(text: &str, ws: &[Word]) -> Vec<usize> {
    let mut count = vec![0usize; text.split('\n').count()];
    for w in ws {
        if let Some(c) = count.get_mut(w.line) {
            *c += 1;
        }
    }
    count
}

/// Lines that are surely prose, not headings: more than [`MAX_HEADING_WORDS`]
/// words, or a full stop at the end or inside.
fn prose_lines(text: &str, counts: &[usize]) -> Vec<bool> {
    text.split('\n')
        .zip(counts)
        .map(|(l, &n)| {
            let l = l.trim_end();
            n > MAX_HEADING_WORDS || l.ends_with('.') || l.contains(". ")
        })
        .collect()
}

/// Fewest words of a line that is not prose yet reads as running text.
const MIN_LOOSE_LINE_WORDS: usize = 10;

/// Short lines that are not prose: list items, table cells, captions, product
/// blurbs (`Unlimited storage; Upload files`), with fewer than
/// [`MIN_LOOSE_LINE_WORDS`] words. Their writers capitalise common words by
/// style about as often as a slip does, so a capital there is lowered only on a
/// pair the document writes in lower case. On the dev pages' `mt` copies the
/// other lowering rules repaired 289 words in such lines and damaged 131 (and
/// 18 on the clean pages).
fn loose_lines(prose: &[bool], counts: &[usize]) -> Vec<bool> {
    prose
        .iter()
        .zip(counts)
        .map(|(&prose, &n)| !prose && n < MIN_LOOSE_LINE_WORDS)
        .collect()
}

/// Characters that a title-case heading does not hold: code and run-together lists.
const CODE_OR_LIST: &[char] = &[
    ',', ';', '{', '}', '(', ')', '[', ']', '=', '<', '>', '|', '&', '*',
];

/// What the evidence rounds of one pass carry from one round to the next.
#[derive(Debug, Default)]
pub struct Rounds {
    /// Whether an earlier round found the text damaged. Each round repairs
    /// slips, and after the first most texts no longer look damaged, though
    /// the slips left are as likely slips as before: without this, later
    /// rounds could not use the weaker evidence that the first round's repairs
    /// had just freed (a slip written twice hides the other, `With` beside
    /// `With`). Keeping it repaired 277 more slips on the dev pages' `mt`
    /// copies and damaged 55 more words.
    damaged: Cell<bool>,
}

/// Runs one round on its own, as the first of a pass.
pub fn run(text: &str, options: &Options, report: &mut Report) {
    run_round(text, options, report, &Rounds::default());
}

/// Runs one round of the stage, after the earlier rounds summed up in `rounds`.
pub fn run_round(text: &str, _options: &Options, report: &mut Report, rounds: &Rounds) {
    let lx = Lexicon::get();
    if !text.chars().any(char::is_uppercase) || !text.chars().any(char::is_lowercase) {
        return; // wholly lower case or wholly capitals: the caps-lines stage's work
    }
    let ws = words(text, lx);
    let shouted = caps_lines(text, &ws);
    let keys: Vec<String> = ws.iter().map(|w| key(w.text(text))).collect();
    let classes: Vec<Class> = keys.iter().map(|k| lx.class(k)).collect();
    let counts = title_counts_by(text, &ws, |i| {
        classes[i] == Class::Common && !lx.is_function_word(&keys[i])
    });
    let all_titled: Vec<bool> = counts
        .iter()
        .zip(damaged_title_lines(text, &counts))
        .map(|(c, damaged)| c.titled() || damaged)
        .collect();
    let titled = headings(text, &ws, &all_titled);
    let caps: Vec<bool> = shouted
        .iter()
        .zip(&all_titled)
        .map(|(a, b)| *a || *b)
        .collect();
    let ev = Evidence::collect(text, &ws, &caps);
    let cap_rich = cap_rich_lines(text, &ws, &classes);
    let line_words = words_per_line(text, &ws);
    let prose = prose_lines(text, &line_words);
    let loose = loose_lines(&prose, &line_words);
    let damage = Damage::measure(&ws, &caps, &keys, &classes, lx);
    let surnames = surnames(text, &ws, &caps, lx);
    let mut cx = Ctx {
        text,
        ws: &ws,
        caps: &caps,
        cap_rich: &cap_rich,
        damaged: damage.words() || rounds.damaged.get(),
        slips: damage.slip_rates(),
        ev: &ev,
        lx,
        prose: &prose,
        loose: &loose,
        surnames: &surnames,
        keys: &keys,
        classes: &classes,
    };
    let starts_damaged = damage.sentence_starts();
    let colon_caps = colon_style(&cx);
    let mut out: Vec<Option<Decision>> = Vec::with_capacity(ws.len());
    out.resize_with(ws.len(), || None);
    phrases(&cx, &mut out);
    // Institutions written with mixed case (`Minister of foreign Affairs`) are
    // casing damage as sure as any: two of them let the weaker evidence in.
    let institutions = out
        .iter()
        .flatten()
        .filter(|d| !d.reason.is_empty())
        .count();
    cx.damaged |= institutions >= 2;
    rounds.damaged.set(cx.damaged);
    for i in 0..ws.len() {
        if out[i].is_some() {
            continue;
        }
        let w = &ws[i];
        let line = w.line;
        if titled.get(line).copied().unwrap_or(false)
            && !shouted.get(line).copied().unwrap_or(false)
            && cx.damaged
        {
            out[i] = decide_title_line(&cx, i);
            continue;
        }
        if w.opaque || cx.in_caps(i) {
            continue;
        }
        out[i] = match (w.position, w.shape) {
            (Position::Mid | Position::SentenceStart, Shape::Mixed) => decide_mixed(&cx, i),
            (Position::Mid, Shape::Lower) => decide_lower(&cx, i),
            (Position::Mid, Shape::Cap) => decide_cap(&cx, i),
            // The second part of a compound whose first part is in lower case
            // (`well-Defined`, `long-Term`): a name's parts are all capitalised
            // (`Anglo-American`). 110 slips repaired on the dev pages' `mt`
            // copies, 3 words damaged.
            (Position::Other, Shape::Cap)
                if cx.gap(i) == "-" && ws[i - 1].shape == Shape::Lower && !ws[i - 1].opaque =>
            {
                decide_cap(&cx, i)
            }
            (Position::SentenceStart, Shape::Lower) if starts_damaged => {
                decide_sentence_start(&cx, i)
            }
            (Position::Other, Shape::Lower) if w.enclosed && cx.damaged => decide_enclosed(&cx, i),
            // After a colon, in a document that capitalises there at least twice
            // as often as not and whose sentence starts show damage too (so the
            // lower-case ones are slips, not style): 120 slips repaired on the
            // dev pages' `mt` copies, 20 words damaged, 7 on clean pages.
            (Position::Other, Shape::Lower)
                if starts_damaged
                    && cx.damaged
                    && after_colon(&cx, i)
                    && colon_caps.0 >= 3
                    && colon_caps.0 >= 2 * colon_caps.1.saturating_sub(1)
                    && !value_after_colon(&cx, i) =>
            {
                decide_after_colon(&cx, i, colon_caps)
            }
            // After a colon a name is still a name (`A: lisbon, then`): the same
            // evidence as after a bracket.
            (Position::Other, Shape::Lower) if cx.damaged && after_colon(&cx, i) => {
                decide_enclosed(&cx, i)
            }
            _ => None,
        };
        let pronoun = ev.word("i");
        if out[i].is_none()
            && w.shape == Shape::Lower
            && cx.t(i) == "i"
            && matches!(w.position, Position::Mid | Position::SentenceStart)
            && pronoun.cap > pronoun.lower
        {
            let after = text[w.end..].chars().next();
            if after.is_none_or(|c| c == ' ' || c == '\'' || c == '’') {
                out[i] = Some(Decision {
                    form: "I".into(),
                    rule: "pronoun-i",
                    reason: "the pronoun 'I' is written in capitals, as elsewhere in the document"
                        .into(),
                });
            }
        }
    }
    for (w, d) in ws.iter().zip(out) {
        if let Some(d) = d {
            if d.form != w.text(text) {
                report.replace(w.start, w.end, d.form, d.rule, d.reason);
            }
        }
    }
}

/// Title-case headings that lost some capitals (`Best battery Life for the
/// Price`, `How to use pre-built Components`): short lines (twelve words at most)
/// with no full stop and nothing that looks like code or a list, where
/// capitalised common words of four letters or more after the first word are
/// at least two and at least as many as those in lower case. Machine
/// translation lower-cases a third of a heading's capitals, so the stricter
/// test of [`TitleCounts::titled`] (twice as many capitalised) misses them; on the dev
/// pages' `mt` copies the evidence and lowering rules then damaged their
/// surviving capitals (`Chat`, `Podcast`, `Life`). Counted as headings, with
/// the lost capitals restored in [`headings`], they gave 132 more repairs for
/// 24 words damaged.
fn damaged_title_lines(text: &str, counts: &[TitleCounts]) -> Vec<bool> {
    text.split('\n')
        .zip(counts)
        .map(|(l, c)| {
            let l = l.trim_end();
            c.words <= 12
                && c.cap >= 2
                && c.cap >= c.low
                && !l.ends_with('.')
                && !l.contains(". ")
                && !l.contains(|c| CODE_OR_LIST.contains(&c))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn institutions_with_mixed_case() {
        assert_eq!(
            fix("A U.S. state Department spokesman spoke."),
            "A U.S. State Department spokesman spoke.",
            "should fix the institution"
        );
        assert_eq!(
            fix("He met the Minister of foreign Affairs today."),
            "He met the Minister of Foreign Affairs today.",
            "should fix a long institution"
        );
        assert_eq!(
            fix("They painted a white house by the sea."),
            "They painted a white house by the sea.",
            "should leave a lower-case phrase alone"
        );
    }

    #[test]
    fn pair_odds_follow_the_slip_rates() {
        let slipping = SlipRates {
            capitalised: 0.06,
            lowered: 0.35,
        };
        assert!(
            slipping.name_odds(2, 2) > PAIR_NAME_ODDS,
            "should take two capitals against two slips for a name where names slip often"
        );
        assert!(
            slipping.name_odds(1, 2) < PAIR_NAME_ODDS,
            "should not take one capital against two lower-case spellings"
        );
        let careful = SlipRates {
            capitalised: 0.01,
            lowered: 0.001,
        };
        assert!(
            careful.name_odds(2, 2) < 0.0,
            "should read lower-case spellings as meant where names never slip"
        );
    }

    #[test]
    fn seldom_capitalised_words() {
        // A damaged text (`aleppo`, `damascus`); `Balbi Insisted` has a name beside
        // the slip, which other common words would not be lowered next to.
        let damaged =
            "Critics said in aleppo and damascus that the chef Balbi Insisted on the coast.";
        assert_eq!(
            fix(damaged),
            "Critics said in Aleppo and Damascus that the chef Balbi insisted on the coast.",
            "should lower a word English seldom capitalises, even beside a name"
        );
        let clean =
            "Critics said in Aleppo and Damascus that the chef Balbi Insisted on the coast.";
        assert_eq!(
            fix(clean),
            clean,
            "should leave it alone in a text without damage"
        );
        let product = "Critics said in aleppo and damascus that the chef Balbi Insisted on the coast. We ate at Insisted twice.";
        assert_eq!(
            fix(product),
            "Critics said in Aleppo and Damascus that the chef Balbi Insisted on the coast. We ate at Insisted twice.",
            "should keep it where the document capitalises it elsewhere"
        );
    }

    #[test]
    fn a_slipped_capital_is_no_name_partner() {
        let pass = |t: &str| Report::apply_stage(super::super::run, t);
        let sentence = |middle: &str| {
            format!("Critics said in aleppo and damascus that the kitchen staff {middle} were long overdue at their hotel and would come soon after the summer.")
        };
        assert_eq!(
            pass(&sentence("Insisted Menu changes")),
            sentence("insisted menu changes").replace("aleppo and damascus", "Aleppo and Damascus"),
            "should lower two slips side by side"
        );
        let name = sentence("Insisted Menu Services");
        assert_eq!(
            pass(&name),
            name.replace("aleppo and damascus", "Aleppo and Damascus"),
            "should keep a run of three capitals, a name"
        );
    }

    #[test]
    fn a_pair_after_a_lower_case_word_needs_two_spellings() {
        let text = |pairs: &str| {
            format!("Shops in aleppo and damascus sell {pairs} and in the Online Store now. They moved to the square Online last year.")
        };
        let once = text("on the square online");
        assert_eq!(
            fix(&once),
            once.replace("aleppo and damascus", "Aleppo and Damascus"),
            "should keep the capital on one pair in lower case (both may be slips)"
        );
        let twice = text("on the square online and the square online");
        assert_eq!(
            fix(&twice),
            twice
                .replace("aleppo and damascus", "Aleppo and Damascus")
                .replace("square Online", "square online"),
            "should lower it on two"
        );
    }

    #[test]
    fn a_common_word_the_text_writes_as_a_name_again_and_again() {
        // A long text that lowers names (`aleppo`), and writes `Slack` eight
        // times on its own.
        let filler = " Most teams still send their messages there, read their threads there, share files there, and plan their weekly meetings there, because moving every channel, every document and every contact somewhere else would take months of careful work.";
        let text = |last: &str| {
            let mut t = String::from("Firms in aleppo and damascus use Slack daily. We moved to Slack last year. Our staff like Slack a lot. The vendor sold Slack to us. Many firms pay for Slack now. Others tried Slack too. Banks adopted Slack early. Schools bought Slack later.");
            for _ in 0..8 {
                t.push_str(filler);
            }
            t.push_str(&format!(" Some still {last} it."));
            t.replace("aleppo and damascus", "Aleppo and Damascus")
        };
        let damaged = text("left slack for").replace("Aleppo and Damascus", "aleppo and damascus");
        assert_eq!(
            fix(&damaged),
            text("left Slack for"),
            "should raise the word the text writes capitalised on its own eight times"
        );
        let few = "Firms in aleppo and damascus use Slack daily. We moved to Slack last year. The rope had some slack in it.";
        assert_eq!(
            fix(few),
            few.replace("aleppo and damascus", "Aleppo and Damascus"),
            "should leave the common word where the capitals are few"
        );
    }

    #[test]
    fn lone_camel_case_names() {
        let damaged = "Leaks from aleppo and damascus were posted on wikiLeaks, the site said.";
        assert_eq!(
            fix(damaged),
            "Leaks from Aleppo and Damascus were posted on WikiLeaks, the site said.",
            "should give a camel-case name its first capital back in a damaged text"
        );
        let clean = "Leaks from Aleppo and Damascus were posted on wikiLeaks, the site said.";
        assert_eq!(
            fix(clean),
            clean,
            "should leave it alone in a text without damage"
        );
        let code =
            "In aleppo and damascus the field is primaryLight, and primaryLight is read first.";
        assert_eq!(
            fix(code),
            "In Aleppo and Damascus the field is primaryLight, and primaryLight is read first.",
            "should keep a camel-case name the text writes more than once (code)"
        );
    }

    #[test]
    fn titles_before_names() {
        assert_eq!(
            fix("It was said by UN Secretary-General ban Ki-moon on Monday."),
            "It was said by UN Secretary-General Ban Ki-moon on Monday.",
            "should capitalise a name after a title"
        );
        assert_eq!(
            fix("A White House spokesman Josh earnest issued a statement."),
            "A White House spokesman Josh Earnest issued a statement.",
            "should capitalise a surname after a role and given name"
        );
        assert_eq!(
            fix("Then the President told Reuters it was over."),
            "Then the President told Reuters it was over.",
            "should not treat a verb after a title as a name"
        );
    }

    #[test]
    fn document_evidence() {
        assert_eq!(
            fix("We met Lavrov today. Then we saw lavrov again."),
            "We met Lavrov today. Then we saw Lavrov again.",
            "should capitalise a name the text capitalises"
        );
        // A damaged text: names in lower case (`aleppo`, `damascus`) show the slips.
        let damaged = "The new sanctions hit Russia hard, they said in aleppo and damascus. They said Sanctions did too, and the sanctions stay.";
        assert_eq!(
            fix(damaged),
            "The new sanctions hit Russia hard, they said in Aleppo and Damascus. They said sanctions did too, and the sanctions stay.",
            "should lower a common word the text lowers, in a damaged text"
        );
        let clean = "The new sanctions hit Russia hard, they said in Aleppo and Damascus. They said Sanctions did too, and the sanctions stay.";
        assert_eq!(
            fix(clean),
            clean,
            "should leave a lone capital alone in a text without damage"
        );
        assert_eq!(
            fix("He went to the Supreme Court. The court ruled."),
            "He went to the Supreme Court. The court ruled.",
            "should keep a capitalised pair"
        );
    }

    #[test]
    fn title_case_headings() {
        // A damaged text (names in lower case) with a title-case heading that lost a capital.
        let t = "How to improve Your Analytical Skills\nThey met in aleppo and damascus last week, and then in cairo.\n";
        assert_eq!(
            fix(t),
            "How to Improve Your Analytical Skills\nThey met in Aleppo and Damascus last week, and then in Cairo.\n",
            "should capitalise a word that lost its capital in a title-case heading"
        );
        let code = "Use Copy When Types Are Small (like i32, bool)\nThey met in aleppo and damascus last week, and then in cairo.\n";
        assert!(
            fix(code).starts_with("Use Copy When Types Are Small (like"),
            "should leave a heading with brackets alone"
        );
    }

    #[test]
    fn grammar_words_before_a_name_in_prose() {
        let t = "Mailchimp is better Than ActiveCampaign for small lists, they said in aleppo and damascus.\n";
        assert_eq!(
            fix(t),
            "Mailchimp is better than ActiveCampaign for small lists, they said in Aleppo and Damascus.\n",
            "should lower a grammar word before a name in a prose line"
        );
        let h = "Mailchimp Is Better Than ActiveCampaign\nThey said in aleppo and damascus that it was so.\n";
        assert!(
            fix(h).starts_with("Mailchimp Is Better Than ActiveCampaign\n"),
            "should leave a title-case heading alone"
        );
    }

    #[test]
    fn acronyms_that_are_words() {
        let t = "The SIT team and SIT staff help, they said in aleppo and damascus, with sit rules too.\n";
        assert_eq!(
            fix(t),
            "The SIT team and SIT staff help, they said in Aleppo and Damascus, with SIT rules too.\n",
            "should write an acronym in capitals as the document does elsewhere"
        );
    }

    #[test]
    fn title_small_words_are_sorted() {
        assert!(
            TITLE_SMALL_WORDS.windows(2).all(|w| w[0] < w[1]),
            "should keep TITLE_SMALL_WORDS sorted"
        );
    }

    #[test]
    fn grammar_words_are_sorted() {
        assert!(
            GRAMMAR_WORDS.windows(2).all(|w| w[0] < w[1]),
            "should keep GRAMMAR_WORDS sorted"
        );
    }

    #[test]
    fn sentence_starts() {
        assert_eq!(
            fix("It ended. the talks failed. they left. Mr. smith left at 5 p.m. today."),
            "It ended. The talks failed. They left. Mr. smith left at 5 p.m. today.",
            "should capitalise real sentence starts only"
        );
        let one = "It ended. the talks failed. They left. It rained. We stayed. Nobody came.";
        assert_eq!(
            fix(one),
            one,
            "should leave a single lower-case start alone (a style, not damage)"
        );
    }
}
