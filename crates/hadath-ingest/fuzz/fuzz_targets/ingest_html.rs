//! Fuzz target: any bytes read as a `.html` input (and as its gzipped name) must not panic and
//! must give paragraph spans that slice the text. Run with `cargo fuzz run ingest_html` from
//! `crates/hadath-ingest`.
#![no_main]

use hadath_ingest::{read_bytes, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["f.html", "f.html.gz"] {
        for doc in read_bytes(name, data, &IngestOptions::default()) {
            for p in &doc.paragraphs {
                assert!(doc.text.get(p.span.start..p.span.end).is_some());
            }
            if let Some(t) = doc.title {
                assert!(doc.text.get(t.start..t.end).is_some());
            }
        }
    }
});
