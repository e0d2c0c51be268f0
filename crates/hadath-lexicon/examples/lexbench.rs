//! Measures lexicon load time and matching speed (per CPU second) over the ANT corpus, and lists top entities.
//!
//! Run: `cargo run --release -p hadath-lexicon --example lexbench [-- MAX_DOCS]` from the repo root.

use flate2::read::GzDecoder;
use hadath_lexicon::Lexicon;
use hadath_text::{Date, Document};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::time::Instant;

/// Nanoseconds this process has run on a CPU (Linux), so that a busy machine does not skew speeds.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

/// Seconds on CPU since `start` when available, else wall-clock seconds.
fn secs(t: Instant, cpu0: Option<u64>) -> f64 {
    match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => t.elapsed().as_secs_f64(),
    }
}

fn main() {
    let max: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(usize::MAX);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/corpus/ant-v2.1.jsonl.gz");
    let (t, c0) = (Instant::now(), cpu_ns());
    let lex = Lexicon::get();
    let load = secs(t, c0);
    println!(
        "lexicon load (CPU time): {:.1} ms ({} entries, {} patterns)",
        load * 1e3,
        lex.entries().len(),
        lex.pattern_count()
    );
    let Ok(f) = std::fs::File::open(path) else {
        println!("skipped: data pack not found");
        return;
    };
    let mut docs = Vec::new();
    for line in BufReader::new(GzDecoder::new(f)).lines().map_while(Result::ok).take(max) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let mut d = Document::new(v["id"].as_str().unwrap_or(""), v["text"].as_str().unwrap_or(""));
        d.published.value = v["published"].as_str().and_then(Date::parse_iso);
        docs.push(d);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    if std::env::var("PROFILE_ANNOTATE").is_ok() {
        // Only the stage the pipeline runs: annotate over documents whose tokens are set, 5 times.
        for d in docs.iter_mut() {
            // One body paragraph per line, as layout gives plain text.
            let mut start = 0;
            for line in d.text.split_inclusive('\n') {
                let span = hadath_text::Span::new(start, start + line.trim_end().len());
                start += line.len();
                if !span.is_empty() {
                    let kind = hadath_text::ParagraphKind::Body;
                    d.paragraphs.push(hadath_text::Paragraph { span, kind, lang: hadath_text::Lang::Arabic });
                }
            }
            hadath_text::segment::segment_document(d);
        }
        let ntok: usize = docs.iter().map(|d| d.tokens.len()).sum();
        println!("segmented: {ntok} tokens");
        let (t, c0) = (Instant::now(), cpu_ns());
        for _ in 0..5 {
            for d in docs.iter_mut() {
                lex.annotate(d);
            }
        }
        let el = secs(t, c0);
        println!("annotate after segment_document, 5 rounds: {:.1} MB/s", 5.0 * bytes as f64 / 1e6 / el);
        return;
    }
    let (t, c0) = (Instant::now(), cpu_ns());
    let ntok: usize = docs.iter().map(|d| hadath_text::tokenize(&d.text).len()).sum();
    let el = secs(t, c0);
    println!("hadath_text::tokenize alone: {ntok} tokens, {:.1} MB/s", bytes as f64 / 1e6 / el);
    // Tokenising is part of what annotate does when a document comes without tokens.
    let (t, c0) = (Instant::now(), cpu_ns());
    let mut n = 0;
    let mut counts: HashMap<(String, String, String), usize> = HashMap::new();
    for d in docs.iter_mut() {
        lex.annotate(d);
        n += d.entities.len();
    }
    let el = secs(t, c0);
    println!(
        "annotate (tokenise + match + resolve): {} docs, {:.1} MB, {n} entities, {:.2} s, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        el,
        bytes as f64 / 1e6 / el
    );
    // Matching alone over pre-tokenised documents.
    for d in docs.iter_mut() {
        d.tokens = hadath_text::tokenize(&d.text);
    }
    let (t, c0) = (Instant::now(), cpu_ns());
    let mut n_matches = 0;
    for d in docs.iter() {
        let norms: Vec<&str> = d.tokens.iter().map(|t| t.norm.as_str()).collect();
        n_matches += lex.match_tokens(&norms).len();
    }
    let el = secs(t, c0);
    println!("match_tokens alone: {n_matches} matches, {:.1} MB/s", bytes as f64 / 1e6 / el);
    let (t, c0) = (Instant::now(), cpu_ns());
    for d in docs.iter_mut() {
        lex.annotate(d);
    }
    let el = secs(t, c0);
    println!("annotate with tokens given (match + resolve): {:.1} MB/s", bytes as f64 / 1e6 / el);
    for d in &docs {
        for e in &d.entities {
            let key = (d.slice(e.span).to_string(), format!("{:?}", e.kind), e.name.clone());
            *counts.entry(key).or_default() += 1;
        }
    }
    let mut top: Vec<_> = counts.into_iter().collect();
    top.sort_by_key(|x| std::cmp::Reverse(x.1));
    let show: usize = std::env::var("TOP").ok().and_then(|v| v.parse().ok()).unwrap_or(60);
    for ((s, k, name), c) in top.into_iter().take(show) {
        println!("{c}\t{s}\t{k}\t{name}");
    }
    if std::env::var("DISCOVER").is_ok() {
        let out = hadath_lexicon::discover::discover(docs.into_iter(), 40);
        println!("{out}");
    }
}
