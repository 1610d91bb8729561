//! A newsletter's roundup after the article.
//!
//! Newsletters sent as web pages close an issue with short sections, each
//! under a heading led by its own pictograph: "🎙️ Podcast", "💼 Jobs",
//! "🗓️ Events", then the ask for feedback. The entries read like sentences,
//! so the body takes them in. The roundup is told from the article by the
//! pictographs: the article above uses none at the start of a line, and from
//! the first such heading on there are several pictograph-led lines, with
//! different pictographs (a list of ticks or bullets repeats one), two of them
//! or more headings. Everything from that heading to the end of the text (or
//! the comment thread) goes.

use super::classify::Removal;
use super::lines::Line;

/// Words of the article kept above the roundup, at least.
const MIN_ARTICLE_WORDS: usize = 150;
/// The longest heading, in words (the pictograph counts as none).
const MAX_HEADING_WORDS: usize = 6;
/// Pictograph-led lines, pictograph-led headings and different pictographs
/// the roundup needs, at least.
const MIN_LED: usize = 3;
const MIN_HEADINGS: usize = 2;
const MIN_DISTINCT: usize = 3;

/// The pictograph a line starts with, if any: emoji and the symbol blocks
/// newsletters use as section marks.
fn pictograph(line: &Line) -> Option<char> {
    let c = line.text.chars().next()?;
    let u = u32::from(c);
    let symbol = (0x1F000..=0x1FAFF).contains(&u)
        || (0x2600..=0x27BF).contains(&u)
        || (0x2B00..=0x2BFF).contains(&u)
        || (0x2300..=0x23FF).contains(&u);
    symbol.then_some(c)
}

fn is_heading(line: &Line) -> bool {
    line.is_label() && !line.terminal && line.words <= MAX_HEADING_WORDS
}

/// Removes the roundup after the article, if there is one. `limit` is where
/// the comment thread starts (or the end of the text); `keep` is a line that
/// must stay whatever it looks like (the title).
pub fn strip(lines: &[Line], removals: &mut [Option<Removal>], limit: usize, keep: Option<usize>) {
    let Some(start) = (0..limit).find(|&i| !lines[i].is_blank() && pictograph(&lines[i]).is_some())
    else {
        return;
    };
    if !is_heading(&lines[start]) || Some(start) == keep {
        return;
    }
    let article: usize = (0..start)
        .filter(|&i| removals[i].is_none())
        .map(|i| lines[i].words)
        .sum();
    if article < MIN_ARTICLE_WORDS {
        return;
    }
    let mut led = 0;
    let mut headings = 0;
    let mut marks: Vec<char> = Vec::new();
    for l in &lines[start..limit] {
        let Some(c) = pictograph(l) else {
            continue;
        };
        led += 1;
        headings += usize::from(is_heading(l));
        if !marks.contains(&c) {
            marks.push(c);
        }
    }
    if led < MIN_LED || headings < MIN_HEADINGS || marks.len() < MIN_DISTINCT {
        return;
    }
    if keep.is_some_and(|t| (start..limit).contains(&t)) {
        return;
    }
    for i in start..limit {
        if !lines[i].is_blank() && removals[i].is_none() {
            removals[i] = Some(Removal::plain(
                "related-list",
                "newsletter's roundup after the article (sections under pictograph headings)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::residue::tests::clean;

    const ARTICLE: &str = "Heat pumps for old houses\n\n\
        Owners of old stone houses are often told that a heat pump will not keep them warm, because the walls lose heat too fast for a pump's gentle, steady output to make up for it.\n\n\
        Engineers who have fitted hundreds of them say the opposite: a pump sized for the house, with larger radiators in the coldest rooms, keeps an old house as warm as a gas boiler did.\n\n\
        The trick is to run it all day at a low temperature instead of in short bursts, which is how most people used their boilers, and to fix the worst draughts before the pump goes in.\n\n\
        Installers also warn against buying the biggest pump on offer: an oversized unit switches on and off all day, wears out sooner and costs more to run than a smaller one running steadily.\n\n\
        Grants for the work are open until the end of the year, and most councils will pay for a survey of the house before any pump is chosen.\n\n";

    const ROUNDUP: &str = "🎙️ This Week's Podcast\n\n\
        An installer from the coast joins us to talk about the first hundred pumps she fitted.\n\n\
        💼 Jobs\n\n\
        Heat Pump Installer at Coastline Energy (Remote)\n\n\
        🗓️ Events\n\n\
        📍 Open house at a retrofitted farmhouse, with a tour of the plant room. (Saturday, May 3)\n";

    #[test]
    fn a_roundup_under_pictograph_headings_goes() {
        let out = clean(&format!("{ARTICLE}{ROUNDUP}"));
        assert!(
            !out.contains("Podcast"),
            "should remove the podcast section: {out:?}"
        );
        assert!(
            !out.contains("Installer at"),
            "should remove the job list: {out:?}"
        );
        assert!(
            !out.contains("Open house"),
            "should remove the events: {out:?}"
        );
        assert!(
            out.contains("running steadily."),
            "should keep the article: {out:?}"
        );
    }

    #[test]
    fn a_list_of_ticks_after_the_article_stays() {
        let text =
            format!("{ARTICLE}✅ Size the pump\n✅ Fix the draughts\n✅ Fit larger radiators\n");
        let out = clean(&text);
        assert!(
            out.contains("✅ Size the pump") && out.contains("✅ Fit larger radiators"),
            "should keep a list that repeats one pictograph: {out:?}"
        );
    }

    #[test]
    fn sections_stay_when_the_article_uses_pictographs_too() {
        let text = format!("🔥 Why it matters\n\n{ARTICLE}{ROUNDUP}");
        let out = clean(&text);
        assert!(
            out.contains("💼 Jobs") && out.contains("🗓️ Events"),
            "should keep pictograph headings in an article that uses them from the start: {out:?}"
        );
    }
}
