//! Fuzz target: any bytes read as a `.html` input (and as its gzipped name) must not panic and
//! must give spans that slice the text. Run with `cargo fuzz run ingest_html` from
//! `crates/hadath-ingest`.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::read_and_check(data, &["f.html", "f.html.gz"]);
});
