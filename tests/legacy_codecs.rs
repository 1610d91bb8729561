//! Legacy single-byte mix-ups, generated: sentences written for this test are
//! encoded in one single-byte codec and read back with another (no UTF-8
//! involved), and the `encoding` pass must give them back. Each pair of
//! codecs is held to a floor of exact repairs, and all pairs together to a
//! most of lines made into a third text, both of which may only tighten. The figures are printed with
//! `cargo test --test legacy_codecs -- --nocapture`.

use textscrub::passes::encoding::codecs::Codec;
use textscrub::{clean, Options};

const RUSSIAN: &[&str] = &[
    "Городской совет проголосовал за продление трамвайной линии.",
    "Жители говорят, что новое расписание сократит дорогу на работу.",
    "Министр иностранных дел встретился с послом в понедельник.",
    "Сообщение о встрече министров опубликовано на сайте.",
    "Погода завтра будет солнечной, без осадков.",
    "Президент подписал указ о новых мерах поддержки.",
    "Україна і Київ: нові правила для громадян.",
    "Българският парламент прие бюджета за следващата година.",
    "Цены на жильё выросли на пять процентов за год.",
    "Школа откроется первого сентября после ремонта.",
];

const GREEK: &[&str] = &[
    "Η δημοτική επιτροπή ενέκρινε την επέκταση της γραμμής.",
    "Ο υπουργός εξωτερικών συναντήθηκε με τον πρέσβη.",
    "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.",
    "Οι τιμές των κατοικιών αυξήθηκαν πέρυσι.",
];

const LATIN: &[&str] = &[
    "Le théâtre de la ville rouvre après des travaux.",
    "Der Bürgermeister äußerte sich über die Brücke.",
    "El niño pidió más información sobre la situación.",
    "A população de São Paulo cresceu três por cento.",
];

/// (sentences, codec written in, codec read with, fewest exact repairs).
/// Raise a floor when the pass gets better; never lower one.
const PAIRS: &[(&[&str], &str, &str, usize)] = &[
    (RUSSIAN, "windows-1251", "ISO-8859-1", 10),
    (RUSSIAN, "windows-1251", "windows-1252", 10),
    (RUSSIAN, "KOI8-R", "windows-1251", 8),
    (RUSSIAN, "KOI8-R", "ISO-8859-1", 9),
    (RUSSIAN, "KOI8-R", "windows-1252", 9),
    (RUSSIAN, "IBM866", "windows-1251", 8),
    (RUSSIAN, "IBM866", "windows-1252", 6),
    (RUSSIAN, "ISO-8859-5", "windows-1252", 10),
    (RUSSIAN, "windows-1251", "KOI8-R", 10),
    (RUSSIAN, "windows-1251", "IBM866", 10),
    (GREEK, "ISO-8859-7", "ISO-8859-1", 4),
    (GREEK, "ISO-8859-7", "windows-1252", 4),
    (GREEK, "windows-1253", "windows-1252", 4),
    (LATIN, "windows-1252", "windows-1251", 4),
];

/// Lines the pass may make into a third text, over all pairs: a few words of
/// a line left mangled beside the repaired ones.
const MOST_THIRD_TEXTS: usize = 0;

fn codec(name: &str) -> Codec {
    Codec::by_name(name).unwrap_or_else(|| panic!("should know the codec {name}"))
}

fn encoding_only(text: &str) -> String {
    clean(text, &Options::only(&["encoding"]))
        .expect("the encoding pass should take any text")
        .text
}

#[test]
fn text_in_one_codec_read_with_another_comes_back() {
    let mut failures = Vec::new();
    let mut buf = Vec::new();
    let mut thirds = Vec::new();
    for &(sentences, written, read, floor) in PAIRS {
        let (mut repaired, mut tried, mut third) = (0, 0, Vec::new());
        for s in sentences {
            if !codec(written).encode_into(s, false, &mut buf) {
                continue;
            }
            let mangled = codec(read).decode(&buf);
            if mangled == *s || mangled.chars().any(char::is_control) {
                continue;
            }
            tried += 1;
            let out = encoding_only(&mangled);
            if out == *s {
                repaired += 1;
            } else if out != mangled {
                third.push(format!("{mangled:?} -> {out:?}"));
            }
        }
        println!("{written:>12} read as {read:<12} {repaired:>2} of {tried:>2}");
        if repaired < floor {
            failures.push(format!(
                "{written} read as {read}: {repaired} of {tried}, the floor is {floor}"
            ));
        }
        thirds.extend(third);
    }
    println!("third texts: {}", thirds.len());
    if thirds.len() > MOST_THIRD_TEXTS {
        failures.push(format!(
            "third texts (at most {MOST_THIRD_TEXTS}): {thirds:?}"
        ));
    }
    assert!(
        failures.is_empty(),
        "should hold every floor:\n{}",
        failures.join("\n")
    );
}

#[test]
fn clean_sentences_are_left_alone() {
    for s in RUSSIAN.iter().chain(GREEK).chain(LATIN) {
        assert_eq!(encoding_only(s), *s, "should leave {s:?} as it is");
    }
}
