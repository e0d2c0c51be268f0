//! Property tests: resolution never panics, spans slice the text, and values are valid dates.

use hadath_text::{Date, TimexValue};
use hadath_time::{find_times, Reference};
use proptest::prelude::*;

/// Checks that a TIMEX date part names a real calendar day or month.
fn valid_value(v: &str) -> bool {
    if v.starts_with('P') || v.starts_with('T') || v == "PRESENT_REF" {
        return true;
    }
    let date = v.split('T').next().unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y] => y.len() >= 2 && y.chars().all(|c| c.is_ascii_digit()),
        [y, w] if w.starts_with('W') => {
            y.parse::<i32>().is_ok() && w[1..].parse::<u32>().is_ok_and(|n| (1..=53).contains(&n))
        }
        [y, s] if ["SP", "SU", "FA", "WI"].contains(s) => y.parse::<i32>().is_ok(),
        [y, m] => y.parse::<i32>().is_ok() && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
        [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).is_some(),
            _ => false,
        },
        _ => false,
    }
}

fn words() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "في",
        "من",
        "إلى",
        "حتى",
        "الساعة",
        "الثالثة",
        "صباحا",
        "مساء",
        "أمس",
        "اليوم",
        "غدا",
        "الأربعاء",
        "الماضي",
        "المقبل",
        "الجاري",
        "سبتمبر",
        "شباط",
        "كانون الثاني",
        "رمضان",
        "هـ",
        "عام",
        "العام",
        "الشهر",
        "الأسبوع",
        "أواخر",
        "مطلع",
        "منتصف",
        "نهاية",
        "التسعينيات",
        "القرن",
        "العشرين",
        "الصيف",
        "الربع",
        "الأول",
        "ستة",
        "أيام",
        "يوما",
        "31",
        "29",
        "2",
        "12",
        "2024",
        "1444",
        "٢٠٢١",
        "/",
        "-",
        ":",
        ".",
        "،",
        "و",
        "الحادي",
        "والعشرين",
        "قبل",
        "بعد",
        "December",
        "16,",
        "0",
        "99",
        "9-10-2020",
        "22:35",
        "|",
        "\n",
        "آخر",
        "أول",
    ]);
    prop::collection::vec(pieces, 0..14).prop_map(|v| v.join(" "))
}

fn check(text: &str, reference: Option<Reference>) {
    for t in find_times(text, reference) {
        assert!(t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.get(t.span.start..t.span.end).is_some(), "span on a char boundary");
        match &t.value {
            Some(TimexValue::Single(v)) => assert!(valid_value(v), "bad value {v} for {text:?}"),
            Some(TimexValue::Interval { from, to }) => {
                assert!(valid_value(from) && valid_value(to), "bad interval {from}..{to} for {text:?}");
            }
            None => {}
        }
        if let Some((a, b)) = t.range {
            assert!(a < b, "empty range for {text:?}");
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}", days in -200_000i64..200_000) {
        let reference = Reference::day(Date::from_days(days));
        check(&text, Some(reference));
        check(&text, None);
    }

    #[test]
    fn time_words_resolve_to_valid_dates(text in words(), days in -100_000i64..100_000, hour in 0u32..24) {
        let reference = Reference { date: Date::from_days(days), time: Some((hour, 30, 0)), utc_offset: Some(180) };
        check(&text, Some(reference));
        check(&text, None);
    }
}
