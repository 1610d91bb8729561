//! Legacy single-byte mix-ups: text written in one single-byte codec and read
//! with another, no UTF-8 involved.
//!
//! `Ñîîáùåíèå` is Russian in windows-1251 read as latin-1; `рТЙЧЕФ` is KOI8-R
//! read as windows-1251; `ÊáëçìÝñá` is Greek ISO-8859-7 read as latin-1;
//! `Thйвtre` is French in windows-1252 read as windows-1251. Such text is made of
//! ordinary letters, so the badness heuristic cannot see it. The evidence here is
//! letter bigrams ([`super::bigrams`]): a repair is made only when the words, read
//! the other way, are overwhelmingly more word-like than as they stand.
//!
//! For a Cyrillic or Greek reading, only words with no ASCII letter qualify
//! (every letter of such text is a high byte, so a real Russian word read as
//! latin-1 has no ASCII letter, while Icelandic, Danish or French words nearly
//! always do). For a Latin reading, only words that mix ASCII and Cyrillic
//! letters qualify. Evidence is pooled over the qualifying words of a line, and
//! each word must also be word-like on its own.

use super::bigrams::{is_letter, Script, Tally};
use super::codecs::Codec;
use super::explain::{self, Layer};
use crate::options::Options;
use crate::report::Report;

/// (codec the text was read with, codec it was written in, script it gives).
const CANDIDATES: &[(&str, &str, Script)] = &[
    ("windows-1252", "windows-1251", Script::Cyrillic),
    ("windows-1252", "KOI8-R", Script::Cyrillic),
    ("windows-1252", "IBM866", Script::Cyrillic),
    ("windows-1252", "ISO-8859-5", Script::Cyrillic),
    ("windows-1252", "ISO-8859-7", Script::Greek),
    ("windows-1252", "windows-1253", Script::Greek),
    ("windows-1251", "KOI8-R", Script::Cyrillic),
    ("windows-1251", "IBM866", Script::Cyrillic),
    ("KOI8-R", "windows-1251", Script::Cyrillic),
    ("IBM866", "windows-1251", Script::Cyrillic),
    ("windows-1251", "windows-1252", Script::Latin),
];

/// Fewest scored letter pairs pooled over a line before a repair is considered.
const MIN_PAIRS: u32 = 5;
/// Least mean pair score of the repaired words, and least gain from the repair.
/// Latin pairs with an accented letter are rarer in the word lists than Cyrillic
/// or Greek pairs, so they need less; the Latin reading is also only tried on
/// words that mix scripts, which is evidence in itself.
fn thresholds(script: Script) -> (f32, f32) {
    match script {
        Script::Latin => (4.0, 3.0),
        _ => (7.0, 4.0),
    }
}
/// Largest share of never-seen pairs in the repaired words.
const MAX_UNSEEN: f32 = 0.12;

struct Word<'a> {
    start: usize,
    text: &'a str,
}

fn words(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        // Any non-ASCII character may be a letter in the other codec (KOI8-R's
        // and IBM866's letters read as punctuation and no-break spaces in
        // windows-1251), so only ASCII separates words here, and invisible
        // marks no single-byte codec has (see `is_invisible_mark`).
        let inside = (!c.is_ascii() && !is_invisible_mark(c))
            || c.is_ascii_alphanumeric()
            || c == '\''
            || c == '-';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    text: &line[s..i],
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            text: &line[s..],
        });
    }
    out
}

/// Zero-width spaces and joiners, direction marks and embeddings, word joiners
/// and the byte-order mark: characters no single-byte codec writes, so never a
/// byte of a mix-up, and invisible, so a word they touch (`\u{200b}Ñîîáùåíèå`)
/// is still a word. The unicode pass removes most of them after this one; were
/// they part of the word here, a second run would repair what the first left.
fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{61c}')
}

/// Whether a word outside ASCII starts with a small letter and goes on in
/// capitals (`зПТПДУЛПК` is `Городской` in KOI8-R read as windows-1251, which
/// swaps the cases): letter pairs of such words may pass for words, since the
/// swap keeps many of them common, but no writer spells a word so.
fn inverted_case(ws: &[Word]) -> bool {
    ws.iter().any(|w| inverted(w.text))
}

