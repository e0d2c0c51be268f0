//! Trains the NER tagger on an ANERcorp CoNLL file and writes the binary model.
//!
//! Usage: `train-tagger TRAIN.conll OUT.bin [--clusters CLUSTERS.bin] [--lexicon-root REPO]
//! [--doc-model DOC.bin] [--holdout 0.1] [--epochs N] [--perceptron | --crf --lr 0.1 --l2 0.001] [--prune 0.1]
//! [--seed N] [--seeds K] [--extra MORE.conll [--extra-weight W]] [--also-score OTHER.conll]`
//!
//! The default learner is a linear-chain CRF (AdaGrad, 5 epochs, L2 0.001); `--perceptron` switches
//! to an averaged structured perceptron (12 epochs). `--doc-model` also trains the document model:
//! 5-fold first-pass labels of the training sentences feed its document-memory features.
//! `--seeds K` trains K models with different shuffle orders and averages their weights into
//! one model (the committed recipe uses 3). `--extra` adds the sentences of another CoNLL file
//! to the training part (never to the held-out part), their gradients scaled by `--extra-weight`.
//! `--also-score` reports the final tagger's F1 on another CoNLL file.

use hadath_tagger::conll::Scores;
use hadath_tagger::features::{memory_features, WordClasses};
use hadath_tagger::gazetteer::Gazetteer;
use hadath_tagger::labels::LABELS;
use hadath_tagger::model::Model;
use hadath_tagger::train::{read_examples, train, Example, TrainOptions};
use hadath_tagger::Tagger;
use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

fn score(tagger: &Tagger, test: &[Example]) -> Scores {
    let sentences: Vec<Vec<&str>> = test.iter().map(|ex| ex.tokens.iter().map(String::as_str).collect()).collect();
    let pred = tagger.tag_document(&sentences);
    let mut s = Scores::default();
    for (ex, p) in test.iter().zip(pred) {
        let gold: Vec<&str> = ex.labels.iter().map(|l| LABELS[*l as usize]).collect();
        s.add(&gold, &p);
    }
    s
}

fn report(label: &str, epoch: usize, mistakes: usize, s: &Scores, secs: f64) {
    let per: Vec<String> = s.per_type.iter().map(|(k, c)| format!("{k} {:.3}", c.f1())).collect();
    eprintln!(
        "{label} epoch {epoch}: {mistakes} wrong; held-out F1 {:.4} (P {:.4} R {:.4}) [{}] {secs:.1}s",
        s.overall.f1(),
        s.overall.precision(),
        s.overall.recall(),
        per.join(", ")
    );
}

