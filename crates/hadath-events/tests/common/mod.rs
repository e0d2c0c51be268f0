//! Shared by the event tests: coding a text, and checking that sentences report an event or
//! only mention one. Each test file uses some of these, so unused ones are allowed.
#![allow(dead_code)]

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document, Event, EventStatus};

/// Whether the sentence, published on `published`, yields an occurred event of the type.
fn reports(published: Option<Date>, ty: &str, text: &str) -> bool {
    let doc = analyse_text("t", text, published);
    doc.events.iter().any(|e| e.event_type == ty && e.status == EventStatus::Occurred)
}

/// Every sentence of `yes` reports an event of the type and none of `no` does; all failures
/// are listed at once.
pub fn check(published: Option<Date>, ty: &str, yes: &[&str], no: &[&str]) {
    let mut failures = Vec::new();
    for s in yes {
        if !reports(published, ty, s) {
            failures.push(format!("missed: {s}"));
        }
    }
    for s in no {
        if reports(published, ty, s) {
            failures.push(format!("coded a mention: {s}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Codes a text published on 20 March 2023, the date the event-role tests write against.
pub fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 3, 20))
}

/// The document's events of one type, in order.
pub fn of_type<'a>(doc: &'a Document, ty: &str) -> Vec<&'a Event> {
    doc.events.iter().filter(|e| e.event_type == ty).collect()
}

/// The codes of some actors, in order.
pub fn codes(actors: &[hadath_text::Actor]) -> Vec<String> {
    actors.iter().filter_map(|a| a.code.clone()).collect()
}

/// The countries of some actors, in order.
pub fn countries(actors: &[hadath_text::Actor]) -> Vec<String> {
    actors.iter().filter_map(|a| a.country.clone()).collect()
}

/// The document's first occurred event of one type; panics with the events when there is none.
pub fn occurred<'a>(doc: &'a Document, ty: &str) -> &'a Event {
    doc.events
        .iter()
        .find(|e| e.event_type == ty && e.status == EventStatus::Occurred)
        .unwrap_or_else(|| panic!("no occurred {ty} event in {:#?}", doc.events))
}
