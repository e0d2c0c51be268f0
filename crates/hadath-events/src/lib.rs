//! Event coding: PLOVER events with actors, status, date, place, casualties and evidence.

use hadath_text::Document;

/// Fills `doc.events` and `doc.quotes` from the other layers.
pub fn annotate_events(_doc: &mut Document) {}
