//! Stray double capitals: `THe` to `The`, `WHen` to `When`, `PUtin` to `Putin`.
//!
//! A word whose first two letters are capitals and whose other letters are all
//! lower case is a slip of the shift key when the lexicon knows the word (or the
//! document writes it capitalised elsewhere).
//!
//! **Never touched**: plurals of acronyms (`MPs`, `TVs`, `IDs`: the two capitals
//! are an acronym the lexicon or the document knows), mixed-case words from the
//! lexicon, unknown words with no evidence in the document (`OAuth`, `GMass`,
//! `AWeber` are names, not slips), and handles, hashtags and identifiers (after
//! `@`, `#`, `_`, `/` or a digit, or before `_` or a digit).

use super::evidence::{key, Evidence};
use super::lexicon::{Class, Lexicon};
use super::words::{words, Shape, Word};
use crate::options::Options;
use crate::report::Report;

/// Whether `w` has the shape of a stray double capital: two capitals, then one or
/// more lower-case letters and nothing else.
fn double_capital(w: &str) -> bool {
    let mut chars = w.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    let rest = chars.as_str();
    a.is_uppercase()
        && b.is_uppercase()
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_lowercase())
}

fn fixed_form(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Decides one word; returns the replacement and the reason.
fn decide(w: &str, ev: &Evidence, lexicon: &Lexicon, exact: u32) -> Option<(String, String)> {
    if !double_capital(w) || lexicon.mixed_form(&key(w)) == Some(w) {
        return None;
    }
    let prefix: String = w.chars().take(2).collect();
    let rest: String = w.chars().skip(2).collect();
    if matches!(rest.as_str(), "s" | "es") {
        let pk = key(&prefix);
        // `MPs`, `TVs`, `IDs`; but `ITs` is `Its` unless the document writes `IT`.
        let acronym = lexicon.acronym_form(&pk).is_some() && !lexicon.is_function_word(&key(w));
        if acronym || ev.upper_anywhere(&pk) > 0 {
            return None;
        }
    }
    let fixed = fixed_form(w);
    let k = key(w);
    // `AWeber` written so again and again is a name, even if `Aweber` slips in once.
    if ev.cap_anywhere(&k) > 0 && ev.cap_anywhere(&k) >= exact {
        return Some((
            fixed.clone(),
            format!("'{w}' has a stray second capital; the document writes '{fixed}' elsewhere"),
        ));
    }
    match lexicon.class(&k) {
        Class::Common | Class::Both | Class::Proper | Class::AcronymOrWord => Some((
            fixed.clone(),
            format!(
                "'{w}' has a stray second capital; '{}' is a dictionary word",
                k
            ),
        )),
        _ => None,
    }
}

/// Runs the stage.
pub fn run(text: &str, _options: &Options, report: &mut Report) {
    let lexicon = Lexicon::get();
    let ws: Vec<Word> = words(text, lexicon);
    if !ws
        .iter()
        .any(|w| w.shape == Shape::Mixed && double_capital(w.text(text)))
    {
        return;
    }
    let caps = super::caps_lines::caps_lines(text, &ws);
    let styled = super::caps_lines::styled_lines(text, &ws, lexicon);
    let ev = Evidence::collect(text, &ws, &styled);
    let mut exact: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for w in &ws {
        if w.shape == Shape::Mixed {
            *exact.entry(w.text(text)).or_default() += 1;
        }
    }
    for w in &ws {
        // Handles, hashtags and identifiers are names as written; `Rocket.CHat` is not.
        let before = text[..w.start].chars().next_back();
        let after = text[w.end..].chars().next();
        let handle = before
            .is_some_and(|c| matches!(c, '@' | '#' | '_' | '/' | '\\') || c.is_ascii_digit())
            || after.is_some_and(|c| c == '_' || c.is_ascii_digit());
        if w.shape != Shape::Mixed || handle || caps.get(w.line).copied().unwrap_or(false) {
            continue;
        }
        let t = w.text(text);
        if let Some((fixed, why)) = decide(t, &ev, lexicon, exact.get(t).copied().unwrap_or(0)) {
            report.replace(w.start, w.end, fixed, "double-capital", why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> String {
        Report::apply_stage(run, text)
    }

    #[test]
    fn repairs_stray_double_capitals() {
        assert_eq!(
            fix("THe talks began. WHen Putin spoke"),
            "The talks began. When Putin spoke",
            "should lower the second capital"
        );
        assert_eq!(
            fix("Lavrov met Kerry. LAvrov said"),
            "Lavrov met Kerry. Lavrov said",
            "should use the document's spelling of a name"
        );
    }

    #[test]
    fn keeps_acronym_plurals_and_names() {
        for t in [
            "Two MPs and three TVs",
            "Log in with OAuth",
            "Send it via GMass",
            "Their IDs were checked",
        ] {
            assert_eq!(fix(t), t, "should leave {t:?} alone");
        }
    }
}
