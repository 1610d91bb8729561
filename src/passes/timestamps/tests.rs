//! Unit tests of the pass as a whole.

use super::*;

fn run_on(text: &str) -> Report {
    let mut report = Report::new();
    run(text, &Options::default(), &mut report);
    report
}

fn clean(text: &str) -> String {
    run_on(text).apply(text)
}

#[test]
fn removes_a_stamp_line_with_its_line_break() {
    assert_eq!(
        clean("Intro.\nUpdated 3 hours ago\nBody.\n"),
        "Intro.\nBody.\n",
        "should remove the line and its break"
    );
    assert_eq!(
        clean("Body.\n12:30 GMT"),
        "Body.\n",
        "should remove a last line without a break"
    );
}

#[test]
fn reports_each_stamp_with_its_span_and_iso_reading() {
    let text = "Intro.\n10:32 29.09.2016 (updated 13:05 29.09.2016)\n";
    let report = run_on(text);
    let stamps = report.timestamps();
    assert_eq!(
        stamps.len(),
        2,
        "should find both stamps on the line: {stamps:?}"
    );
    for s in stamps {
        assert_eq!(
            &text[s.start..s.end],
            s.text,
            "should give the stamp's span in the pass's input"
        );
        assert!(s.removed, "should mark the stamps removed");
    }
    assert_eq!(
        stamps[1].iso.as_deref(),
        Some("2016-09-29T13:05"),
        "should read the second stamp"
    );
}

#[test]
fn clean_text_and_prose_are_untouched() {
    for t in [
        "Plain prose with no digits at all, and nothing to do.\n",
        "On September 27, troops began to move.\n",
        "The meeting is at 10:00 in room 4.\n",
        "Updated figures released on Monday showed growth.\n",
        "",
        "\n\n",
    ] {
        let report = run_on(t);
        assert!(
            report.changes().is_empty(),
            "should leave {t:?} alone, got {:?}",
            report.changes()
        );
    }
}

#[test]
fn cleaning_twice_changes_nothing_more() {
    let inputs = [
        "By Jane Roe - 03/03/20 06:56 AM EST\nText.\n",
        "21:17 18.11.2019Get short URL\n",
        "Jane RoeFriday 9:30PM\n",
        "Tuesday March 3, 2020 6:35 am PST by Jane Roe\n",
    ];
    for t in inputs {
        let once = clean(t);
        assert_eq!(clean(&once), once, "should be idempotent on {t:?}");
    }
}

#[test]
fn odd_input_never_panics() {
    let long_digits = "9".repeat(5000);
    let colons = "1:".repeat(3000);
    let dashes = "- ".repeat(3000) + "10:00";
    let words = "Updated ".repeat(3000) + "3 hours ago";
    for t in [
        long_digits.as_str(),
        colons.as_str(),
        dashes.as_str(),
        words.as_str(),
        "+",
        "GMT +",
        "12:",
        "2019-",
        "3 hours",
        "à",
        "\u{feff}12:30\r\n",
        "ÉÉÉ20209:41",
    ] {
        let report = run_on(t);
        let out = report.apply(t);
        assert!(out.len() <= t.len(), "should only remove text from {t:?}");
    }
}

#[test]
fn cost_grows_linearly() {
    // A line of many stamp-like parts: reading it must not restart at every token.
    let unit = "Updated Mon, 12 Mar 2019 | ";
    let small = unit.repeat(200);
    let big = unit.repeat(4000);
    let time = |s: &str| {
        let t = std::time::Instant::now();
        let _ = run_on(s);
        t.elapsed()
    };
    let (a, b) = (time(&small), time(&big));
    assert!(
        b < a * 80 + std::time::Duration::from_millis(200),
        "should grow about linearly: {a:?} for 200, {b:?} for 4000"
    );
}

#[test]
fn settings_switch_removals_off() {
    let mut options = Options::default();
    options.timestamps.settings.lines = false;
    let mut report = Report::new();
    run("Updated 3 hours ago\n", &options, &mut report);
    assert!(
        report.changes().is_empty(),
        "should keep stamp lines when lines is off"
    );
    assert!(
        report.timestamps().iter().all(|t| !t.removed),
        "should still report the stamp, as kept"
    );
}

