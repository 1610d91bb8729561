//! Splits a stamp into the timestamps it holds and reads each as ISO 8601.
//!
//! One run of parts may hold two stamps: `10:32 29.09.2016 (updated 13:05
//! 29.09.2016)`. A new timestamp starts at a prefix or a relative time after a
//! date or time, at a second date, or at a second time after a date. A second
//! time before any date is the same moment in another zone (`0745 GMT (1545 HKT)
//! March 3, 2020`): the first time and zone are the ones read.
//!
//! A timestamp is read as ISO 8601 only when that is unambiguous: the year, month
//! and day are all known (a numeric date such as `03/04/2019` counts only when
//! the page's language puts the day first, that is, any language here but
//! English), and the date exists. The time, and the zone's offset when the zone
//! fixes one (`EST`, `GMT +3`, but not `ET`), are added when present:
//! `2017-02-20T04:44+03:00`, `2019-11-18T20:51:19Z`, `2019-03-12`.

use super::lexicon::Lang;
use super::parse::{Clock, Date, Item, Part, Stamp};

/// The item ranges (`start..end` indices into `stamp.items`) of each timestamp
/// in the stamp, with connectors trimmed from both ends.
pub fn groups(stamp: &Stamp) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let (mut date, mut clock, mut core) = (false, false, false);
    for (k, item) in stamp.items.iter().enumerate() {
        let split = match item.part {
            Part::Prefix => core,
            Part::Date(_) => date,
            // A second time before any date is the same moment in another zone:
            // `0745 GMT (1545 HKT) March 3, 2020`.
            Part::Clock(_) => clock && date,
            Part::Relative => core,
            _ => false,
        };
        if split && k > start {
            out.push((start, k));
            start = k;
            (date, clock, core) = (false, false, false);
        }
        match item.part {
            Part::Date(_) => date = true,
            Part::Clock(_) => clock = true,
            _ => {}
        }
        core |= item.part.is_core();
    }
    if start < stamp.items.len() {
        out.push((start, stamp.items.len()));
    }
    out.into_iter()
        .map(|(mut a, mut b)| {
            while a < b && matches!(stamp.items[a].part, Part::Connector | Part::Dash) {
                a += 1;
            }
            while b > a && matches!(stamp.items[b - 1].part, Part::Connector | Part::Dash) {
                b -= 1;
            }
            (a, b)
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// Whether the stamp's words say the day comes before the month in numeric dates.
pub fn day_first(stamp: &Stamp) -> bool {
    stamp
        .items
        .iter()
        .any(|i| i.lang.is_some_and(|l| l != Lang::En))
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in(y: i32, m: u32) -> u32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The ISO 8601 reading of one timestamp, if it is unambiguous.
pub fn iso(items: &[Item], day_first: bool) -> Option<String> {
    let mut date: Option<Date> = None;
    let mut clock: Option<Clock> = None;
    let mut zone: Option<Option<i32>> = None;
    for it in items {
        match it.part {
            Part::Date(d) => date = Some(d),
            Part::Clock(c) if clock.is_none() => clock = Some(c),
            Part::Zone(z) if zone.is_none() => zone = Some(z),
            Part::Relative | Part::Day(_) => return None,
            _ => {}
        }
    }
    let d = date?;
    if d.swappable && !day_first {
        return None;
    }
    let (y, m, day) = (d.year?, d.month, d.day?);
    if !(1..=12).contains(&m) || day == 0 || day > days_in(y, m) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{day:02}");
    if let Some(c) = clock {
        out.push_str(&format!("T{:02}:{:02}", c.hour, c.minute));
        if let Some(s) = c.second {
            out.push_str(&format!(":{s:02}"));
        }
        match zone {
            Some(Some(0)) => out.push('Z'),
            Some(Some(off)) => {
                let sign = if off < 0 { '-' } else { '+' };
                out.push_str(&format!(
                    "{sign}{:02}:{:02}",
                    off.abs() / 60,
                    off.abs() % 60
                ));
            }
            _ => {}
        }
    }
    Some(out)
}
