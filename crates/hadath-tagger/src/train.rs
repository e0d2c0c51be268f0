//! Training: an averaged structured perceptron over the features, decoded with constrained Viterbi.

use crate::conll::read_sentences;
use crate::features::{sentence_features, WordClasses};
use crate::gazetteer::Gazetteer;
use crate::labels::{label_index, repair, N_LABELS};
use crate::model::{viterbi, Model};
use std::collections::HashMap;
use std::io::{self, BufRead};

/// One annotated training sentence.
#[derive(Debug, Clone)]
pub struct Example {
    pub tokens: Vec<String>,
    pub labels: Vec<u8>,
}

/// Reads an annotated CoNLL file, tag in `tag_column`; unknown tags become `O`, orphan `I-` become `B-`.
pub fn read_examples(input: impl BufRead, tag_column: usize) -> io::Result<Vec<Example>> {
    let sentences = read_sentences(input)?;
    Ok(sentences
        .into_iter()
        .map(|s| {
            let tokens: Vec<String> = s.iter().map(|c| c[0].clone()).collect();
            let mut labels: Vec<u8> =
                s.iter().map(|c| c.get(tag_column).and_then(|t| label_index(t.trim())).unwrap_or(0)).collect();
            repair(&mut labels);
            Example { tokens, labels }
        })
        .collect())
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, seed: 20070101, min_count: 1 }
    }
}

/// Deterministic xorshift generator for shuffling.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

struct Prepared {
    feats: Vec<Vec<u32>>,
    labels: Vec<u8>,
}

/// Perceptron weights with the running sums needed for averaging.
struct Weights {
    w: Vec<f32>,
    acc: Vec<f32>,
    t: Vec<f32>,
    tacc: Vec<f32>,
    c: f32,
}

impl Weights {
    fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; N_LABELS]> {
        feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; N_LABELS];
                for &f in fs {
                    let row = &self.w[f as usize * N_LABELS..(f as usize + 1) * N_LABELS];
                    for (a, b) in s.iter_mut().zip(row) {
                        *a += b;
                    }
                }
                s
            })
            .collect()
    }

    fn bump_emission(&mut self, feats: &[u32], label: u8, delta: f32) {
        for &f in feats {
            let i = f as usize * N_LABELS + label as usize;
            self.w[i] += delta;
            self.acc[i] += self.c * delta;
        }
    }

    fn bump_trans(&mut self, prev: Option<u8>, cur: u8, delta: f32) {
        let row = prev.map(|p| p as usize).unwrap_or(N_LABELS);
        let i = row * N_LABELS + cur as usize;
        self.t[i] += delta;
        self.tacc[i] += self.c * delta;
    }

    fn update(&mut self, ex: &Prepared, pred: &[u8]) {
        for i in 0..ex.labels.len() {
            let (g, p) = (ex.labels[i], pred[i]);
            let gp = (i > 0).then(|| ex.labels[i - 1]);
            let pp = (i > 0).then(|| pred[i - 1]);
            if g != p {
                self.bump_emission(&ex.feats[i], g, 1.0);
                self.bump_emission(&ex.feats[i], p, -1.0);
            }
            if g != p || gp != pp {
                self.bump_trans(gp, g, 1.0);
                self.bump_trans(pp, p, -1.0);
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c.max(1.0);
        let w = self.w.iter().zip(&self.acc).map(|(w, a)| w - a / c).collect();
        let t = self.t.iter().zip(&self.tacc).map(|(w, a)| w - a / c).collect();
        (w, t)
    }
}

/// Trains a model; `on_epoch(epoch, mistakes, &model)` sees the averaged model after each epoch
/// and how many training sentences the epoch got wrong.
pub fn train(
    examples: &[Example],
    classes: WordClasses,
    gazetteer: Gazetteer,
    opts: &TrainOptions,
    mut on_epoch: impl FnMut(usize, usize, &Model),
) -> Model {
    let raw: Vec<Vec<Vec<u64>>> = examples
        .iter()
        .map(|e| {
            let toks: Vec<&str> = e.tokens.iter().map(String::as_str).collect();
            sentence_features(&toks, &classes, &gazetteer)
        })
        .collect();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for s in &raw {
        for t in s {
            for f in t {
                *counts.entry(*f).or_default() += 1;
            }
        }
    }
    let mut keys: Vec<u64> = counts.iter().filter(|(_, c)| **c >= opts.min_count).map(|(k, _)| *k).collect();
    keys.sort_unstable();
    let index: HashMap<u64, u32> = keys.iter().enumerate().map(|(i, k)| (*k, i as u32)).collect();
    let prepared: Vec<Prepared> = raw
        .iter()
        .zip(examples)
        .map(|(s, e)| Prepared {
            feats: s.iter().map(|t| t.iter().filter_map(|f| index.get(f).copied()).collect()).collect(),
            labels: e.labels.clone(),
        })
        .collect();
    drop(raw);
    let n = keys.len();
    let tn = (N_LABELS + 1) * N_LABELS;
    let mut wt = Weights {
        w: vec![0.0; n * N_LABELS],
        acc: vec![0.0; n * N_LABELS],
        t: vec![0.0; tn],
        tacc: vec![0.0; tn],
        c: 1.0,
    };
    let mut rng = XorShift(opts.seed | 1);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut model = Model::empty();
    for epoch in 1..=opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut mistakes = 0usize;
        for &k in &order {
            let ex = &prepared[k];
            if ex.labels.is_empty() {
                continue;
            }
            let em = wt.emissions(&ex.feats);
            let pred = viterbi(&em, &wt.t);
            if pred != ex.labels {
                mistakes += 1;
                wt.update(ex, &pred);
            }
            wt.c += 1.0;
        }
        let (w, t) = wt.averaged();
        model = prune(&keys, w, t, classes.clone(), gazetteer.clone());
        on_epoch(epoch, mistakes, &model);
    }
    model
}

/// Builds a model keeping only features with a weight that survives i16 quantisation.
fn prune(keys: &[u64], w: Vec<f32>, trans: Vec<f32>, classes: WordClasses, gazetteer: Gazetteer) -> Model {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
    let eps = max / 32767.0;
    let mut out_keys = Vec::new();
    let mut out_w = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let row = &w[i * N_LABELS..(i + 1) * N_LABELS];
        if row.iter().any(|x| x.abs() >= eps && *x != 0.0) {
            out_keys.push(*k);
            out_w.extend_from_slice(row);
        }
    }
    Model { keys: out_keys, weights: out_w, trans, classes, gazetteer, ..Model::empty() }
}
