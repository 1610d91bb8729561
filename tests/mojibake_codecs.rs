//! UTF-8 read through every codec the `encoding` pass knows, generated: each
//! sentence below is encoded as UTF-8, read back with a codec (sloppily, as
//! browsers do), and cleaned; the pass must give the sentence back.
//!
//! Most English lines carry one non-ASCII character (an apostrophe, a dash),
//! so mojibake there is a single sequence; the sentences mix such lines with
//! others in two dozen languages. The figures per codec are printed
//! (`cargo test --test mojibake_codecs -- --nocapture`) and held to a floor
//! that may only rise, and a repair must never give a third text.

use textscrub::passes::encoding::codecs::Codec;
use textscrub::{clean, Options};

/// Sentences written for this test.
const SENTENCES: &[&str] = &[
    // English with one non-ASCII character.
    "The harbour’s new ferry leaves at noon.",
    "We’ll meet at the station after work.",
    "Opening hours: 9 am – 5 pm on weekdays.",
    "Tickets cost $12 — less for students.",
    "She said it was “fine” and left.",
    "Loading the next page…",
    "Meet me at the café by the river.",
    "The council’s vote was delayed again.",
    "It isn’t clear who will pay for the repairs.",
    "Prices rose 3% in May – the fastest in a year.",
    "Read the full report (PDF, 2 MB) — it’s worth it.",
    "A “smart” meter was fitted last week.",
    "The mayor didn’t comment on the plan.",
    "Temperatures reach 30 °C in the afternoon.",
    "Our naïve plan worked better than expected.",
    // Other languages.
    "Le conseil a voté à l’unanimité pour la réforme.",
    "Der Bürgermeister äußerte sich über die Straßenbahn.",
    "El niño pidió más información sobre la situación.",
    "A população de São Paulo cresceu três por cento.",
    "Il presidente ha già detto che la città è pronta.",
    "Łódź i Kraków to duże miasta w Polsce.",
    "Příští týden bude v Brně zasedat vláda.",
    "Mesterséges intelligencia és gépi tanulás.",
    "Türkiye’nin başkenti Ankara’dır.",
    "Городской совет проголосовал за продление линии.",
    "Η δημοτική επιτροπή ενέκρινε την επέκταση.",
    "Þetta er íslenskur texti með ð og þ.",
    "Københavns kommune åbner en ny skole på Østerbro.",
    "Lietuvos sostinė yra Vilnius.",
    "Україна і Київ: нові правила для громадян.",
    "Việt Nam có nhiều thành phố đẹp.",
    "市議会は火曜日、計画を承認した。",
    "مرحبا بكم في المدينة الجديدة",
    "שלום לכם מירושלים",
    "สวัสดีครับ ยินดีต้อนรับ",
    "Café crème, crème brûlée, façade, résumé.",
];

/// Every codec the pass knows, with the fewest sentences it must repair
/// (exactly) when UTF-8 was read through it, and the most it may turn into
/// a third text. Raise a floor when the pass gets better; never lower one.
const FLOORS: &[(&str, usize, usize)] = &[
    ("ISO-8859-1", 36, 0),
    ("windows-1252", 36, 0),
    ("windows-1251", 35, 0),
    ("windows-1250", 34, 1),
    ("windows-1253", 35, 0),
    ("windows-1254", 36, 0),
    ("windows-1257", 35, 0),
    ("ISO-8859-2", 33, 2),
    ("macintosh", 35, 0),
    ("IBM437", 36, 0),
    ("KOI8-R", 35, 0),
    ("IBM866", 34, 0),
    ("x-mac-cyrillic", 32, 0),
    ("IBM850", 36, 0),
    ("windows-1255", 34, 0),
    ("windows-1256", 34, 0),
    ("windows-874", 35, 0),
    ("ISO-8859-7", 34, 1),
    ("KOI8-U", 35, 0),
    ("ISO-8859-5", 35, 0),
    ("ISO-8859-15", 34, 2),
];

fn encoding_only(text: &str) -> String {
    clean(text, &Options::only(&["encoding"]))
        .expect("the encoding pass should take any text")
        .text
}

/// Outcomes of the sentences mangled by `mangle` (`None`: not counted):
/// (repaired, left as mangled, made into a third text, sentences that mangle
/// at all), and the third texts.
fn outcomes(
    mangle: impl Fn(&str) -> Option<String>,
) -> ((usize, usize, usize, usize), Vec<String>) {
    let (mut repaired, mut left, mut wrong, mut mangled) = (0, 0, 0, 0);
    let mut third = Vec::new();
    for s in SENTENCES {
        let Some(read) = mangle(s) else {
            continue;
        };
        // A codec that reads the bytes as line breaks or controls makes
        // another kind of damage; such readings are not counted.
        if read == *s
            || read
                .chars()
                .any(|c| c.is_control() && !('\u{80}'..='\u{9f}').contains(&c))
        {
            continue;
        }
        mangled += 1;
        let out = encoding_only(&read);
        if out == *s {
            repaired += 1;
        } else if out == read {
            left += 1;
        } else {
            wrong += 1;
            third.push(format!("{read:?} -> {out:?}"));
        }
    }
    ((repaired, left, wrong, mangled), third)
}

