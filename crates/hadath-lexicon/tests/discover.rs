//! Discovery of unknown names: on sentences of our own, and over the ANT corpus when present.

use hadath_lexicon::discover::discover;
use hadath_text::Document;
use std::io::{BufRead, BufReader};

#[test]
fn finds_unknown_names_after_titles_and_verbs() {
    let texts = [
        "قال زوربانوف إن الاتفاق صامد. وأكد زوربانوف أن الوفد سيعود.",
        "التقى الرئيس زوربانوف نظيره في العاصمة، وقال زوربانوف للصحفيين إن المحادثات مفيدة.",
        "قال بوتين إن الاجتماع مهم.",
    ];
    let docs = texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), *t));
    let out = discover(docs, 10);
    let first = out.lines().nth(1).unwrap_or("");
    assert!(first.starts_with("4\tزوربانوف"), "{out}");
    assert!(!out.contains("\tبوتين\t"), "known names are not listed:\n{out}");
}

#[test]
fn runs_over_the_ant_corpus_sample() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/corpus/ant-v2.1.jsonl.gz");
    let Ok(f) = std::fs::File::open(path) else {
        println!("skipped: data pack not found");
        return;
    };
    let docs =
        BufReader::new(flate2::read::GzDecoder::new(f)).lines().map_while(Result::ok).take(2000).filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).ok()?;
            Some(Document::new(v["id"].as_str()?, v["text"].as_str()?))
        });
    let out = discover(docs, 20);
    assert!(out.lines().count() > 5, "{out}");
}