/// Whether `word` starts with a small letter outside ASCII and goes on in
/// capitals (see [`inverted_case`]).
fn inverted(word: &str) -> bool {
    let mut letters = word.chars().filter(|&c| is_letter(c));
    matches!(
        (letters.next(), letters.next(), letters.next()),
        (Some(a), Some(b), Some(c)) if !a.is_ascii() && a.is_lowercase() && b.is_uppercase() && c.is_uppercase()
    )
}

/// Box-drawing and block characters, which IBM866 and KOI8-R are full of.
fn box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259f}').contains(&c)
}

/// Whether `word` may be a mix-up into `script`, judging by its letters (the
/// same for Cyrillic and Greek).
fn qualifies(word: &str, script: Script) -> bool {
    if word.is_ascii() {
        return false;
    }
    match script {
        Script::Cyrillic | Script::Greek => {
            !word.chars().any(|c| c.is_ascii_alphabetic()) && word.chars().any(is_letter)
        }
        Script::Latin => {
            word.chars().any(|c| c.is_ascii_alphabetic())
                && word
                    .chars()
                    .any(|c| Script::of(c) == Some(Script::Cyrillic))
        }
    }
}

/// Whether every letter of `decoded` is in `script` (or is ASCII, for Latin).
fn all_in(decoded: &str, script: Script) -> bool {
    decoded
        .chars()
        .filter(|&c| is_letter(c))
        .all(|c| Script::of(c) == Some(script))
}

struct Plan {
    read_as: Codec,
    from: Codec,
    /// (start, end, replacement) per word.
    words: Vec<(usize, usize, String)>,
    mean: f32,
}

/// What the candidates of one line share, worked out once per word: its bytes
/// in each codec it may have been read with, and its letter-pair tally as it
/// stands (both ways of counting).
#[derive(Default)]
struct Shared {
    /// (codec, the bytes of each word in it, `None` where it has no bytes).
    bytes: Vec<(Codec, Vec<Option<Vec<u8>>>)>,
    /// Per word, the tally as it stands, counting all pairs and non-ASCII only.
    before: Vec<[Option<Tally>; 2]>,
}

impl Shared {
    fn bytes(&mut self, ws: &[Word], read_as: Codec) -> &[Option<Vec<u8>>] {
        let i = match self.bytes.iter().position(|(c, _)| *c == read_as) {
            Some(i) => i,
            None => {
                let mut buf = Vec::new();
                let all = ws
                    .iter()
                    .map(|w| {
                        (!w.text.is_ascii() && read_as.encode_into(w.text, false, &mut buf))
                            .then(|| buf.clone())
                    })
                    .collect();
                self.bytes.push((read_as, all));
                self.bytes.len() - 1
            }
        };
        &self.bytes[i].1
    }

    fn before(&mut self, ws: &[Word], k: usize, non_ascii_only: bool) -> Tally {
        if self.before.len() < ws.len() {
            self.before.resize(ws.len(), [None, None]);
        }
        *self.before[k][usize::from(non_ascii_only)].get_or_insert_with(|| {
            let mut b = Tally::default();
            b.add(ws[k].text, non_ascii_only);
            // A word in inverted case is no word, whatever its pairs.
            if inverted(ws[k].text) {
                b.sum = 0;
                b.unseen = b.pairs;
            }
            b
        })
    }
}

