//! Meetings on our own sentences: their place, who took part, their mediator, and nouns that
//! point back at a meeting already told.

use hadath_events::eval::analyse_text;
use hadath_text::{Actor, Date, Document, Event};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 3, 20))
}

fn countries(actors: &[Actor]) -> Vec<String> {
    let mut c: Vec<String> = actors.iter().filter_map(|a| a.country.clone()).collect();
    c.sort();
    c
}

fn consults(doc: &Document) -> Vec<&Event> {
    doc.events.iter().filter(|e| e.event_type == "CONSULT").collect()
}

fn place(e: &Event) -> Option<&str> {
    e.location.as_ref().and_then(|l| l.name.as_deref())
}

#[test]
fn small_city_after_a_place_noun_is_the_meeting_place() {
    // The place is in a relative clause on the host, after "في منتجع".
    let doc = code(
        "اجتمع وزيرا خارجية السودان وتشاد أمس برعاية العاهل المغربي الذي استقبلهما في منتجع أكادير الساحلي.",
    );
    let c = consults(&doc);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(place(c[0]), Some("Agadir"), "{c:#?}");
    // A meeting named after its city: "محادثات يالطا".
    let doc = code("عقد وزيرا خارجية السودان وتشاد محادثات يالطا أمس.");
    assert_eq!(place(consults(&doc)[0]), Some("Yalta"), "{:#?}", doc.events);
    // Without "في" and a place noun, or after a noun that is no meeting, there is no place.
    for text in [
        "اجتمع وزيرا خارجية السودان وتشاد أمس برعاية العاهل المغربي أكادير.",
        "اجتمع وزيرا خارجية السودان وتشاد وبحثا مستقبل أكادير.",
    ] {
        let doc = code(text);
        assert!(consults(&doc).iter().all(|e| e.location.is_none()), "{text}: {:#?}", doc.events);
    }
}
