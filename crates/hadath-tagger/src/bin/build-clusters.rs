//! Learns distributional word classes (k-means over PPMI context vectors) from unannotated text.
//!
//! Usage: `build-clusters OUT.bin CORPUS.jsonl.gz [EXTRA.conll ...]`, or
//! `build-clusters --merge OUT.bin IN.bin ...` to join class files (their keys differ).
//!
//! The output holds only hashes of normalised words with cluster ids and frequency buckets,
//! no text. It is deterministic: no randomness beyond fixed hash-derived projections.
//! `CLUSTERS_MIN_COUNT` (default 4) and `CLUSTERS_FINE` (default 1024) override the vocabulary
//! threshold and the number of fine clusters, for experiments. `CLUSTERS_KEY` (default 255)
//! is the hash template of the output keys (see `features::class_key`), and `CLUSTERS_STEMS=1`
//! clusters the clitic-stripped stems (`features::first_stem`) instead of the words.

use flate2::read::GzDecoder;
use hadath_tagger::features::{class_key, first_stem, Fnv, WordClass, WordClasses};
use hadath_tagger::model::Model;
use hadath_text::tokenize;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;
use std::time::Instant;

const VOCAB: usize = 200_000;
const MIN_COUNT: u32 = 4;
const CONTEXTS: usize = 2000;
const DIM: usize = 128;
const LEVELS: [usize; 3] = [64, 256, 1024];
const ITERATIONS: usize = 10;
const BOUNDARY: u32 = u32::MAX;

/// Reads every text as a sequence of normalised tokens, boundaries between texts.
fn read_corpus(paths: &[String]) -> Result<Vec<Vec<String>>, String> {
    let mut docs: Vec<Vec<String>> = Vec::new();
    for p in paths {
        let f = File::open(p).map_err(|e| format!("{p}: {e}"))?;
        if p.ends_with(".gz") {
            for line in BufReader::new(GzDecoder::new(f)).lines() {
                let line = line.map_err(|e| format!("{p}: {e}"))?;
                let v: serde_json::Value = match serde_json::from_str(&line) {
                    Ok(v) => v,
                    Err(_) => continue,
                };
                for field in ["title", "abstract", "text"] {
                    if let Some(t) = v.get(field).and_then(|x| x.as_str()) {
                        docs.push(tokenize(t).into_iter().map(|t| t.norm.to_string()).collect());
                    }
                }
            }
        } else {
            let sents = hadath_tagger::conll::read_sentences(BufReader::new(f)).map_err(|e| format!("{p}: {e}"))?;
            for s in sents {
                docs.push(s.iter().map(|c| hadath_text::normalize_for_match(&c[0])).collect());
            }
        }
    }
    if std::env::var("CLUSTERS_STEMS").is_ok_and(|v| v == "1") {
        let mut cache: HashMap<String, String> = HashMap::new();
        for d in docs.iter_mut() {
            for w in d.iter_mut() {
                let stem = cache.entry(w.clone()).or_insert_with(|| first_stem(w));
                w.clone_from(stem);
            }
        }
    }
    Ok(docs)
}

