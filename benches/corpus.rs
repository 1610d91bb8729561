//! A deterministic multi-language corpus of scraped-style text for benchmarks.
//!
//! Every sentence here was written for this project. The builder repeats and
//! shuffles paragraphs (with a fixed seed) until the corpus reaches the size
//! asked for, and mixes in the kinds of damage textscrub repairs: mojibake,
//! layout spaces, stray timestamps, widget lines and casing quirks.

/// Paragraphs of plain article text in several languages.
pub const ARTICLE: &[&str] = &[
    "The city council voted on Tuesday to extend the tram line to the harbour, a project first proposed in 2009.",
    "Residents said the new timetable would shorten their commute by twenty minutes, although some shop owners feared months of roadworks.",
    "Городской совет во вторник проголосовал за продление трамвайной линии до порта.",
    "Жители говорят, что новое расписание сократит дорогу на работу на двадцать минут.",
    "Der Stadtrat hat am Dienstag beschlossen, die Straßenbahn bis zum Hafen zu verlängern.",
    "Le conseil municipal a voté mardi le prolongement du tramway jusqu’au port, un projet lancé en 2009.",
    "El ayuntamiento aprobó el martes la ampliación del tranvía hasta el puerto, según fuentes municipales.",
    "A câmara municipal aprovou na terça-feira a extensão do elétrico até ao porto.",
    "Il consiglio comunale ha approvato martedì il prolungamento del tram fino al porto.",
    "Η δημοτική επιτροπή ενέκρινε την επέκταση της γραμμής του τραμ μέχρι το λιμάνι.",
    "市議会は火曜日、路面電車を港まで延伸する計画を承認した。",
];

/// Lines with the damage textscrub exists to repair.
pub const DAMAGED: &[&str] = &[
    "The mayorâ€™s office said the â€œfirst phaseâ€\u{9d} would open next spring.",
    "Ð“Ð¾Ñ€Ð¾Ð´Ñ�ÐºÐ¾Ð¹ Ñ�Ð¾Ð²ÐµÑ‚ Ð¿Ñ€Ð¾Ð³Ð¾Ð»Ð¾Ñ�Ð¾Ð²Ð°Ð»",
    "Ãœber die Pläne wird im Café am Marktplatz diskutiert.",
    "Ñîîáùåíèå ãîðîäñêîãî ñîâåòà",
    "11:20 GMT +2 14 March 2019",
    "Updated 3 hours ago",
    "Get short URL",
    "Share on Facebook Share on Twitter",
    "City\u{a0}council\u{a0}spokesman John smith said THe line would open soon.",
    "\u{421}omment via Facebook",
    "    indented line with trailing spaces    ",
];

/// Builds a corpus of about `size` bytes: paragraphs separated by blank lines,
/// one damaged line in every four.
pub fn build(size: usize) -> String {
    let mut out = String::with_capacity(size + 256);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut n = 0;
    while out.len() < size {
        let line = if n % 4 == 3 {
            DAMAGED[(next() % DAMAGED.len() as u64) as usize]
        } else {
            ARTICLE[(next() % ARTICLE.len() as u64) as usize]
        };
        out.push_str(line);
        out.push_str(if next() % 3 == 0 { "\n\n" } else { "\n" });
        n += 1;
    }
    out
}
