//! Fuzz target: times found in any text, resolved against a publication date and time taken
//! from the first input bytes, have spans that slice the text and values that are valid
//! calendar dates; the publication date chosen for a document is valid too.
#![no_main]

use hadath_text::{days_in_month, Date, Document, TimeMention, TimexValue};
use hadath_time::{find_times, find_times_in_news, Reference};
use libfuzzer_sys::fuzz_target;

/// A valid date from 4 bytes: mostly 1900–2199, sometimes any year 1–9999.
fn date_of(b: &[u8]) -> Date {
    let y = u16::from_le_bytes([b[0], b[1]]) as i32;
    let year = if b[2] & 0x80 == 0 { 1900 + y % 300 } else { 1 + y % 9999 };
    let month = 1 + (b[2] as u32 & 0x7f) % 12;
    let day = 1 + b[3] as u32 % days_in_month(year, month);
    Date::new(year, month, day).expect("valid by construction")
}

fn valid(d: Date) -> bool {
    (1..=12).contains(&d.month) && d.day >= 1 && d.day <= days_in_month(d.year, d.month)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks the calendar parts of a TIMEX value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Www` and a time
/// of day after `T`. Other shapes (durations, decades, seasons, references) are not dates.
fn check_value(v: &str) {
    let (date, time) = match v.split_once('T') {
        Some((d, t)) if !d.starts_with('P') => (d, Some(t)),
        _ => (v, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    if parts.len() >= 2 && parts[0].len() == 4 && digits(parts[0]) {
        if digits(parts[1]) && parts[1].len() == 2 {
            let m: u32 = parts[1].parse().unwrap();
            assert!((1..=12).contains(&m), "month of {v}");
            if parts.len() == 3 && digits(parts[2]) {
                assert!(Date::parse_iso(date).is_some(), "invalid date {v}");
            }
        } else if let Some(w) = parts[1].strip_prefix('W').filter(|w| digits(w)) {
            let w: u32 = w.parse().unwrap();
            assert!((1..=53).contains(&w), "week of {v}");
        }
    }
    if let Some(t) = time {
        let hm: Vec<&str> = t.split(':').collect();
        if digits(hm[0]) && hm[0].len() == 2 {
            assert!(hm[0].parse::<u32>().unwrap() < 24, "hour of {v}");
        }
        if hm.len() > 1 && digits(hm[1]) && hm[1].len() == 2 {
            assert!(hm[1].parse::<u32>().unwrap() < 60, "minute of {v}");
        }
    }
}

fn check(text: &str, times: &[TimeMention]) {
    for m in times {
        let s = m.span;
        assert!(s.start < s.end && text.get(s.start..s.end).is_some(), "time span {s:?}");
        match &m.value {
            Some(TimexValue::Single(v)) => check_value(v),
            Some(TimexValue::Interval { from, to }) => {
                check_value(from);
                check_value(to);
            }
            None => {}
        }
        if let Some((a, b)) = m.range {
            assert!(valid(a) && valid(b) && a < b, "range {a:?}..{b:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (head, rest) = data.split_at(8);
    let text = String::from_utf8_lossy(rest);
    let t: &str = &text;
    let date = date_of(&head[..4]);
    let time = (head[4] & 1 == 1).then(|| (head[5] as u32 % 24, head[6] as u32 % 60, head[7] as u32 % 60));
    let utc_offset = (head[4] & 2 == 2).then(|| (head[4] as i32 >> 2) * 15 - 12 * 60);
    let reference = Reference { date, time, utc_offset };

    check(t, &find_times(t, Some(reference)));
    check(t, &find_times_in_news(t, Some(reference)));
    check(t, &find_times_in_news(t, None));

    // The publication date a document gets from its own text, then its times.
    let mut doc = Document::new("fuzz", t);
    doc.meta.format = "txt".into();
    hadath_ingest::prepare(&mut doc);
    hadath_text::segment::segment_document(&mut doc);
    hadath_time::annotate_published(&mut doc, (head[4] & 4 == 4).then_some(date));
    if let Some(d) = doc.published.value {
        assert!(valid(d), "publication date {d:?}");
    }
    if doc.published.value.is_none() {
        doc.published.value = Some(date);
    }
    hadath_time::annotate_times(&mut doc);
    check(t, &doc.times);
    if let Err(e) = doc.check_spans() {
        panic!("{e}");
    }
});