/// SplitMix64 finaliser: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn normalise(v: &mut [f32]) {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Spherical k-means; initial centres are evenly spaced rows (rows come sorted by frequency).
fn kmeans(rows: &[f32], k: usize) -> (Vec<u16>, Vec<f32>) {
    let n = rows.len() / DIM;
    let k = k.min(n).max(1);
    let mut centres: Vec<f32> = (0..k).flat_map(|c| rows[(c * n / k) * DIM..(c * n / k + 1) * DIM].to_vec()).collect();
    let mut assign = vec![0u16; n];
    for _ in 0..ITERATIONS {
        for (i, a) in assign.iter_mut().enumerate() {
            let r = &rows[i * DIM..(i + 1) * DIM];
            let mut best = f32::NEG_INFINITY;
            for c in 0..k {
                let s = dot(r, &centres[c * DIM..(c + 1) * DIM]);
                if s > best {
                    best = s;
                    *a = c as u16;
                }
            }
        }
        let mut sums = vec![0f32; k * DIM];
        for (i, a) in assign.iter().enumerate() {
            let c = *a as usize;
            for d in 0..DIM {
                sums[c * DIM + d] += rows[i * DIM + d];
            }
        }
        for c in 0..k {
            let s = &mut sums[c * DIM..(c + 1) * DIM];
            if s.iter().any(|x| *x != 0.0) {
                normalise(s);
                centres[c * DIM..(c + 1) * DIM].copy_from_slice(s);
            }
        }
    }
    (assign, centres)
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--merge") {
        let Some((out, inputs)) = args[1..].split_first() else {
            return Err("usage: build-clusters --merge OUT.bin IN.bin ...".into());
        };
        let mut classes = WordClasses::default();
        for p in inputs {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            classes.map.extend(Model::from_bytes(&bytes).map_err(|e| format!("{p}: {e}"))?.classes.map);
        }
        let model = Model { classes, ..Model::empty() };
        std::fs::write(out, model.to_bytes()).map_err(|e| format!("{out}: {e}"))?;
        return Ok(());
    }
    let Some((out, inputs)) = args.split_first() else {
        return Err("usage: build-clusters OUT.bin CORPUS.jsonl.gz [EXTRA.conll ...]".into());
    };
    let started = Instant::now();
    let docs = read_corpus(inputs)?;
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for d in &docs {
        for w in d {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let min_count: u32 = std::env::var("CLUSTERS_MIN_COUNT").ok().and_then(|v| v.parse().ok()).unwrap_or(MIN_COUNT);
    let key_template: u8 = std::env::var("CLUSTERS_KEY").ok().and_then(|v| v.parse().ok()).unwrap_or(255);
    let fine_k: usize = std::env::var("CLUSTERS_FINE").ok().and_then(|v| v.parse().ok()).unwrap_or(LEVELS[2]);
    let mut vocab: Vec<(&str, u32)> = counts.iter().filter(|(_, c)| **c >= min_count).map(|(w, c)| (*w, *c)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(VOCAB);
    eprintln!(
        "{} texts, {} word types, vocabulary {} ({:.1}s)",
        docs.len(),
        counts.len(),
        vocab.len(),
        started.elapsed().as_secs_f64()
    );
    let id: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
    let mut seq: Vec<u32> = Vec::new();
    for d in &docs {
        seq.push(BOUNDARY);
        seq.extend(d.iter().map(|w| id.get(w.as_str()).copied().unwrap_or(BOUNDARY - 1)));
    }
    seq.push(BOUNDARY);
    // Co-occurrence keys: word * (4 * CONTEXTS) + side * CONTEXTS + context word.
    let ctx_dims = 4 * CONTEXTS;
    let mut keys: Vec<u64> = Vec::new();
    for i in 0..seq.len() {
        let w = seq[i];
        if w >= BOUNDARY - 1 {
            continue;
        }
        for (side, off) in [(0usize, -2isize), (1, -1), (2, 1), (3, 2)] {
            let j = i as isize + off;
            if j < 0 || j as usize >= seq.len() {
                continue;
            }
            let c = seq[j as usize];
            if (c as usize) < CONTEXTS {
                keys.push(w as u64 * ctx_dims as u64 + (side * CONTEXTS) as u64 + c as u64);
            }
        }
    }
    keys.sort_unstable();
    eprintln!("{} context pairs ({:.1}s)", keys.len(), started.elapsed().as_secs_f64());
    let total = keys.len() as f64;
    let mut ctx_count = vec![0f64; ctx_dims];
    let mut word_count = vec![0f64; vocab.len()];
    for k in &keys {
        ctx_count[(k % ctx_dims as u64) as usize] += 1.0;
        word_count[(k / ctx_dims as u64) as usize] += 1.0;
    }
    let ctx_smoothed: Vec<f64> = ctx_count.iter().map(|c| c.powf(0.75)).collect();
    let ctx_total: f64 = ctx_smoothed.iter().sum();
    // Fixed pseudo-random +-1 projection of each context dimension.
    let signs: Vec<[f32; DIM]> = (0..ctx_dims)
        .map(|d| {
            let mut v = [0f32; DIM];
            for (j, x) in v.iter_mut().enumerate() {
                let h = mix(Fnv::new(200).num(d as u32).num(j as u32).get());
                *x = if h >> 63 == 1 { 1.0 } else { -1.0 };
            }
            v
        })
        .collect();
    let mut rows = vec![0f32; vocab.len() * DIM];
    let mut i = 0;
    while i < keys.len() {
        let mut j = i;
        while j < keys.len() && keys[j] == keys[i] {
            j += 1;
        }
        let n = (j - i) as f64;
        let w = (keys[i] / ctx_dims as u64) as usize;
        let c = (keys[i] % ctx_dims as u64) as usize;
        let pmi = (n * ctx_total / (word_count[w] * ctx_smoothed[c])).ln();
        let _ = total;
        if pmi > 0.0 {
            let r = &mut rows[w * DIM..(w + 1) * DIM];
            for (x, s) in r.iter_mut().zip(&signs[c]) {
                *x += pmi as f32 * s;
            }
        }
        i = j;
    }
    drop(keys);
    for r in rows.chunks_exact_mut(DIM) {
        normalise(r);
    }
    eprintln!("vectors built ({:.1}s)", started.elapsed().as_secs_f64());
    let (fine, centres) = kmeans(&rows, fine_k);
    eprintln!("fine clusters ({:.1}s)", started.elapsed().as_secs_f64());
    let (mid_of_fine, mid_centres) = kmeans(&centres, LEVELS[1]);
    let (coarse_of_mid, _) = kmeans(&mid_centres, LEVELS[0]);
    let mut classes = WordClasses::default();
    for (i, (w, c)) in vocab.iter().enumerate() {
        let f = fine[i];
        let m = mid_of_fine.get(f as usize).copied().unwrap_or(0);
        let k = coarse_of_mid.get(m as usize).copied().unwrap_or(0);
        let freq = (32 - c.leading_zeros()) as u8;
        classes.map.insert(class_key(key_template, w), WordClass { clusters: [k, m, f], freq, auto: 0 });
    }
    let model = Model { classes, ..Model::empty() };
    std::fs::write(out, model.to_bytes()).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out} ({:.1}s)", started.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build-clusters: {e}");
            ExitCode::FAILURE
        }
    }
}
