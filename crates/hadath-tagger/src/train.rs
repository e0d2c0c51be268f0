//! Training: a linear-chain CRF (AdaGrad, the committed models) or an averaged structured perceptron
//! over the features, decoded with constrained Viterbi.

use crate::conll::read_sentences;
use crate::features::{sentence_features, WordClasses};
use crate::gazetteer::Gazetteer;
use crate::labels::{allowed, label_index, repair, N_LABELS};
use crate::model::{fold_key, viterbi, Model};
use std::collections::HashMap;
use std::io::{self, BufRead};

/// One annotated training sentence.
#[derive(Debug, Clone)]
pub struct Example {
    pub tokens: Vec<String>,
    pub labels: Vec<u8>,
    /// Weight of the sentence's gradient in CRF training (1 for the main training file).
    pub weight: f32,
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
            Example { tokens, labels, weight: 1.0 }
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
    /// Train a CRF (log-likelihood, AdaGrad) instead of a structured perceptron.
    pub crf: bool,
    /// AdaGrad learning rate of the CRF.
    pub learning_rate: f32,
    /// L2 penalty of the CRF, applied to the weights a sentence touches.
    pub l2: f32,
    /// Features whose largest absolute weight is below this are dropped from the model.
    pub prune: f32,
    /// How many models to train with different shuffle seeds; their averaged weights are
    /// averaged again into one model.
    pub seeds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 5,
            seed: 20070101,
            min_count: 1,
            crf: true,
            learning_rate: 0.1,
            l2: 0.001,
            prune: 0.1,
            seeds: 1,
        }
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
    weight: f32,
}

/// Perceptron weights with the running sums needed for averaging.
struct Weights {
    w: Vec<f32>,
    acc: Vec<f32>,
    t: Vec<f32>,
    tacc: Vec<f32>,
    c: f32,
    /// AdaGrad sums of squared gradients (CRF only).
    g2: Vec<f32>,
    tg2: Vec<f32>,
}

fn log_sum_exp(xs: &[f32]) -> f32 {
    let m = xs.iter().fold(f32::NEG_INFINITY, |a, b| a.max(*b));
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
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

    /// Transition weight, or minus infinity where the transition is not allowed.
    fn trans(&self, prev: Option<usize>, cur: usize) -> f32 {
        if !allowed(prev, cur) {
            return f32::NEG_INFINITY;
        }
        self.t[prev.unwrap_or(N_LABELS) * N_LABELS + cur]
    }

    /// One AdaGrad step on the CRF log-likelihood of a sentence; returns whether Viterbi was wrong.
    fn crf_step(&mut self, ex: &Prepared, lr: f32, l2: f32) -> bool {
        let n = ex.labels.len();
        let em = self.emissions(&ex.feats);
        let neg = f32::NEG_INFINITY;
        let mut alpha = vec![[neg; N_LABELS]; n];
        let mut beta = vec![[0f32; N_LABELS]; n];
        let mut buf = [0f32; N_LABELS];
        for c in 0..N_LABELS {
            alpha[0][c] = self.trans(None, c) + em[0][c];
        }
        for i in 1..n {
            for c in 0..N_LABELS {
                for (p, b) in buf.iter_mut().enumerate() {
                    *b = alpha[i - 1][p] + self.trans(Some(p), c);
                }
                alpha[i][c] = log_sum_exp(&buf) + em[i][c];
            }
        }
        for i in (0..n - 1).rev() {
            for p in 0..N_LABELS {
                for (c, b) in buf.iter_mut().enumerate() {
                    *b = self.trans(Some(p), c) + em[i + 1][c] + beta[i + 1][c];
                }
                beta[i][p] = log_sum_exp(&buf);
            }
        }
        let log_z = log_sum_exp(&alpha[n - 1]);
        let mut tgrad = vec![0f32; (N_LABELS + 1) * N_LABELS];
        for i in 0..n {
            let gold = ex.labels[i] as usize;
            for c in 0..N_LABELS {
                let mu = (alpha[i][c] + beta[i][c] - log_z).exp();
                let g = ex.weight * (mu - if c == gold { 1.0 } else { 0.0 });
                if g.abs() > 1e-4 {
                    for &f in &ex.feats[i] {
                        let k = f as usize * N_LABELS + c;
                        let gk = g + l2 * self.w[k];
                        self.g2[k] += gk * gk;
                        let delta = -lr * gk / (self.g2[k].sqrt() + 1e-6);
                        self.w[k] += delta;
                        self.acc[k] += self.c * delta;
                    }
                }
                if i == 0 {
                    tgrad[N_LABELS * N_LABELS + c] += ex.weight * mu;
                } else {
                    for p in 0..N_LABELS {
                        let t = self.trans(Some(p), c);
                        if t == neg {
                            continue;
                        }
                        let xi = (alpha[i - 1][p] + t + em[i][c] + beta[i][c] - log_z).exp();
                        tgrad[p * N_LABELS + c] += ex.weight * xi;
                    }
                }
            }
            let prev = if i == 0 { N_LABELS } else { ex.labels[i - 1] as usize };
            tgrad[prev * N_LABELS + gold] -= ex.weight;
        }
        for (k, g) in tgrad.iter().enumerate() {
            if g.abs() > 1e-6 {
                let gk = g + l2 * self.t[k];
                self.tg2[k] += gk * gk;
                let delta = -lr * gk / (self.tg2[k].sqrt() + 1e-6);
                self.t[k] += delta;
                self.tacc[k] += self.c * delta;
            }
        }
        let pred = viterbi(&em, &self.t);
        pred != ex.labels
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c.max(1.0);
        let w = self.w.iter().zip(&self.acc).map(|(w, a)| w - a / c).collect();
        let t = self.t.iter().zip(&self.tacc).map(|(w, a)| w - a / c).collect();
        (w, t)
    }
}

