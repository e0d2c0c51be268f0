//! Property tests: analysis never panics and spans always slice the input on char boundaries.

use hadath_numbers::{find_numbers, parse_cardinal_words, parse_ordinal_word};
use proptest::prelude::*;

/// Pieces that make number-like text likely.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ثلاثة".to_string()),
        Just("وعشرون".to_string()),
        Just("آلاف".to_string()),
        Just("أكثر من".to_string()),
        Just("بين".to_string()),
        Just("و".to_string()),
        Just("مقتل".to_string()),
        Just("قتيلاً".to_string()),
        Just("٪".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just("e".to_string()),
        Just("^".to_string()),
        Just("٫".to_string()),
        Just("\u{202A}".to_string()),
        Just("ً".to_string()),
        "[0-9٠-٩۰-۹.,،٬ ]{1,8}",
        "\\PC{0,6}",
    ]
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(parts in proptest::collection::vec(piece(), 0..12)) {
        let text = parts.join(" ");
        for m in find_numbers(&text) {
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
            prop_assert!(m.span.start <= m.span.end);
            if let Some((c, _)) = m.counted {
                prop_assert!(text.get(c.start..c.end).is_some());
            }
        }
        let _ = parse_cardinal_words(&text);
        let _ = parse_ordinal_word(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        for m in find_numbers(&text) {
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
        }
    }
}

#[test]
fn helpers_read_words() {
    let n = hadath_text::normalize_for_match;
    assert_eq!(parse_cardinal_words(&n("خمسة وعشرون")), Some(25.0));
    assert_eq!(parse_cardinal_words(&n("ثلاثة آلاف وخمسمئة")), Some(3500.0));
    assert_eq!(parse_cardinal_words(&n("مئتان")), Some(200.0));
    assert_eq!(parse_cardinal_words(&n("الوزير")), None);
    assert_eq!(parse_ordinal_word(&n("الحادي عشر")), Some(11));
    assert_eq!(parse_ordinal_word(&n("العاشر")), Some(10));
    assert_eq!(parse_ordinal_word(&n("الخامسة والعشرون")), Some(25));
}