/// First-pass labels for every training sentence from models that did not see it (k-fold).
fn jackknife(
    tr: &[Example],
    classes: &WordClasses,
    gazetteer: &Gazetteer,
    opts: &TrainOptions,
    folds: usize,
) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::new(); tr.len()];
    for f in 0..folds {
        let (a, b) = (f * tr.len() / folds, (f + 1) * tr.len() / folds);
        let sub: Vec<Example> = tr[..a].iter().chain(&tr[b..]).cloned().collect();
        let m = train(&sub, classes.clone(), gazetteer.clone(), None, opts, |_, _, _| {});
        let t = Tagger::from_model(m);
        for k in a..b {
            let toks: Vec<&str> = tr[k].tokens.iter().map(String::as_str).collect();
            out[k] = t.tag_ids(&toks);
        }
        eprintln!("jackknife fold {} of {folds} done", f + 1);
    }
    out
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut holdout = 0.1f64;
    let mut opts = TrainOptions::default();
    let mut clusters: Option<String> = None;
    let mut lexicon_root: Option<String> = None;
    let mut doc_out: Option<String> = None;
    let mut extra: Option<String> = None;
    let mut extra_weight = 1.0f32;
    let mut also_score: Option<String> = None;
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
            "--crf" => opts.crf = true,
            "--seed" => {
                i += 1;
                opts.seed = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --seed")?;
            }
            "--seeds" => {
                i += 1;
                opts.seeds = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --seeds")?;
            }
            "--extra" => {
                i += 1;
                extra = Some(args.get(i).ok_or("bad --extra")?.clone());
            }
            "--also-score" => {
                i += 1;
                also_score = Some(args.get(i).ok_or("bad --also-score")?.clone());
            }
            "--extra-weight" => {
                i += 1;
                extra_weight = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --extra-weight")?;
            }
            "--prune" => {
                i += 1;
                opts.prune = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --prune")?;
            }
            "--perceptron" => {
                opts.crf = false;
                opts.epochs = 12;
            }
            "--lr" => {
                i += 1;
                opts.learning_rate = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --lr")?;
            }
            "--l2" => {
                i += 1;
                opts.l2 = args.get(i).and_then(|v| v.parse().ok()).ok_or("bad --l2")?;
            }
            "--doc-model" => {
                i += 1;
                doc_out = Some(args.get(i).ok_or("bad --doc-model")?.clone());
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
            "usage: train-tagger TRAIN.conll OUT.bin [--clusters F] [--lexicon-root DIR] [--doc-model OUT] [--holdout 0.1] [--epochs N] [--seeds K] [--extra F [--extra-weight W]] [--also-score F]"
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
    let mut tr = tr.to_vec();
    if let Some(p) = &extra {
        let file = File::open(p).map_err(|e| format!("{p}: {e}"))?;
        let mut more = read_examples(BufReader::new(file), 1).map_err(|e| e.to_string())?;
        more.iter_mut().for_each(|ex| ex.weight = extra_weight);
        eprintln!("{} extra training sentences from {p}, weight {extra_weight}", more.len());
        tr.extend(more);
    }
    let tr = tr.as_slice();
    eprintln!("training on {} sentences, holding out {}; {} word classes", tr.len(), te.len(), classes.map.len());
    let started = Instant::now();
    let model = train(tr, classes.clone(), gazetteer.clone(), None, &opts, |epoch, mistakes, m| {
        if te.is_empty() {
            eprintln!("epoch {epoch}: {mistakes} wrong sentences, {:.1}s", started.elapsed().as_secs_f64());
            return;
        }
        let s = score(&Tagger::from_model(m.clone()), te);
        report("sentence", epoch, mistakes, &s, started.elapsed().as_secs_f64());
    });
    let mut model = model;
    model.train_sentences = cut as u32;
    model.total_sentences = examples.len() as u32;
    let bytes = model.to_bytes();
    std::fs::write(out_path, &bytes).map_err(|e| format!("{out_path}: {e}"))?;
    eprintln!("wrote {out_path}: {} features, {} bytes", model.keys.len(), bytes.len());
    if let Some(doc_path) = doc_out {
        let first = jackknife(tr, &classes, &gazetteer, &opts, 5);
        let sentences: Vec<Vec<&str>> = tr.iter().map(|ex| ex.tokens.iter().map(String::as_str).collect()).collect();
        let memory = memory_features(&sentences, &first);
        let base = Tagger::from_model(model.clone());
        let doc = train(tr, classes, gazetteer, Some(&memory), &opts, |epoch, mistakes, m| {
            if !te.is_empty() {
                let s = score(&base.clone().with_doc_model(m.clone()), te);
                report("document", epoch, mistakes, &s, started.elapsed().as_secs_f64());
            }
        });
        if let Some(p) = &also_score {
            let file = File::open(p).map_err(|e| format!("{p}: {e}"))?;
            let other = read_examples(BufReader::new(file), 1).map_err(|e| e.to_string())?;
            let s = score(&base.clone().with_doc_model(doc.clone()), &other);
            report(&format!("also {p}"), opts.epochs, 0, &s, started.elapsed().as_secs_f64());
        }
        let mut doc = doc;
        doc.classes = WordClasses::default();
        doc.gazetteer = Gazetteer::default();
        doc.train_sentences = cut as u32;
        doc.total_sentences = examples.len() as u32;
        let bytes = doc.to_bytes();
        std::fs::write(&doc_path, &bytes).map_err(|e| format!("{doc_path}: {e}"))?;
        eprintln!("wrote {doc_path}: {} features, {} bytes", doc.keys.len(), bytes.len());
    }
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
