//! Runs the temporal layer over news JSON lines on stdin (`text`, `published`) and reports speed.
//!
//! `zcat ../shared/data/corpus/ant-v2.1.jsonl.gz | cargo run --release -p hadath-time --example time_corpus -- [SHOW]`
//! prints up to SHOW sample mentions per kind to stderr and the throughput on stdout.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let show: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let stdin = std::io::stdin();
    let docs: Vec<(String, Option<hadath_time::Reference>)> = stdin
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).ok()?;
            let text = v["text"].as_str()?.to_string();
            let reference = v["published"].as_str().and_then(hadath_time::Reference::parse);
            Some((text, reference))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let t0 = Instant::now();
    let mut total = 0;
    for (text, _) in &docs {
        total += hadath_text::normalize::normalize_mapped(text).text.len();
    }
    println!("normalize_mapped alone: {:.1} MB/s ({total})", bytes as f64 / 1e6 / t0.elapsed().as_secs_f64());
    let start = Instant::now();
    let mut mentions = 0;
    let mut shown = std::collections::HashMap::new();
    for (text, reference) in &docs {
        let found = hadath_time::find_times(text, *reference);
        mentions += found.len();
        if show > 0 {
            for t in found {
                let n = shown.entry(format!("{:?}", t.kind)).or_insert(0usize);
                if *n < show {
                    *n += 1;
                    let s = t.span.start.saturating_sub(40);
                    let mut a = s;
                    while !text.is_char_boundary(a) {
                        a -= 1;
                    }
                    let e = (t.span.end + 30).min(text.len());
                    let mut b = e;
                    while !text.is_char_boundary(b) {
                        b += 1;
                    }
                    eprintln!(
                        "{:?}\t{}\t{:?}\t{}\t…{}…",
                        t.kind,
                        reference.map(|r| r.date.iso()).unwrap_or_default(),
                        t.value,
                        &text[t.span.start..t.span.end],
                        text[a..b].replace('\n', " ")
                    );
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.1} MB, {} mentions, {:.2} s, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        mentions,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