/// Trains a model, with optional extra features per sentence and token; `on_epoch(epoch, mistakes, &model)` sees the averaged model after each epoch
/// and how many training sentences the epoch got wrong.
pub fn train(
    examples: &[Example],
    classes: WordClasses,
    gazetteer: Gazetteer,
    extra: Option<&[Vec<Vec<u64>>]>,
    opts: &TrainOptions,
    mut on_epoch: impl FnMut(usize, usize, &Model),
) -> Model {
    let raw: Vec<Vec<Vec<u64>>> = examples
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let toks: Vec<&str> = e.tokens.iter().map(String::as_str).collect();
            let mut f = sentence_features(&toks, &classes, &gazetteer);
            if let Some(x) = extra.and_then(|x| x.get(k)) {
                for (a, b) in f.iter_mut().zip(x) {
                    a.extend_from_slice(b);
                }
            }
            f
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
            weight: e.weight,
        })
        .collect();
    drop(raw);
    let n = keys.len();
    let tn = (N_LABELS + 1) * N_LABELS;
    let seeds = opts.seeds.max(1);
    // Sums of the averaged weights of the finished seeds.
    let mut sum_w = vec![0f32; if seeds > 1 { n * N_LABELS } else { 0 }];
    let mut sum_t = vec![0f32; if seeds > 1 { tn } else { 0 }];
    let mut model = Model::empty();
    for s in 0..seeds {
        let mut wt = Weights {
            w: vec![0.0; n * N_LABELS],
            acc: vec![0.0; n * N_LABELS],
            t: vec![0.0; tn],
            tacc: vec![0.0; tn],
            c: 1.0,
            g2: if opts.crf { vec![0.0; n * N_LABELS] } else { Vec::new() },
            tg2: if opts.crf { vec![0.0; tn] } else { Vec::new() },
        };
        let seed = opts.seed.wrapping_add(s as u64 * 0x9e37_79b9);
        let mut rng = XorShift(seed | 1);
        let mut order: Vec<usize> = (0..prepared.len()).collect();
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
                if opts.crf {
                    if wt.crf_step(ex, opts.learning_rate, opts.l2) {
                        mistakes += 1;
                    }
                } else {
                    let em = wt.emissions(&ex.feats);
                    let pred = viterbi(&em, &wt.t);
                    if pred != ex.labels {
                        mistakes += 1;
                        wt.update(ex, &pred);
                    }
                }
                wt.c += 1.0;
            }
            let (w, t) = wt.averaged();
            if seeds == 1 {
                model = prune(&keys, w, t, classes.clone(), gazetteer.clone(), opts.prune);
                on_epoch(epoch, mistakes, &model);
            } else if epoch == opts.epochs {
                sum_w.iter_mut().zip(&w).for_each(|(a, b)| *a += b);
                sum_t.iter_mut().zip(&t).for_each(|(a, b)| *a += b);
                if s + 1 == seeds {
                    let k = seeds as f32;
                    let w = sum_w.iter().map(|x| x / k).collect();
                    let t = sum_t.iter().map(|x| x / k).collect();
                    model = prune(&keys, w, t, classes.clone(), gazetteer.clone(), opts.prune);
                    on_epoch(epoch, mistakes, &model);
                }
            }
        }
    }
    model
}

