//! Fuzz target: any bytes, read in every format, laid out and normalised, must not panic and
//! must give spans that slice the text. Run with `cargo fuzz run ingest` from
//! `crates/hadath-ingest`.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in common::read_and_check(data, &["f.txt", "f.html", "f.jsonl", "f.warc", "f.gz", "f"]) {
        let _ = hadath_text::normalize::normalize_mapped(&doc.text);
    }
});
