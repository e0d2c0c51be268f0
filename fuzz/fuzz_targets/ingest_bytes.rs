//! Fuzz target: reading any bytes as a document must never panic, and every span of every
//! layer it fills must slice the document text exactly.
#![no_main]

use hadath_ingest::{read_bytes, IngestOptions};
use hadath_text::Span;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, span: Span) {
    assert!(span.start <= span.end, "reversed span {span:?}");
    assert!(text.get(span.start..span.end).is_some(), "span {span:?} does not slice the text");
}

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions::default();
    for mut doc in read_bytes("fuzz", data, &opts) {
        hadath_text::segment::segment_document(&mut doc);
        let t = doc.text.as_str();
        for p in &doc.paragraphs {
            check(t, p.span);
        }
        for s in doc.title.iter().chain(doc.dateline.iter()).chain(doc.sentences.iter()) {
            check(t, *s);
        }
        for tok in &doc.tokens {
            check(t, tok.span);
        }
        if let Err(e) = doc.check_spans() {
            panic!("{e}");
        }
    }
});
