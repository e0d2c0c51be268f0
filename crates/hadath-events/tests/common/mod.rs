//! Shared by the tests that sort sentences into reported events and mere mentions.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, EventStatus};

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
