//! Times the temporal layer per sentence, as the pipeline runs it, over news JSON lines on stdin.
//!
//! `cargo run --release -p hadath-time --example time_stages < /tmp/ant3k.jsonl` prints the
//! sentence count, the mentions found and the throughput of `annotate_times`.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let docs: Vec<hadath_text::Document> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).ok()?;
            let mut doc = hadath_text::Document::new("d", v["text"].as_str()?);
            doc.published.value = v["published"].as_str().and_then(hadath_text::Date::parse_iso);
            // Every line is a paragraph, as ingest lays out plain text.
            let mut sentences = Vec::new();
            for line in hadath_text::segment::lines(&doc.text) {
                hadath_text::segment::sentences_in(&doc.text, line, &mut sentences);
            }
            doc.sentences = sentences;
            // Segmentation normalises the whole document once, as the pipeline does.
            doc.ensure_norm();
            Some(doc)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let rounds = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    // With a second argument, every mention is written to that file, for comparing builds.
    if let Some(path) = std::env::args().nth(2) {
        let mut out = String::new();
        for d in &docs {
            let mut d = d.clone();
            hadath_time::annotate_times(&mut d);
            for t in &d.times {
                out.push_str(&format!("{:?}\n", t));
            }
            out.push('\n');
        }
        std::fs::write(path, out).expect("write the dump");
    }
    let mut best = f64::MAX;
    let mut mentions = 0;
    for _ in 0..rounds {
        let mut docs = docs.clone();
        let t0 = Instant::now();
        mentions = 0;
        for d in &mut docs {
            hadath_time::annotate_times(d);
            mentions += d.times.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} docs, {sentences} sentences, {:.1} MB, {mentions} mentions, best of {rounds}: {:.3} s, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
