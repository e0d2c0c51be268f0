//! Times ingest (read and lay out) and segmentation (`segment_document`) apart, for measuring
//! the text core: `cargo run --release -p hadath-ingest --example segment_stats -- PATH [ROUNDS]`.
//!
//! With `DEFER_LAYOUT=1` the stream does only the in-order part of the layout and
//! `finish_layout` is timed apart. Documents are read once; segmentation then runs `ROUNDS`
//! times over all of them. Layout
//! leaves each document's normalised text in `Document::norm`, which segmentation reuses, as
//! in the pipeline; set `RENORMALISE=1` to drop it before each round.

use hadath_ingest::{open, IngestOptions};
use hadath_text::segment::segment_document;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: segment_stats PATH [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.to_str()?.parse().ok()).unwrap_or(1);
    // DEFER_LAYOUT=1: the stream does only the in-order part; the layout is timed apart.
    let defer = std::env::var_os("DEFER_LAYOUT").is_some();
    let stream = match open(&[path], &IngestOptions { defer_layout: defer, ..Default::default() }) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let mut docs: Vec<_> = stream.collect();
    let ingest = start.elapsed().as_secs_f64().max(1e-9);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("documents {}, text {mb:.1} MB", docs.len());
    println!("ingest   {ingest:.3} s, {:.1} MB/s", mb / ingest);
    if defer {
        let start = Instant::now();
        docs.iter_mut().for_each(hadath_ingest::finish_layout);
        let layout = start.elapsed().as_secs_f64().max(1e-9);
        println!("layout   {layout:.3} s, {:.1} MB/s (finish_layout)", mb / layout);
    }
    let (mut best, mut tokens, mut sentences) = (f64::MAX, 0, 0);
    let renormalise = std::env::var_os("RENORMALISE").is_some();
    for _ in 0..rounds {
        if renormalise {
            for d in &mut docs {
                d.norm = None;
            }
        }
        let start = Instant::now();
        for d in &mut docs {
            segment_document(d);
        }
        best = best.min(start.elapsed().as_secs_f64().max(1e-9));
        tokens = docs.iter().map(|d| d.tokens.len()).sum::<usize>();
        sentences = docs.iter().map(|d| d.sentences.len()).sum::<usize>();
    }
    println!("segment  {best:.3} s, {:.1} MB/s (best of {rounds}), {sentences} sentences, {tokens} tokens", mb / best);
}
