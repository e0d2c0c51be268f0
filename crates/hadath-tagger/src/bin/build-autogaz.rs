//! Adds corpus tagging statistics to the word classes: how the sentence model labels each word
//! across unannotated news (a self-trained gazetteer).
//!
//! Usage: `build-autogaz MODEL.bin CLASSES.bin OUT.bin CORPUS.jsonl.gz`
//!
//! The output is CLASSES.bin with each known word's `auto` byte set (see `WordClass::auto`).

use flate2::read::GzDecoder;
use hadath_tagger::features::word_key;
use hadath_tagger::model::Model;
use hadath_tagger::Tagger;
use hadath_text::tokenize;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;
use std::time::Instant;

const MAX_SENTENCE: usize = 60;

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model_path, classes_path, out, corpus] = args.as_slice() else {
        return Err("usage: build-autogaz MODEL.bin CLASSES.bin OUT.bin CORPUS.jsonl.gz".into());
    };
    let read = |p: &str| std::fs::read(p).map_err(|e| format!("{p}: {e}"));
    let tagger = Tagger::from_bytes(&read(model_path)?).map_err(|e| e.to_string())?;
    let mut classes = Model::from_bytes(&read(classes_path)?).map_err(|e| e.to_string())?.classes;
    let started = Instant::now();
    let mut counts: HashMap<u64, [u32; 5]> = HashMap::new();
    let f = File::open(corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let mut tokens_seen = 0usize;
    for line in BufReader::new(GzDecoder::new(f)).lines() {
        let line = line.map_err(|e| format!("{corpus}: {e}"))?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let Some(text) = v.get("text").and_then(|x| x.as_str()) else {
            continue;
        };
        let toks = tokenize(text);
        let mut start = 0;
        while start < toks.len() {
            let mut end = start;
            while end < toks.len() && end - start < MAX_SENTENCE {
                end += 1;
                if matches!(toks[end - 1].norm.as_str(), "." | "!" | "?") {
                    break;
                }
            }
            let words: Vec<&str> = toks[start..end].iter().map(|t| t.span.slice(text)).collect();
            let tags = tagger.tag_ids(&words);
            for (t, l) in toks[start..end].iter().zip(tags) {
                let c = counts.entry(word_key(&t.norm)).or_insert([0; 5]);
                c[(l as usize).div_ceil(2)] += 1;
            }
            tokens_seen += end - start;
            start = end;
        }
    }
    eprintln!("tagged {tokens_seen} tokens ({:.1}s)", started.elapsed().as_secs_f64());
    let mut known = 0;
    for (k, c) in classes.map.iter_mut() {
        let Some(n) = counts.get(k) else {
            continue;
        };
        let total: u32 = n.iter().sum();
        if total < 3 {
            continue;
        }
        let entity = total - n[0];
        c.auto = if entity == 0 {
            0x0b
        } else {
            let best = (1..5).max_by_key(|i| (n[*i], std::cmp::Reverse(*i))).unwrap_or(1) as u8;
            let share = ((entity * 10 + total / 2) / total).min(10) as u8;
            best << 4 | share
        };
        known += 1;
    }
    let model = Model { classes, ..Model::empty() };
    std::fs::write(out, model.to_bytes()).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {known} words with corpus statistics ({:.1}s)", started.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build-autogaz: {e}");
            ExitCode::FAILURE
        }
    }
}
