//! The country an actor is scored with (IGOs) and actors named by a nationality plural, on our own sentences.

mod common;
use common::occurred;

use hadath_events::eval::{actor_country, analyse_text};
use hadath_text::{Date, Document};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2012, 3, 9))
}

#[test]
fn an_intergovernmental_body_is_scored_as_igo() {
    for s in [
        "وأكد حلف الناتو أنه قتل نحو أربعين مسلحا في ولاية قندوز أمس.",
        "وقصفت طائرات حلف شمال الأطلسي مواقع للمتمردين قرب مصراتة أمس.",
    ] {
        let doc = code(s);
        let e = occurred(&doc, "ASSAULT");
        let src = e.source.first().unwrap_or_else(|| panic!("no source: {s}\n{e:#?}"));
        assert_eq!(actor_country(src).as_deref(), Some("IGO"), "{s}\n{e:#?}");
    }
}

#[test]
fn a_transnational_armed_group_is_scored_as_img() {
    let s = "وتبنى تنظيم القاعدة الهجوم الذي قتل فيه سبعة جنود قرب الحدود أمس.";
    let doc = code(s);
    let found: Vec<_> =
        doc.events.iter().flat_map(|e| e.source.iter().chain(&e.target)).filter_map(actor_country).collect();
    assert!(found.iter().any(|c| c == "IMG"), "{s}\n{:#?}", doc.events);
}

#[test]
fn a_country_or_a_group_is_not_scored_as_igo() {
    // A state's army keeps its country.
    let doc = code("وقال الجيش الفرنسي إن قواته قتلت أربعة مسلحين أمس قرب الحدود.");
    let e = occurred(&doc, "ASSAULT");
    assert_eq!(e.source.first().and_then(actor_country).as_deref(), Some("FRA"), "{e:#?}");
    // Unnamed armed men have no country at all.
    let doc = code("وقتل مسلحون مجهولون شرطيا أمس في وسط المدينة.");
    let e = occurred(&doc, "ASSAULT");
    assert!(e.source.iter().all(|a| actor_country(a).as_deref() != Some("IGO")), "{e:#?}");
}
