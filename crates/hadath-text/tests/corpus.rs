//! Smoke test on real news from the data pack: spans stay exact and nothing panics.
//!
//! Reads the first articles of `../shared/data/corpus/ant-v2.1.jsonl.gz` when the data pack
//! is there, and skips with a message when it is not.

use hadath_text::segment::{dateline_prefix, lines, sentences_in};
use hadath_text::{normalize::normalize_mapped, tokenize, Lang};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

fn corpus_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus/ant-v2.1.jsonl.gz")
}

/// Article texts from the start of the corpus, up to about `max_bytes`.
fn articles(max_bytes: usize) -> Option<Vec<String>> {
    let file = std::fs::File::open(corpus_path()).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    let mut total = 0;
    for line in reader.lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            total += t.len();
            out.push(t.to_string());
        }
        if total >= max_bytes {
            break;
        }
    }
    Some(out)
}

#[test]
fn real_articles_keep_exact_spans() {
    let Some(texts) = articles(3_000_000) else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let (mut sentences, mut tokens, mut datelines, mut arabic, mut paragraphs) = (0, 0, 0, 0, 0);
    let started = Instant::now();
    for t in &texts {
        let nt = normalize_mapped(t);
        let whole = nt.to_original(0, nt.text.len());
        assert!(t.is_char_boundary(whole.start) && t.is_char_boundary(whole.end));
        for tok in tokenize(t) {
            assert!(t.get(tok.span.start..tok.span.end).is_some());
            tokens += 1;
        }
        for para in lines(t) {
            paragraphs += 1;
            arabic += (hadath_text::lang::detect(para.slice(t)) == Lang::Arabic) as usize;
            datelines += dateline_prefix(t, para).is_some() as usize;
            let mut out = Vec::new();
            sentences_in(t, para, &mut out);
            for s in &out {
                assert!(para.contains(*s) && t.get(s.start..s.end).is_some());
            }
            sentences += out.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} articles, {:.1} MB: {paragraphs} paragraphs ({arabic} Arabic, {datelines} datelines), \
         {sentences} sentences, {tokens} tokens in {secs:.2}s ({:.1} MB/s, test profile)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    assert!(sentences > texts.len());
}