/// Builds a model keeping only weights that survive i16 quantisation and reach `threshold`
/// in absolute value; rows left all zero are dropped and keys are folded to 32 bits.
fn prune(
    keys: &[u64],
    w: Vec<f32>,
    trans: Vec<f32>,
    classes: WordClasses,
    gazetteer: Gazetteer,
    threshold: f32,
) -> Model {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
    let eps = (max / 32767.0).max(threshold);
    let mut out_keys = Vec::new();
    let mut out_w = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let row = &w[i * N_LABELS..(i + 1) * N_LABELS];
        if row.iter().any(|x| x.abs() >= eps) {
            out_keys.push(fold_key(*k));
            out_w.extend(row.iter().map(|x| if x.abs() >= eps { *x } else { 0.0 }));
        }
    }
    Model { keys: out_keys, weights: out_w, trans, classes, gazetteer, ..Model::empty() }.sorted()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Fnv;

    fn examples() -> Vec<Example> {
        let raw = [
            ("وصل سامر إلى حلب أمس", [0u8, 1, 0, 3, 0]),
            ("غادر نبيل دمشق صباحا", [0, 1, 3, 0, 0]),
            ("التقى كريم وفدا في حمص", [0, 1, 0, 0, 3]),
            ("سافر رامي إلى اللاذقية اليوم", [0, 1, 0, 3, 0]),
        ];
        raw.iter()
            .map(|(s, l)| Example {
                tokens: s.split(' ').map(str::to_string).collect(),
                labels: l[..s.split(' ').count()].to_vec(),
                weight: 1.0,
            })
            .collect()
    }

    fn fit(ex: &[Example], opts: &TrainOptions) -> Model {
        train(ex, WordClasses::default(), Gazetteer::default(), None, opts, |_, _, _| {})
    }

    #[test]
    fn averaging_seeds_gives_one_model_that_differs_from_each_seed() {
        let ex = examples();
        let opts = TrainOptions { prune: 0.0, ..TrainOptions::default() };
        let one = fit(&ex, &opts);
        let three = fit(&ex, &TrainOptions { seeds: 3, ..opts.clone() });
        assert!(!three.keys.is_empty());
        assert_eq!(three.trans.len(), one.trans.len());
        assert_ne!(one.weights, three.weights);
        // seeds 1 is the plain model.
        let again = fit(&ex, &TrainOptions { seeds: 1, ..opts });
        assert_eq!(one.weights, again.weights);
    }

    #[test]
    fn zero_weight_sentences_teach_nothing() {
        let ex = examples();
        let opts = TrainOptions { prune: 0.0, epochs: 2, ..TrainOptions::default() };
        let base = fit(&ex[..2], &opts);
        let mut more = ex.clone();
        more.iter_mut().skip(2).for_each(|e| e.weight = 0.0);
        let weighted = fit(&more, &opts);
        // The silent sentences only change the shuffle order; their own words get no weight.
        let key = fold_key(Fnv::new(2).str(&hadath_text::normalize_for_match("كريم")).get());
        assert!(base.keys.binary_search(&key).is_err());
        assert!(weighted
            .keys
            .binary_search(&key)
            .map(|i| weighted.weights[i * N_LABELS..(i + 1) * N_LABELS].iter().all(|w| *w == 0.0))
            .unwrap_or(true));
        let full = fit(&ex, &opts);
        assert!(full.keys.binary_search(&key).is_ok());
    }
}
