//! Temporal layer: finds date and time expressions and resolves them; picks the publication date.

use hadath_text::{Date, Document, Published, PublishedBasis, TimeMention};

/// A reference point for resolution: a date and optionally a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: Date,
    /// Hours, minutes, seconds.
    pub time: Option<(u32, u32, u32)>,
}

/// Finds temporal expressions in `text` (byte spans), resolved against `reference` when given.
pub fn find_times(_text: &str, _reference: Option<Reference>) -> Vec<TimeMention> {
    Vec::new()
}

/// Chooses the publication date: metadata first, then the text, then `fallback`.
pub fn annotate_published(doc: &mut Document, fallback: Option<Date>) {
    if let Some(d) = doc.meta.published.filter(|_| !doc.meta.published_is_fallback) {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
    } else if let Some(d) = fallback.or(doc.meta.published) {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
    }
}

/// Fills `doc.times`, resolved against the publication date.
pub fn annotate_times(doc: &mut Document) {
    let reference = doc.published.value.map(|date| Reference { date, time: None });
    let mut out = Vec::new();
    for s in &doc.sentences {
        for mut t in find_times(s.slice(&doc.text), reference) {
            t.span.start += s.start;
            t.span.end += s.start;
            out.push(t);
        }
    }
    doc.times = out;
}