#[test]
fn clean_sentences_are_left_alone() {
    for s in SENTENCES {
        assert_eq!(encoding_only(s), *s, "should leave {s:?} as it is");
    }
}

#[test]
fn utf8_read_through_each_codec_comes_back() {
    let mut failures = Vec::new();
    println!("codec              repaired  left  wrong  of");
    for &floors in FLOORS {
        let codec = codec_named(floors.0);
        let outcome = outcomes(|s| Some(codec.decode(s.as_bytes())));
        check_floors(floors, outcome, 18, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "should hold every floor:\n{}",
        failures.join("\n")
    );
}

fn codec_named(name: &str) -> Codec {
    Codec::by_name(name).unwrap_or_else(|| panic!("should know the codec {name}"))
}

/// Prints a row of outcomes (the codec's name padded to `width`) and adds to
/// `failures` what falls short of its floors: the fewest lines `name` must
/// repair and the most it may turn into a third text.
fn check_floors(
    (name, floor, most_wrong): (&str, usize, usize),
    ((repaired, left, wrong, mangled), third): ((usize, usize, usize, usize), Vec<String>),
    width: usize,
    failures: &mut Vec<String>,
) {
    println!("{name:<width$} {repaired:>8} {left:>5} {wrong:>6} {mangled:>3}");
    if repaired < floor.min(mangled) {
        failures.push(format!(
            "{name}: repaired {repaired} of {mangled}, the floor is {floor}"
        ));
    }
    if wrong > most_wrong {
        failures.push(format!(
            "{name}: {wrong} third texts (at most {most_wrong}): {third:?}"
        ));
    }
}

#[test]
fn utf8_read_as_windows_1252_twice_comes_back() {
    let cp1252 = Codec::by_name("windows-1252").expect("should know windows-1252");
    for s in SENTENCES {
        let once = cp1252.decode(s.as_bytes());
        let twice = cp1252.decode(once.as_bytes());
        // `sostinÄ—` (`ė` after the outer layer) was left until stretches
        // glued into a word were repaired in context.
        assert_eq!(
            encoding_only(&twice),
            *s,
            "should undo both layers of {twice:?}"
        );
    }
}

/// `s` with its words from the middle on encoded as UTF-8 and read through
/// `codec`, the first half left clean; `None` for a sentence of one word.
fn half_mangled(s: &str, codec: Codec) -> Option<String> {
    let words: Vec<&str> = s.split(' ').collect();
    let half = words.len() / 2;
    if half == 0 {
        return None;
    }
    let (clean, rest) = (words[..half].join(" "), words[half..].join(" "));
    Some(format!("{clean} {}", codec.decode(rest.as_bytes())))
}

/// Each sentence with its words from the middle on read as windows-1252 and
/// the first half left clean: one line, part mangled, part fine.
#[test]
fn a_clean_half_beside_a_mangled_half_comes_back() {
    let cp1252 = codec_named("windows-1252");
    let ((repaired, _, _, mangled), third) = outcomes(|s| half_mangled(s, cp1252));
    println!("clean half beside a windows-1252 half: {repaired} of {mangled} repaired");
    // Before the pass repaired stretches glued into words on their own
    // evidence, it left four of these (`BrnÄ›`, `baÅŸkenti`, `pÃ¥`, Greek).
    assert_eq!(repaired, mangled, "should repair every line: {third:?}");
}

/// The codecs of [`a_clean_half_beside_a_half_in_another_codec_comes_back`],
/// with the fewest lines each must repair and the most it may turn into a
/// third text. Raise a floor when the pass gets better; never lower one.
const HALF_FLOORS: &[(&str, usize, usize)] = &[
    ("windows-1251", 24, 1),
    ("windows-1250", 23, 4),
    ("macintosh", 23, 0),
    ("IBM437", 26, 0),
    ("IBM866", 23, 0),
    ("KOI8-R", 24, 0),
];

/// As [`a_clean_half_beside_a_mangled_half_comes_back`], with the second half
/// read through other codecs: the clean half then holds characters the codec
/// cannot spell or that do not read as UTF-8 (`’`, `ä`), so the line can only
/// be repaired a run of words at a time. Before runs were repaired on their
/// own, 63 of these 162 lines came back (IBM437, IBM866, KOI8-R and
/// macintosh 8 of 27 each).
#[test]
fn a_clean_half_beside_a_half_in_another_codec_comes_back() {
    let mut failures = Vec::new();
    println!("clean half beside a half in   repaired  left  wrong  of");
    for &floors in HALF_FLOORS {
        let codec = codec_named(floors.0);
        let outcome = outcomes(|s| half_mangled(s, codec));
        check_floors(floors, outcome, 29, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "should hold every floor:\n{}",
        failures.join("\n")
    );
}
