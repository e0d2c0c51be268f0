//! Times ingest (read and lay out) and segmentation (`segment_document`) apart, for measuring
//! the text core: `cargo run --release -p hadath-ingest --example segment_stats -- PATH [ROUNDS]`.
//!
//! Documents are read once; segmentation then runs `ROUNDS` times over all of them. Layout
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
    let stream = match open(&[path], &IngestOptions::default()) {
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
