//! Roles and actor countries of violence and protest events, on our own sentences.

mod common;
use common::{countries, occurred};

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2008, 3, 4))
}

#[test]
fn subject_before_a_kill_verb_with_no_object_is_the_victim() {
    let doc = code("قال متحدث عسكري إن ثلاثة جنود كنديين قتلوا أمس في انفجار لغم جنوب قندهار.");
    let e = occurred(&doc, "ASSAULT");
    assert_eq!(countries(&e.target), vec!["CAN"], "{e:#?}");
    assert!(countries(&e.source).is_empty(), "{e:#?}");
}

#[test]
fn object_pronoun_keeps_the_subject_as_killer() {
    let doc = code("وقالت الشرطة إن مسلحين قتلوه أمس على طريق المطار.");
    let e = occurred(&doc, "ASSAULT");
    let src: Vec<_> = e.source.iter().filter_map(|a| a.sector.clone()).collect();
    assert_eq!(src, vec!["UAF"], "{e:#?}");
}

#[test]
fn bomber_in_a_phrase_after_the_verb_is_not_the_victim() {
    let doc = code("قتل شرطي فرنسي أمس في هجوم انتحاري قرب ثكنة للدرك.");
    let e = occurred(&doc, "ASSAULT");
    assert_eq!(countries(&e.target), vec!["FRA"], "{e:#?}");
    assert!(e.target.iter().all(|a| a.sector.as_deref() != Some("UAF")), "{e:#?}");
}

#[test]
fn nationality_adjective_after_an_agent_gives_its_country() {
    let doc = code("أطلق جنود أتراك النار على مهربين عند الحدود مساء أمس.");
    let e = occurred(&doc, "ASSAULT");
    assert_eq!(countries(&e.source), vec!["TUR"], "{e:#?}");
}

#[test]
fn who_is_among_the_victims_set_off_by_commas_keeps_them_the_subject() {
    // "، بينهم نساء،" is an aside: the counted civilians are still the subject of "قتلوا".
    let doc = code("وأفادت منظمة حقوقية بأن 14 مدنيا، بينهم نساء، قتلوا في القصف الأخير.");
    let e = occurred(&doc, "ASSAULT");
    let codes: Vec<_> = e.target.iter().filter_map(|a| a.code.clone()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| c == "CVL"), "{e:#?}");
    assert!(e.source.is_empty(), "{e:#?}");
    // Any other comma clause still ends the subject's clause: the kill has no actor here.
    let doc = code("ووصل 14 مدنيا إلى المستشفى، وقتل آخرون في القصف الأخير.");
    let e = occurred(&doc, "ASSAULT");
    assert!(e.source.is_empty(), "{e:#?}");
}

#[test]
fn toll_of_a_war_between_two_sides_is_theirs() {
    let doc = analyse_text(
        "t",
        "وفي ربيع 2019 دارت بين الهند وباكستان حرب استمرت أسبوعين وأسفرت عن مقتل نحو 300 شخص.",
        Date::new(2021, 3, 20),
    );
    let e = occurred(&doc, "ASSAULT");
    // Both are its sides, one each as in a clash of two (session 9): the first the source,
    // the other the target.
    assert_eq!(countries(&e.source), vec!["IND"], "{e:#?}");
    assert_eq!(countries(&e.target), vec!["PAK"], "{e:#?}");
    // A crisis between them is no fight: its toll has no sides.
    let doc = analyse_text(
        "t",
        "وفي ربيع 2019 نشبت بين الهند وباكستان أزمة استمرت أسبوعين وأسفرت عن مقتل نحو 300 شخص.",
        Date::new(2021, 3, 20),
    );
    assert!(occurred(&doc, "ASSAULT").source.is_empty(), "{:#?}", doc.events);
}
