//! Throughput of `find_numbers` over the ANT corpus:
//! `cargo run --release -p hadath-numbers --example numbers_bench [PATH] [MAX_ARTICLES]`.

use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/corpus/ant-v2.1.jsonl.gz".to_string());
    let max: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(5000);
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let texts: Vec<String> = reader
        .lines()
        .map_while(Result::ok)
        .take(max)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let start = Instant::now();
    let mut mentions = 0;
    let mut counted = 0;
    for t in &texts {
        for m in hadath_numbers::find_numbers(t) {
            mentions += 1;
            counted += m.counted.is_some() as usize;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} articles, {:.1} MB, {:.2} s, {:.1} MB/s, {} mentions ({} with a counted noun)",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        mentions,
        counted
    );
    let start = Instant::now();
    let mut total = 0;
    for t in &texts {
        total += hadath_text::normalize::normalize_mapped(t).text.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("normalize_mapped alone: {:.1} MB/s ({total} bytes)", bytes as f64 / 1e6 / secs);
    let sentence = "في هذا النص لا توجد أي كلمة تدل على شيء يعد، فالحديث هنا عن الطقس والسياسة العامة.";
    let start = Instant::now();
    let mut n = 0;
    for _ in 0..20000 {
        n += hadath_numbers::find_numbers(sentence).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let plain_len = sentence.len() * 20000;
    println!("number-free Arabic sentences: {:.1} MB/s ({n} mentions)", plain_len as f64 / 1e6 / secs);
}
