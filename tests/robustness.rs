//! Odd input, generated: whatever the text, no pass panics, and the edits
//! reported replay to the output exactly.
//!
//! The texts are put together from pieces that stress the passes (mojibake,
//! capitals, timestamps, share-widget lines, invisible and look-alike
//! characters, code, line breaks of every kind) by a seeded generator, so a
//! failure is reproducible from its seed, which the message names.

use textscrub::{apply_edits, clean, Options};

/// Pieces a scraped page is made of, good and bad.
const PIECES: &[&str] = &[
    "The council voted on Tuesday.",
    "cafÃ© â€œquotedâ€\u{9d} Ã©tÃ©",
    "Ð¡Ð¾Ð¾Ð±Ñ‰ÐµÐ½Ð¸Ðµ",
    "Ñîîáùåíèå",
    "ThÃƒÂ©Ã¢tre",
    "04:44 GMT +320 February 2017",
    "Updated 3 hours ago",
    "21:17 18.11.2019",
    "Get short URL",
    "Comment via FacebookComment via Sputnik",
    "© AFP 2016/ TIMOTHY A. CLARY",
    "U.S. state Department spokesman Josh earnest",
    "THe WHen SPutin",
    "BREAKING NEWS FROM THE HARBOUR",
    "standardsDiscussion iPhone McDonald",
    "\u{421}omment",
    "\u{a0}\u{200b}\u{feff}\u{2028}\u{202e}",
    "e\u{301}\u{301}\u{308}",
    "\u{fffd}\u{fffd}?",
    "&amp; &#8217; &nbsp; &#xZZ; &",
    "fn main() { let x_y = 1; }",
    "😀👍🏽🇺🇸",
    "市議会は火曜日、",
    "Η δημοτική επιτροπή",
    "\u{80}\u{9f}\u{7f}\u{1b}[31m",
    "Mr. Smith. Dr. who? yes! no...",
    "- item one\n- item two",
    "\"quoted\" (bracketed) [square] ‘single’",
    "1. First\n2. Second",
    "#tag #another @user https://example.com/a_b?c=d",
    "",
];

/// Separators between pieces.
const JOINS: &[&str] = &[" ", "", "\n", "\n\n", "\r\n", "\r", "\t", " - ", ". ", ", "];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One generated text: pieces and separators, some pieces cut at a random
/// character or written in capitals or lower case.
fn text(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(24) {
        let piece = PIECES[rng.below(PIECES.len())];
        let piece: String = match rng.below(6) {
            0 => piece.to_uppercase(),
            1 => piece.to_lowercase(),
            2 => {
                let cut = rng.below(piece.chars().count() + 1);
                piece.chars().take(cut).collect()
            }
            _ => piece.to_string(),
        };
        out.push_str(&piece);
        out.push_str(JOINS[rng.below(JOINS.len())]);
    }
    out
}

#[test]
fn generated_odd_input_is_cleaned_without_panics_and_the_edits_replay() {
    let presets = [Options::default(), Options::gentle()];
    for seed in 1..=400u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let input = text(&mut rng);
        for options in &presets {
            let cleaned = clean(&input, options)
                .unwrap_or_else(|e| panic!("seed {seed}: clean failed on {input:?}: {e}"));
            let replayed = apply_edits(&input, &cleaned.edits)
                .unwrap_or_else(|| panic!("seed {seed}: edits do not apply to {input:?}"));
            assert_eq!(
                replayed, cleaned.text,
                "seed {seed}: the edits should replay to the output for {input:?}"
            );
        }
    }
}

/// Texts of the generated set that a second cleaning still changes, at most.
/// They are odd corners (mojibake beside C1 controls and an ANSI escape, a
/// timestamp line whose context a later pass removes); this number may only
/// go down.
const KNOWN_UNSETTLED: usize = 3;

#[test]
fn generated_odd_input_cleaned_twice_changes_no_more_than_known() {
    let mut unsettled = Vec::new();
    for seed in 1..=3000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let input = text(&mut rng);
        let once = clean(&input, &Options::default()).unwrap().text;
        let twice = clean(&once, &Options::default()).unwrap().text;
        if once != twice {
            unsettled.push(seed);
        }
    }
    assert!(
        unsettled.len() <= KNOWN_UNSETTLED,
        "cleaning twice should change no more than {KNOWN_UNSETTLED} generated texts; it changed {} (seeds {:?})",
        unsettled.len(),
        unsettled
    );
}
