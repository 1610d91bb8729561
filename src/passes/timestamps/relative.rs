//! Relative times: `3 hours ago`, `5H ago`, `vor 2 Stunden`, `il y a une heure`,
//! `hace 2 horas`, `há 3 dias`, `2 ore fa`, `un'ora fa`, `5 минут назад`, `час назад`;
//! and days named relative to today (`yesterday`, `вчера`), which count as a stamp
//! only beside a time.
//!
//! One-letter units (`7H`, `16M`) count only when glued to the amount.

use super::lexicon::Kind;
use super::parse::{Ctx, Found, Part};
use super::token::Tk;

/// An amount at `i`: a number of up to three digits or a word such as `an`.
fn amount(cx: &Ctx, i: usize) -> Option<usize> {
    match cx.num(i) {
        Some((_, l)) if l <= 3 => Some(i + 1),
        Some(_) => None,
        None => cx.phrase(i, Kind::Count).map(|(end, _)| end),
    }
}

/// A unit of time at `i`, where `glued` says whether it touches the amount.
fn unit(cx: &Ctx, i: usize, glued: bool) -> Option<usize> {
    let (end, _) = cx.phrase(i, Kind::Unit)?;
    (glued || cx.raw(i).chars().count() > 1).then_some(end)
}

/// The unit after an amount ending at `i`: glued, after a space, or after an apostrophe (`un'ora`).
fn unit_after(cx: &Ctx, i: usize) -> Option<usize> {
    if cx.kind(i) == Some(Tk::Word) && i > 0 && cx.glued(i - 1) {
        return unit(cx, i, true);
    }
    if cx.kind(i) == Some(Tk::Space) || cx.is_punct(i, &['\'', '\u{2019}']) {
        return unit(cx, i + 1, false);
    }
    None
}

/// A relative time at `i`: `3 hours ago`, `vor 2 Stunden`, `il y a 2 heures`,
/// `час назад`; or a relative day (`yesterday`, `вчера`).
pub fn relative(cx: &Ctx, i: usize) -> Option<Found> {
    if let Some((bend, e)) = cx.phrase(i, Kind::Before) {
        let k = cx.skip_space(bend);
        if k > bend {
            if let Some(end) = amount(cx, k).and_then(|a| unit_after(cx, a)) {
                return Some((Part::Relative, end, Some(e.lang)));
            }
        }
    }
    let after_unit = match amount(cx, i) {
        Some(a) => unit_after(cx, a),
        None => unit(cx, i, false),
    };
    if let Some(u) = after_unit {
        let k = cx.skip_space(u);
        if let Some((end, e)) = cx.phrase(k, Kind::After) {
            if k > u || cx.kind(u) != Some(Tk::Word) {
                return Some((Part::Relative, end, Some(e.lang)));
            }
        }
    }
    if cx.num(i).is_none() {
        if let Some((end, e)) = cx.phrase(i, Kind::Day) {
            return Some((Part::Day(e.value), end, Some(e.lang)));
        }
    }
    None
}
