//! Numbers layer: cardinal and ordinal numbers, ranges from qualifiers, counted nouns.

use hadath_text::{Document, NumberMention};

/// Finds number mentions in a string; spans are byte offsets into `text`.
pub fn find_numbers(_text: &str) -> Vec<NumberMention> {
    Vec::new()
}

/// Fills `doc.numbers` from the document's sentences.
pub fn annotate_numbers(doc: &mut Document) {
    let mut out = Vec::new();
    for s in &doc.sentences {
        for mut n in find_numbers(s.slice(&doc.text)) {
            n.span.start += s.start;
            n.span.end += s.start;
            if let Some((c, _)) = n.counted.as_mut() {
                c.start += s.start;
                c.end += s.start;
            }
            out.push(n);
        }
    }
    doc.numbers = out;
}
