//! Event coding: PLOVER events with actors, status, date, place, casualties and evidence.
//!
//! Triggers come from `data/events/patterns.txt`, compiled into one automaton over the
//! tokens' normalised forms; roles, status, date, place and casualties are read from the
//! clause around each trigger and the other layers of the [`Document`].

pub mod clause;
pub mod coder;
mod crowds;
mod duals;
pub mod eval;
mod own_side;
pub mod patterns;
pub mod quotes;
mod words;

use hadath_text::Document;

pub use patterns::{Pattern, PatternError, PatternSet};

/// Fills `doc.events` and `doc.quotes` from the other layers.
pub fn annotate_events(doc: &mut Document) {
    coder::code_document(doc);
}
