//! Fuzz target: any bytes, read in every format, laid out and normalised, must not panic and
//! must give paragraph spans that slice the text. Run with `cargo fuzz run ingest` from
//! `crates/hadath-ingest`.
#![no_main]

use hadath_ingest::{read_bytes, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["f.txt", "f.html", "f.jsonl", "f.warc", "f.gz", "f"] {
        for doc in read_bytes(name, data, &IngestOptions::default()) {
            for p in &doc.paragraphs {
                assert!(doc.text.get(p.span.start..p.span.end).is_some());
            }
            let _ = hadath_text::normalize::normalize_mapped(&doc.text);
        }
    }
});
