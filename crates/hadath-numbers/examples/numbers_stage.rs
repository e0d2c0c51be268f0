//! CPU speed of the numbers stage as the pipeline runs it (`annotate_numbers` after segmentation):
//! `cargo run --release -p hadath-numbers --example numbers_stage [PATH] [MAX_ARTICLES] [ROUNDS]`.
//!
//! PATH is JSON Lines with a `text` field, plain or gzipped (default: the ANT corpus of the
//! data pack). Each line of a text becomes a body paragraph, as plain-text layout does.

use hadath_text::{Document, Lang, Paragraph, ParagraphKind, Span};
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

/// Nanoseconds this process has run on a CPU (Linux), so that a busy machine does not skew speeds.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).cloned().unwrap_or_else(|| "../shared/data/corpus/ant-v2.1.jsonl.gz".to_string());
    let max: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let rounds: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let raw: Box<dyn Read> =
        if path.ends_with(".gz") { Box::new(flate2::read::GzDecoder::new(file)) } else { Box::new(file) };
    let mut docs: Vec<Document> = BufReader::new(raw)
        .lines()
        .map_while(Result::ok)
        .take(max)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(|t| Document::new("d", t)))
        .collect();
    for d in docs.iter_mut() {
        let mut start = 0;
        for line in d.text.split_inclusive('\n') {
            let span = Span::new(start, start + line.trim_end().len());
            start += line.len();
            if !span.is_empty() {
                d.paragraphs.push(Paragraph { span, kind: ParagraphKind::Body, lang: Lang::Arabic });
            }
        }
        hadath_text::segment::segment_document(d);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut best = f64::MAX;
    let mut check = 0u64;
    for _ in 0..rounds.max(1) {
        let (t, c0) = (Instant::now(), cpu_ns());
        check = 0;
        for d in docs.iter_mut() {
            hadath_numbers::annotate_numbers(d);
            for n in &d.numbers {
                check = check.wrapping_mul(31).wrapping_add((n.span.start ^ n.span.end) as u64 ^ n.value.to_bits());
            }
        }
        let secs = match (c0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => t.elapsed().as_secs_f64(),
        };
        best = best.min(secs);
    }
    let n: usize = docs.iter().map(|d| d.numbers.len()).sum();
    println!(
        "{} articles, {:.1} MB, best of {rounds}: {:.3} s CPU, {:.1} MB/s, {n} mentions, check {check:016x}",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
