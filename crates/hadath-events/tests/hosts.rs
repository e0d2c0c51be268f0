//! Who hosts, on our own sentences: a city that hosts is where the meeting was held, never
//! one of its actors, and a pronoun before a verb of receiving is its subject.

mod common;
use common::code;

use hadath_text::{Actor, Document, Event};
fn consult(doc: &Document) -> &Event {
    let c: Vec<&Event> = doc.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(c.len(), 1, "{:#?}", doc.events);
    c[0]
}

fn codes(actors: &[Actor]) -> Vec<String> {
    actors.iter().filter_map(|a| a.code.clone()).collect()
}

#[test]
fn city_that_hosts_is_the_place_and_the_guests_take_part() {
    let doc = code("واستضافت إسطنبول أمس وفدي روسيا وأوكرانيا.");
    let c = consult(&doc);
    // Two guests meet as two parties: one side each, as "التقى X بـ Y".
    assert_eq!(codes(&c.source), vec!["RUS"], "{c:#?}");
    assert_eq!(codes(&c.target), vec!["UKR"], "{c:#?}");
    assert!(c.mediator.is_empty(), "{c:#?}");
    assert_eq!(c.location.as_ref().and_then(|l| l.name.as_deref()), Some("Istanbul"));
    // A person who hosts in the city hosts the guests (CAMEO 045, third party).
    let doc = code("واستضاف الرئيس التركي في إسطنبول أمس وفدي روسيا وأوكرانيا.");
    let c = consult(&doc);
    assert_eq!(codes(&c.source), vec!["TURGOV"], "{c:#?}");
    assert_eq!(codes(&c.target), vec!["RUS", "UKR"], "{c:#?}");
    assert_eq!(c.cameo, "045");
}

#[test]
fn pronoun_before_a_verb_of_receiving_is_its_subject() {
    let doc = code("ونشر الرئيس التونسي صورة ظهر فيها وهو يستقبل رئيس الحكومة الليبية في قصر قرطاج.");
    let c = consult(&doc);
    assert_eq!(codes(&c.source), vec!["TUNGOV"], "{c:#?}");
    assert_eq!(codes(&c.target), vec!["LBYGOV"], "{c:#?}");
    // With no pronoun, who follows the verb is its subject.
    let doc = code("وفي الصورة يستقبل رئيس الحكومة الليبية الرئيس التونسي.");
    let c = consult(&doc);
    assert_eq!(codes(&c.source), vec!["LBYGOV"], "{c:#?}");
    assert_eq!(codes(&c.target), vec!["TUNGOV"], "{c:#?}");
}