/// Tries reading the words of a line as `from` text read as `read_as`;
/// `decoded` is a buffer the candidates share for the words they decode.
fn try_candidate(
    decoded: &mut String,
    ws: &[Word],
    fits: &[[bool; 2]],
    shared: &mut Shared,
    read_as: Codec,
    from: Codec,
    script: Script,
) -> Option<Plan> {
    let mut before = Tally::default();
    let mut after = Tally::default();
    let mut out = Vec::new();
    let non_ascii_only = script == Script::Latin;
    for (k, w) in ws.iter().enumerate() {
        let Some(buf) = &shared.bytes(ws, read_as)[k] else {
            continue;
        };
        if !fits[k][usize::from(script == Script::Latin)] {
            continue;
        }
        from.decode_into(buf, decoded);
        // Box drawing is no word's (`ISO-8859-5` Russian read as windows-1252
        // spells `╝╪▌╪стр` in IBM866).
        if *decoded == w.text || !all_in(decoded, script) || decoded.chars().any(box_drawing) {
            continue;
        }
        // A Latin reading gives accented letters, not signs (`бїЗ` in
        // Vietnamese read as x-mac-cyrillic is no windows-1252 `á¿Ç`).
        if script == Script::Latin && decoded.chars().any(|c| !c.is_ascii() && !is_letter(c)) {
            continue;
        }
        let b = shared.before(ws, k, non_ascii_only);
        let mut a = Tally::default();
        a.add(decoded, non_ascii_only);
        // Each word on its own must read as a word.
        if a.pairs > 0 && (a.unseen_share() > 0.34 || a.mean() <= b.mean()) {
            continue;
        }
        before.sum += b.sum;
        before.pairs += b.pairs;
        before.unseen += b.unseen;
        after.sum += a.sum;
        after.pairs += a.pairs;
        after.unseen += a.unseen;
        out.push((w.start, w.start + w.text.len(), decoded.clone()));
    }
    let (min_mean, min_gain) = thresholds(script);
    if out.is_empty()
        || after.pairs < MIN_PAIRS
        || after.mean() < min_mean
        || after.mean() - before.mean() < min_gain
        || after.unseen_share() > MAX_UNSEEN
    {
        return None;
    }
    Some(Plan {
        read_as,
        from,
        words: out,
        mean: after.mean(),
    })
}

/// The best repair of `line`, if the evidence is strong enough.
fn plan(line: &str) -> Option<Plan> {
    static CODECS: std::sync::OnceLock<Vec<(Codec, Codec, Script)>> = std::sync::OnceLock::new();
    let candidates = CODECS.get_or_init(|| {
        CANDIDATES
            .iter()
            .filter_map(|&(r, f, s)| Some((Codec::by_name(r)?, Codec::by_name(f)?, s)))
            .collect()
    });
    let ws = words(line);
    // A line whose words already read as words has nothing to gain: skip the
    // candidates (this keeps clean Cyrillic, Greek and accented Latin cheap).
    // Only words with no ASCII letter, or with ASCII and Cyrillic letters
    // together, can be a legacy mix-up; most lines have none.
    let maybe = |w: &Word| {
        !w.text.is_ascii()
            && (qualifies(w.text, Script::Cyrillic) || qualifies(w.text, Script::Latin))
    };
    if !ws.iter().any(maybe) || (super::mojibake::reads_as_words(line) && !inverted_case(&ws)) {
        return None;
    }
    let mut best: Option<Plan> = None;
    let mut shared = Shared::default();
    let mut decoded = String::new();
    // Whether each word may be a Cyrillic or Greek mix-up, and a Latin one:
    // the same for every candidate.
    let fits: Vec<[bool; 2]> = ws
        .iter()
        .map(|w| {
            [
                qualifies(w.text, Script::Cyrillic),
                qualifies(w.text, Script::Latin),
            ]
        })
        .collect();
    let mut chosen_script = None;
    for &(read_as, from, script) in candidates {
        if let Some(p) = try_candidate(&mut decoded, &ws, &fits, &mut shared, read_as, from, script)
        {
            if !best.as_ref().is_some_and(|b| p.mean <= b.mean) {
                best = Some(p);
                chosen_script = Some(script);
            }
        }
    }
    if let (Some(plan), Some(script)) = (best.as_mut(), chosen_script) {
        complete(plan, &ws, script, &mut decoded);
    }
    best
}

