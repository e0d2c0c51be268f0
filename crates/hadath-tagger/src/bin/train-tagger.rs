//! Trains the NER tagger on an ANERcorp CoNLL file and writes the binary model.
//!
//! Usage: `train-tagger TRAIN.conll OUT.bin [--clusters CLUSTERS.bin] [--lexicon-root REPO] [--holdout 0.1] [--epochs N]`

use hadath_tagger::conll::Scores;
use hadath_tagger::features::WordClasses;
use hadath_tagger::gazetteer::Gazetteer;
use hadath_tagger::labels::LABELS;
use hadath_tagger::model::Model;
use hadath_tagger::train::{read_examples, train, Example, TrainOptions};
use hadath_tagger::Tagger;
use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

fn score(model: &Model, test: &[Example]) -> Scores {
    let tagger = Tagger::from_model(model.clone());
    let mut s = Scores::default();
    for ex in test {
        let toks: Vec<&str> = ex.tokens.iter().map(String::as_str).collect();
        let gold: Vec<&str> = ex.labels.iter().map(|l| LABELS[*l as usize]).collect();
        s.add(&gold, &tagger.tag(&toks));
    }
    s
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut holdout = 0.1f64;
    let mut opts = TrainOptions::default();
    let mut clusters: Option<String> = None;
    let mut lexicon_root: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--holdout" => {
                i += 1;
                holdout = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --holdout")?;
            }
            "--epochs" => {
                i += 1;
                opts.epochs = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --epochs")?;
            }
            "--min-count" => {
                i += 1;
                opts.min_count = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --min-count")?;
            }
            "--lexicon-root" => {
                i += 1;
                lexicon_root = Some(args.get(i).ok_or("bad --lexicon-root")?.clone());
            }
            "--clusters" => {
                i += 1;
                clusters = Some(args.get(i).ok_or("bad --clusters")?.clone());
            }
            a => pos.push(a.to_string()),
        }
        i += 1;
    }
    let [train_path, out_path] = pos.as_slice() else {
        return Err(
            "usage: train-tagger TRAIN.conll OUT.bin [--clusters F] [--lexicon-root DIR] [--holdout 0.1] [--epochs N]"
                .into(),
        );
    };
    let file = File::open(train_path).map_err(|e| format!("{train_path}: {e}"))?;
    let examples = read_examples(BufReader::new(file), 1).map_err(|e| e.to_string())?;
    let classes = match &clusters {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            Model::from_bytes(&bytes).map_err(|e| e.to_string())?.classes
        }
        None => WordClasses::default(),
    };
    let gazetteer = match &lexicon_root {
        Some(root) => Gazetteer::from_repo(std::path::Path::new(root)),
        None => Gazetteer::default(),
    };
    eprintln!("gazetteer: {} phrases", gazetteer.map.len());
    let cut = ((examples.len() as f64) * (1.0 - holdout)).round() as usize;
    let cut = cut.min(examples.len());
    let (tr, te) = examples.split_at(cut);
    eprintln!("training on {} sentences, holding out {}; {} word classes", tr.len(), te.len(), classes.map.len());
    let started = Instant::now();
    let model = train(tr, classes, gazetteer, &opts, |epoch, mistakes, m| {
        if te.is_empty() {
            eprintln!("epoch {epoch}: {mistakes} wrong sentences, {:.1}s", started.elapsed().as_secs_f64());
            return;
        }
        let s = score(m, te);
        let per: Vec<String> = s.per_type.iter().map(|(k, c)| format!("{k} {:.3}", c.f1())).collect();
        eprintln!(
            "epoch {epoch}: {mistakes} wrong; held-out F1 {:.4} (P {:.4} R {:.4}) [{}] {:.1}s",
            s.overall.f1(),
            s.overall.precision(),
            s.overall.recall(),
            per.join(", "),
            started.elapsed().as_secs_f64()
        );
    });
    let mut model = model;
    model.train_sentences = cut as u32;
    model.total_sentences = examples.len() as u32;
    let bytes = model.to_bytes();
    std::fs::write(out_path, &bytes).map_err(|e| format!("{out_path}: {e}"))?;
    eprintln!("wrote {out_path}: {} features, {} bytes", model.keys.len(), bytes.len());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-tagger: {e}");
            ExitCode::FAILURE
        }
    }
}
