//! Who protests and against whom, read from the words around the crowd, on sentences of our own:
//! a nationality plural counted or after "من"، the residents of a place, and what follows "ضد"
//! or "احتجاجا على".

mod common;
use common::{code, countries, occurred};

/// The countries of the first occurred protest's sources and targets.
fn sides(text: &str) -> (Vec<String>, Vec<String>) {
    let doc = code(text);
    let e = occurred(&doc, "PROTEST");
    (countries(&e.source), countries(&e.target))
}

#[test]
fn a_counted_nationality_plural_is_the_crowd_country() {
    for (text, country) in [
        ("تظاهر مئات اليمنيين صباح الجمعة أمام مبنى البلدية.", "YEM"),
        ("وتجمع آلاف الأردنيين قرب الدوار الرئيسي للمطالبة بخفض الأسعار.", "JOR"),
        ("وتجمع المحتجون من التونسيين قرب مقر النقابة مساء أمس.", "TUN"),
    ] {
        let (src, _) = sides(text);
        assert_eq!(src.first().map(String::as_str), Some(country), "{text}");
    }
}

#[test]
fn the_residents_of_a_place_have_its_country() {
    let (src, _) = sides("وتظاهر أهالي مدينة صفاقس أمس احتجاجا على قرار البلدية إغلاق السوق القديم.");
    assert_eq!(src.first().map(String::as_str), Some("TUN"));
}

#[test]
fn who_is_protested_against_is_not_the_protester() {
    // The authorities after "احتجاجا على" are the target; the residents before protest.
    let text = "ونزل سكان مدينة القيروان إلى الشوارع أمس احتجاجا على قرار السلطات إغلاق السوق القديم.";
    let doc = code(text);
    let e = occurred(&doc, "PROTEST");
    assert_eq!(countries(&e.source), vec!["TUN".to_string()], "{e:#?}");
    assert!(e.source.iter().all(|a| a.sector.as_deref() != Some("GOV")), "{e:#?}");
    assert!(e.target.iter().any(|a| a.sector.as_deref() == Some("GOV")), "{e:#?}");
}

#[test]
fn a_nationality_plural_elsewhere_is_not_the_crowd() {
    // Those the crowd stands with, and a crowd with no nationality, give it no country.
    for text in ["تظاهر مئات الطلاب أمس تضامنا مع السوريين.", "وتجمع المتظاهرون قرب الجامعة للمطالبة بالإفراج عن زملائهم."]
    {
        let (src, _) = sides(text);
        assert!(src.is_empty(), "{text}: {src:?}");
    }
}

#[test]
fn what_is_protested_against_is_the_target() {
    let text = "وتواصلت المظاهرات الغاضبة ضد انتشار القوات الفرنسية في باماكو حيث أغلق المتظاهرون الطرق.";
    let (src, tgt) = sides(text);
    assert!(!src.contains(&"FRA".to_string()), "{text}: {src:?}");
    assert_eq!(tgt.first().map(String::as_str), Some("FRA"), "{text}: {tgt:?}");
}