/// The parts of the first stamp found in `line`.
fn parts(line: &str) -> Vec<parse::Part> {
    let lex = lexicon::lexicon();
    let toks = token::tokenize(line, lex);
    let cx = parse::Ctx {
        line,
        toks: &toks,
        lex,
    };
    parse::stamps(&cx)
        .first()
        .map(|s| s.items.iter().map(|i| i.part).collect())
        .unwrap_or_default()
}

fn first_clock(line: &str) -> Option<(u32, u32)> {
    parts(line).into_iter().find_map(|p| match p {
        parse::Part::Clock(c) => Some((c.hour, c.minute)),
        _ => None,
    })
}

fn first_date(line: &str) -> Option<parse::Date> {
    parts(line).into_iter().find_map(|p| match p {
        parse::Part::Date(d) => Some(d),
        _ => None,
    })
}

#[test]
fn clock_times_are_read_on_the_24_hour_clock() {
    assert_eq!(
        first_clock("12:05 am"),
        Some((0, 5)),
        "should read 12 a.m. as midnight"
    );
    assert_eq!(
        first_clock("12:05 p.m."),
        Some((12, 5)),
        "should read 12 p.m. as noon"
    );
    assert_eq!(
        first_clock("1:35a.m."),
        Some((1, 35)),
        "should read a glued a.m."
    );
    assert_eq!(
        first_clock("10h30"),
        Some((10, 30)),
        "should read the French form"
    );
    assert_eq!(
        first_clock("10.30 Uhr"),
        Some((10, 30)),
        "should read the German form"
    );
    assert_eq!(
        first_clock("5pm"),
        Some((17, 0)),
        "should read an hour with a meridiem"
    );
    assert_eq!(
        first_clock("24:61"),
        None,
        "should refuse impossible minutes"
    );
    assert_eq!(
        first_clock("10.30"),
        None,
        "should not read a bare decimal as a time"
    );
}

#[test]
fn numeric_dates_say_when_their_order_is_open() {
    let d = first_date("03/04/2019").expect("should read a slashed date");
    assert!(d.swappable, "should mark 03/04 as open to either order");
    let d = first_date("11/13/19").expect("should read a US date");
    assert_eq!(
        (d.month, d.day, d.swappable),
        (11, Some(13), false),
        "should settle the order when the digits do"
    );
    let d = first_date("03.04.2019").expect("should read a dotted date");
    assert_eq!(
        (d.month, d.day, d.swappable),
        (4, Some(3), false),
        "should read a dotted date day first"
    );
    assert_eq!(
        first_date("1.2.3.2019"),
        None,
        "should not read a piece of a version number"
    );
    assert_eq!(
        first_date("31.02.2019").map(|d| d.day),
        Some(Some(31)),
        "should read the digits even when the day cannot exist"
    );
}

#[test]
fn impossible_dates_get_no_iso_reading() {
    let text = "Updated 31.02.2019 10:00\n";
    let report = run_on(text);
    assert_eq!(
        report.timestamps().first().map(|t| t.iso.clone()),
        Some(None),
        "should not invent an ISO date for 31 February"
    );
}

#[test]
fn relative_times_in_every_language() {
    for t in [
        "3 hours ago",
        "an hour ago",
        "5H ago",
        "vor einer Stunde",
        "il y a 2 heures",
        "hace una hora",
        "há 3 dias",
        "2 ore fa",
        "un'ora fa",
        "5 минут назад",
        "час назад",
    ] {
        assert!(
            parts(t).contains(&parse::Part::Relative),
            "should read {t:?} as a relative time"
        );
    }
    assert!(
        !parts("7 H ago").contains(&parse::Part::Relative),
        "should want a one-letter unit glued to its amount"
    );
    assert!(
        parts("yesterday").is_empty(),
        "should not take a relative day alone as a stamp"
    );
}
