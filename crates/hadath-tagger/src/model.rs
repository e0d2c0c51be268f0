//! The linear-chain model: feature weights, label transitions, word classes, and its binary format.

use crate::features::{WordClass, WordClasses};
use crate::gazetteer::Gazetteer;
use crate::labels::{allowed, N_LABELS};
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"HDTAGGR3";
/// The second format: 64-bit keys and dense rows.
const MAGIC_V2: &[u8; 8] = b"HDTAGGR2";
/// The first format, without a gazetteer section.
const MAGIC_V1: &[u8; 8] = b"HDTAGGR1";

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a hadath tagger model (bad magic)")]
    BadMagic,
    #[error("model file truncated at byte {0}")]
    Truncated(usize),
    #[error("model has {0} labels, expected {N_LABELS}")]
    LabelCount(u32),
}

/// A trained tagger model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Sorted folded feature hashes ([`fold_key`]); row `i` of `weights` belongs to `keys[i]`.
    pub keys: Vec<u32>,
    /// Emission weights, `keys.len() * N_LABELS`, row-major.
    pub weights: Vec<f32>,
    /// Transition weights, `(N_LABELS + 1) * N_LABELS`; row `N_LABELS` is the sentence start.
    pub trans: Vec<f32>,
    /// Word classes learned from unannotated text.
    pub classes: WordClasses,
    /// Phrase lists of names, places and organisations.
    pub gazetteer: Gazetteer,
    /// How many leading sentences of the training file the model was trained on.
    pub train_sentences: u32,
    /// How many sentences the training file had.
    pub total_sentences: u32,
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated(self.pos))?;
        let s = self.b.get(self.pos..end).ok_or(ModelError::Truncated(self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
}

/// Folds a 64-bit feature hash to the 32-bit key stored in the model.
pub fn fold_key(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

impl Model {
    /// A model with no weights: it tags everything `O`.
    pub fn empty() -> Self {
        Model { trans: vec![0.0; (N_LABELS + 1) * N_LABELS], ..Default::default() }
    }

    /// Reads a model from its binary form; empty input gives [`Model::empty`].
    pub fn from_bytes(b: &[u8]) -> Result<Self, ModelError> {
        if b.is_empty() {
            return Ok(Model::empty());
        }
        let mut r = Reader { b, pos: 0 };
        let magic = r.take(8)?;
        let version = match magic {
            m if m == MAGIC => 3,
            m if m == MAGIC_V2 => 2,
            m if m == MAGIC_V1 => 1,
            _ => return Err(ModelError::BadMagic),
        };
        let labels = r.u32()?;
        if labels as usize != N_LABELS {
            return Err(ModelError::LabelCount(labels));
        }
        let train_sentences = r.u32()?;
        let total_sentences = r.u32()?;
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        let mut trans = Vec::with_capacity((N_LABELS + 1) * N_LABELS);
        for _ in 0..(N_LABELS + 1) * N_LABELS {
            trans.push(r.f32()?);
        }
        let too_big = || ModelError::Truncated(b.len());
        let (keys, weights) = if version == 3 {
            let key_bytes = r.take(n.checked_mul(4).ok_or_else(too_big)?)?;
            let keys: Vec<u32> =
                key_bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            let mask_bytes = r.take(n.checked_mul(2).ok_or_else(too_big)?)?;
            let mut weights = vec![0f32; n.checked_mul(N_LABELS).ok_or_else(too_big)?];
            for (row, c) in mask_bytes.chunks_exact(2).enumerate() {
                let mask = u16::from_le_bytes([c[0], c[1]]);
                for l in 0..N_LABELS {
                    if mask >> l & 1 == 1 {
                        let q = r.u16()? as i16;
                        weights[row * N_LABELS + l] = q as f32 * scale;
                    }
                }
            }
            (keys, weights)
        } else {
            let key_bytes = r.take(n.checked_mul(8).ok_or_else(too_big)?)?;
            let keys: Vec<u32> = key_bytes
                .chunks_exact(8)
                .map(|c| fold_key(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])))
                .collect();
            let w_bytes = r.take(n.checked_mul(N_LABELS * 2).ok_or_else(too_big)?)?;
            let weights: Vec<f32> =
                w_bytes.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale).collect();
            (keys, weights)
        };
        let n_words = r.u32()? as usize;
        let mut map = HashMap::with_capacity(n_words.min(b.len() / 16));
        for _ in 0..n_words {
            let k = r.u64()?;
            let clusters = [r.u16()?, r.u16()?, r.u16()?];
            let freq = r.u8()?;
            let auto = r.u8()?;
            map.insert(k, WordClass { clusters, freq, auto });
        }
        let mut gazetteer = Gazetteer::default();
        if version >= 2 {
            let n_phrases = r.u32()? as usize;
            gazetteer.map.reserve(n_phrases.min(b.len() / 10));
            for _ in 0..n_phrases {
                let k = r.u64()?;
                let kinds = r.u16()?;
                gazetteer.map.insert(k, kinds);
            }
        }
        let mut model =
            Model { keys, weights, trans, classes: WordClasses { map }, gazetteer, train_sentences, total_sentences };
        if !model.keys.windows(2).all(|w| w[0] < w[1]) {
            model = model.sorted();
        }
        Ok(model)
    }

    /// The same model with rows sorted by key and rows of equal keys summed.
    pub fn sorted(mut self) -> Model {
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_by_key(|i| self.keys[*i]);
        let mut keys: Vec<u32> = Vec::with_capacity(order.len());
        let mut weights: Vec<f32> = Vec::with_capacity(self.weights.len());
        for i in order {
            let row = &self.weights[i * N_LABELS..(i + 1) * N_LABELS];
            if keys.last() == Some(&self.keys[i]) {
                let start = weights.len() - N_LABELS;
                for (a, b) in weights[start..].iter_mut().zip(row) {
                    *a += b;
                }
            } else {
                keys.push(self.keys[i]);
                weights.extend_from_slice(row);
            }
        }
        self.keys = keys;
        self.weights = weights;
        self
    }

    /// Writes the model in its binary form: 32-bit keys, and per row a label mask and the
    /// non-zero weights quantised to i16.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.keys.len();
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let quant = |w: f32| (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        let mut out = Vec::with_capacity(40 + n * 12 + self.classes.map.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&self.train_sentences.to_le_bytes());
        out.extend_from_slice(&self.total_sentences.to_le_bytes());
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for row in self.weights.chunks_exact(N_LABELS) {
            let mut mask = 0u16;
            for (l, w) in row.iter().enumerate() {
                if quant(*w) != 0 {
                    mask |= 1 << l;
                }
            }
            out.extend_from_slice(&mask.to_le_bytes());
        }
        for w in &self.weights {
            let q = quant(*w);
            if q != 0 {
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut words: Vec<(&u64, &WordClass)> = self.classes.map.iter().collect();
        words.sort_by_key(|(k, _)| **k);
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (k, c) in words {
            out.extend_from_slice(&k.to_le_bytes());
            for id in c.clusters {
                out.extend_from_slice(&id.to_le_bytes());
            }
            out.push(c.freq);
            out.push(c.auto);
        }
        let mut phrases: Vec<(&u64, &u16)> = self.gazetteer.map.iter().collect();
        phrases.sort_by_key(|(k, _)| **k);
        out.extend_from_slice(&(phrases.len() as u32).to_le_bytes());
        for (k, kinds) in phrases {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&kinds.to_le_bytes());
        }
        out
    }

    /// Emission scores of one token's features, one per label.
    pub fn emissions(&self, feats: &[u64]) -> [f32; N_LABELS] {
        let mut s = [0f32; N_LABELS];
        for f in feats {
            if let Ok(i) = self.keys.binary_search(&fold_key(*f)) {
                let row = &self.weights[i * N_LABELS..(i + 1) * N_LABELS];
                for (a, b) in s.iter_mut().zip(row) {
                    *a += b;
                }
            }
        }
        s
    }

    /// Best label sequence for given per-token emission scores under the transition constraints.
    pub fn viterbi(&self, em: &[[f32; N_LABELS]]) -> Vec<u8> {
        viterbi(em, &self.trans)
    }
}

/// Best label sequence for emission scores and transition weights (`(N_LABELS + 1) * N_LABELS`).
pub fn viterbi(em: &[[f32; N_LABELS]], trans: &[f32]) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let neg = f32::NEG_INFINITY;
    let mut score = vec![[neg; N_LABELS]; n];
    let mut back = vec![[0u8; N_LABELS]; n];
    for (c, sc) in score[0].iter_mut().enumerate() {
        if allowed(None, c) {
            *sc = em[0][c] + trans[N_LABELS * N_LABELS + c];
        }
    }
    for i in 1..n {
        for c in 0..N_LABELS {
            let mut best = neg;
            let mut arg = 0u8;
            for p in 0..N_LABELS {
                if !allowed(Some(p), c) || score[i - 1][p] == neg {
                    continue;
                }
                let v = score[i - 1][p] + trans[p * N_LABELS + c];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            if best > neg {
                score[i][c] = best + em[i][c];
                back[i][c] = arg;
            }
        }
    }
    let mut last = 0usize;
    for c in 0..N_LABELS {
        if score[n - 1][c] > score[n - 1][last] {
            last = c;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}
