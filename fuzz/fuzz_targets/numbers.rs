//! Fuzz target: numbers in any text have spans that slice it, a counted noun after their
//! number, and bounds that do not contradict each other.
#![no_main]

use hadath_numbers::{find_bare_numbers, find_numbers_detailed, parse_cardinal_words, parse_ordinal_word};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let t: &str = &text;
    for d in find_numbers_detailed(t) {
        let m = &d.mention;
        assert!(m.span.start < m.span.end && t.get(m.span.start..m.span.end).is_some(), "span {:?}", m.span);
        if let Some((s, _)) = m.counted {
            assert!(s.start < s.end && t.get(s.start..s.end).is_some(), "counted {s:?}");
        }
        if let (Some(a), Some(b)) = (m.min, m.max) {
            assert!(a <= b, "min {a} > max {b} in {:?}", &t[m.span.start..m.span.end]);
        }
    }
    for (s, _) in find_bare_numbers(t) {
        assert!(t.get(s.start..s.end).is_some(), "bare {s:?}");
    }
    let norm = hadath_text::normalize::normalize_for_match(t);
    for w in norm.split_whitespace().take(64) {
        let _ = parse_cardinal_words(w);
        let _ = parse_ordinal_word(w);
    }
});
