//! Regression tests for inputs the `numbers` fuzz target found (written out as text, not binaries).

use hadath_numbers::find_numbers_detailed;

/// Bounds of a stated range must not overflow when a number is beyond the 64-bit range.
#[test]
fn huge_numbers_with_exclusive_bounds_do_not_overflow() {
    let huge = "9".repeat(40);
    for text in [
        format!("قتل أكثر من {huge} شخص"),
        format!("أصيب أقل من -{huge} جندي"),
        format!("بين {huge} و{huge}0 مدني"),
        format!("ما يزيد على {huge}"),
        "أكثر من 44444444444444444444444444443".to_string(),
    ] {
        for d in find_numbers_detailed(&text) {
            let m = &d.mention;
            assert!(text.get(m.span.start..m.span.end).is_some());
            if let (Some(a), Some(b)) = (m.min, m.max) {
                assert!(a <= b, "{text}: {a} > {b}");
            }
        }
    }
}