/// Extends a plan the line's words have proved to the words that could not
/// take part in the proof: in IBM866 Russian read as windows-1252, `за` is
/// `§\u{a0}` and `линии` is `«¨\u{ad}¨¨`, with no letter to count pairs on.
/// Such a word is repaired when it reads as letters of the plan's script, in
/// pairs that are not unseen in words.
fn complete(plan: &mut Plan, ws: &[Word], script: Script, decoded: &mut String) {
    if script == Script::Latin {
        return;
    }
    let mut buf = Vec::new();
    let before = plan.words.len();
    // The plan's words are in the order of `ws`: one walk finds them (a long
    // line has thousands of words).
    let mut planned = 0;
    for w in ws {
        while planned < before && plan.words[planned].0 < w.start {
            planned += 1;
        }
        if w.text.is_ascii() || plan.words.get(planned).is_some_and(|p| p.0 == w.start) {
            continue;
        }
        if !plan.read_as.encode_into(w.text, false, &mut buf) {
            continue;
        }
        plan.from.decode_into(&buf, decoded);
        if *decoded == w.text
            || decoded.chars().any(box_drawing)
            || !decoded.chars().any(is_letter)
            || !decoded.chars().all(|c| c.is_ascii() || is_letter(c))
            || !all_in(decoded, script)
        {
            continue;
        }
        let mut t = Tally::default();
        t.add(decoded, false);
        if t.pairs > 0 && t.unseen_share() > 0.34 {
            continue;
        }
        plan.words
            .push((w.start, w.start + w.text.len(), decoded.clone()));
    }
    if plan.words.len() > before {
        plan.words.sort_by_key(|(s, _, _)| *s);
    }
}

/// The stage: repairs legacy mix-ups line by line.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    for (start, line) in super::non_ascii_lines(text) {
        // Only letters outside ASCII can be a legacy mix-up, and a line that is
        // ordinary text (as a line the mojibake stage repaired usually is now)
        // has none.
        if !line.chars().any(|c| !c.is_ascii() && is_letter(c)) || super::plain::is_plain(line) {
            continue;
        }
        let Some(p) = plan(line) else { continue };
        let layers = [Layer::Legacy {
            from: p.from,
            read_as: p.read_as,
        }];
        let (rule, reason) = explain::rule_and_reason(&layers);
        for (s, e, rep) in p.words {
            report.replace(start + s, start + e, rep, rule.as_str(), reason.as_str());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mangle(text: &str, from: &str, read_as: &str) -> String {
        let mut buf = Vec::new();
        assert!(
            Codec::by_name(from)
                .unwrap()
                .encode_into(text, false, &mut buf),
            "should encode the fixture"
        );
        Codec::by_name(read_as).unwrap().decode(&buf)
    }

    fn leg(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn an_invisible_mark_does_not_join_a_word() {
        let ru = "Сообщение о встрече министров";
        let mangled = mangle(ru, "windows-1251", "windows-1252");
        for mark in ['\u{200b}', '\u{202e}', '\u{feff}'] {
            assert_eq!(
                leg(&format!("{mark}{mangled}")),
                format!("{mark}{ru}"),
                "should repair the words after {mark:?}"
            );
        }
    }

    #[test]
    fn repairs_windows_1251_read_as_latin1() {
        let ru = "Сообщение о встрече министров";
        assert_eq!(
            leg(&mangle(ru, "windows-1251", "windows-1252")),
            ru,
            "should read the words as windows-1251"
        );
    }

    #[test]
    fn repairs_koi8r_read_as_windows_1251() {
        let ru = "Привет, как дела у вас сегодня";
        assert_eq!(
            leg(&mangle(ru, "KOI8-R", "windows-1251")),
            ru,
            "should read the words as KOI8-R"
        );
    }

    #[test]
    fn repairs_greek_read_as_latin1() {
        let el = "Καλημέρα από την Αθήνα";
        assert_eq!(
            leg(&mangle(el, "ISO-8859-7", "windows-1252")),
            el,
            "should read the words as ISO-8859-7"
        );
    }

    #[test]
    fn repairs_windows_1252_read_as_windows_1251() {
        let fr = "Le Théâtre du Châtelet présente";
        assert_eq!(
            leg(&mangle(fr, "windows-1252", "windows-1251")),
            fr,
            "should read the words as windows-1252"
        );
    }

    #[test]
    fn leaves_real_text_alone() {
        for t in [
            "Þórður fór til Reykjavíkur í gær.",
            "Blåbærsyltetøy på brødet, tak.",
            "Министр иностранных дел России",
            "Η Αθήνα είναι η πρωτεύουσα.",
            "SÃO PAULO e Brasília",
            "Müller, Straße, Größe",
            "Сomment with a look-alike",
            "où à é",
        ] {
            assert_eq!(leg(t), t, "should leave {t:?} alone");
        }
    }
}
