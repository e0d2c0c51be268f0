//! Token boundaries against the gold tokens of ANERcorp, from the data pack when present.
//!
//! Each CoNLL sentence is rebuilt by joining its tokens with spaces and tokenised again; a
//! gold token counts as reproduced when one of our tokens has exactly its span.

use hadath_text::segment::dateline_prefix;
use hadath_text::{tokenize, Span};
use std::collections::HashSet;
use std::path::PathBuf;

fn conll_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner/anercorp-train.conll")
}

/// Sentences of a CoNLL file as lists of tokens (first column).
fn sentences(text: &str) -> Vec<Vec<&str>> {
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        match line.split('\t').next() {
            Some(tok) if !line.trim().is_empty() => out.last_mut().into_iter().for_each(|s| s.push(tok)),
            _ => {
                if out.last().is_some_and(|s| !s.is_empty()) {
                    out.push(Vec::new());
                }
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

#[test]
fn tokens_agree_with_anercorp() {
    let Ok(data) = std::fs::read_to_string(conll_path()) else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let (mut gold_total, mut reproduced, mut datelines) = (0usize, 0usize, 0usize);
    let sents = sentences(&data);
    for sent in &sents {
        let text = sent.join(" ");
        let mut gold = Vec::with_capacity(sent.len());
        let mut at = 0;
        for tok in sent {
            gold.push((at, at + tok.len()));
            at += tok.len() + 1;
        }
        let ours: HashSet<(usize, usize)> = tokenize(&text).iter().map(|t| (t.span.start, t.span.end)).collect();
        gold_total += gold.len();
        reproduced += gold.iter().filter(|g| ours.contains(g)).count();
        datelines += dateline_prefix(&text, Span::new(0, text.len())).is_some() as usize;
    }
    let rate = reproduced as f64 / gold_total.max(1) as f64;
    eprintln!(
        "ANERcorp train: {} sentences, {gold_total} gold tokens, {reproduced} reproduced ({:.2}%), \
         datelines at {datelines} sentence starts",
        sents.len(),
        100.0 * rate
    );
    assert!(rate > 0.98, "token agreement fell to {rate:.4}");
}
