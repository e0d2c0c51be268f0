//! A toll told in a strike named by its country ("في غارة جوية روسية") has that country's
//! forces as its source, and a consul named with a nationality adjective is that country's
//! envoy; on sentences of our own.

mod common;
use common::{code, countries, occurred};

#[test]
fn a_strike_with_a_nationality_adjective_is_the_source() {
    for (text, country) in [
        ("قتل أربعة مزارعين أمس في غارة جوية روسية على قرية قرب إدلب.", "RUS"),
        ("وأصيب ثلاثة رعاة بجروح بقصف تركي طال أطراف القرية ليلا.", "TUR"),
    ] {
        let doc = code(text);
        let e = occurred(&doc, "ASSAULT");
        assert_eq!(countries(&e.source).first().map(String::as_str), Some(country), "{text}\n{e:#?}");
    }
}

#[test]
fn a_strike_without_an_adjective_gives_no_source() {
    // The adjective of another noun ("الحدود التركية") is not the strike's.
    let text = "قتل أربعة مزارعين أمس في غارة جوية على قرية قرب الحدود التركية.";
    let doc = code(text);
    let e = occurred(&doc, "ASSAULT");
    assert!(countries(&e.source).is_empty(), "{text}\n{e:#?}");
}

#[test]
fn a_consul_with_a_nationality_is_the_target() {
    let text = "واختطف مسلحون مجهولون أمس القنصل المصري في مدينة بنغازي.";
    let doc = code(text);
    let e = occurred(&doc, "ASSAULT");
    assert_eq!(countries(&e.target).first().map(String::as_str), Some("EGY"), "{text}\n{e:#?}");
}
