//! A speaker's own forces in what it reports ("قال الجيش إن قواته ..."), on our own sentences.

mod common;
use common::{countries, occurred};

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2011, 6, 14))
}

#[test]
fn forces_of_the_speaker_did_what_it_reports() {
    for s in [
        "وقال الجيش الفرنسي إن قواته قتلت أربعة مسلحين أمس قرب الحدود.",
        "وأعلن الجيش الكندي في بيان أن جنوده قتلوا ستة مقاتلين في اشتباك ليلي.",
        "وذكر الجيش الإيطالي أن طائراته قصفت مواقع للمتمردين في الشمال أمس.",
    ] {
        let doc = code(s);
        let e = occurred(&doc, "ASSAULT");
        assert_eq!(countries(&e.source).len(), 1, "{s}\n{e:#?}");
        assert!(["FRA", "CAN", "ITA"].contains(&countries(&e.source)[0].as_str()), "{s}\n{e:#?}");
    }
    // What was attacked, after the verb, is its object and not its subject.
    let doc = code("وذكر الجيش الإيطالي أن طائراته قصفت مواقع للمتمردين في الشمال أمس.");
    let e = occurred(&doc, "ASSAULT");
    assert!(!e.target.is_empty(), "{e:#?}");
    assert!(countries(&e.target).is_empty(), "{e:#?}");
}

#[test]
fn forces_of_the_speaker_killed_with_no_object_are_its_victims() {
    let doc = code("وأعلن الجيش البريطاني أن اثنين من جنوده قتلوا أمس في انفجار عبوة جنوب البلدة.");
    let e = occurred(&doc, "ASSAULT");
    assert_eq!(countries(&e.target), vec!["GBR"], "{e:#?}");
    assert!(!countries(&e.source).contains(&"GBR".to_string()), "{e:#?}");
}

#[test]
fn forces_of_someone_else_are_not_the_speaker() {
    // A second subordinator: the pronoun stands for the police, not for the army.
    let doc = code("وقال الجيش الفرنسي إن الشرطة المحلية أكدت أن عناصرها قتلوا مسلحا أمس.");
    let e = occurred(&doc, "ASSAULT");
    assert!(!countries(&e.source).contains(&"FRA".to_string()), "{e:#?}");
    // No possessive: armed men of no country are not the speaker's forces.
    let doc = code("وقال الجيش الفرنسي إن مسلحين قتلوا جنديا أمس قرب الثكنة.");
    let e = occurred(&doc, "ASSAULT");
    assert!(!countries(&e.source).contains(&"FRA".to_string()), "{e:#?}");
}

#[test]
fn a_machine_of_war_with_a_nationality_is_who_struck() {
    for (s, want) in [
        ("وقصفت طائرات إسرائيلية أمس مواقع في جنوب البلدة.", "ISR"),
        ("وأسفرت غارة شنتها طائرة فرنسية أمس على قرية عن مقتل أربعة.", "FRA"),
        ("وقتل ثلاثة مسلحين في غارة جوية شنتها مروحية بريطانية أمس.", "GBR"),
    ] {
        let doc = code(s);
        let e = occurred(&doc, "ASSAULT");
        assert_eq!(countries(&e.source), vec![want], "{s}\n{e:#?}");
    }
    // A verb with its subject in its ending has the machine as its object.
    let doc = code("واستهدفوا أمس طائرات بريطانية رابضة في المطار بقذائف.");
    let e = occurred(&doc, "ASSAULT");
    assert!(!countries(&e.source).contains(&"GBR".to_string()), "{e:#?}");
}
