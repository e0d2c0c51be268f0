//! Named-entity tagging of pre-tokenised text with BIO tags over PER, LOC, ORG, MISC.
//!
//! The tagger is a linear-chain model (averaged structured perceptron, constrained Viterbi)
//! trained on ANERcorp; its weights are embedded in the binary from `data/tagger/model.bin`.

pub mod conll;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod labels;
pub mod model;
pub mod train;

use features::sentence_features;
use labels::{LABELS, N_LABELS};
use model::{Model, ModelError};
use std::io::{self, BufRead, Write};
use std::sync::LazyLock;

/// The committed model, embedded at build time.
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/tagger/model.bin");

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| {
    // A corrupt embedded model degrades to tagging everything O rather than panicking.
    Tagger::from_bytes(MODEL_BYTES).unwrap_or_else(|_| Tagger::from_model(Model::empty()))
});

/// A named-entity tagger over one model.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
}

impl Tagger {
    /// The tagger with the embedded model, loaded once.
    pub fn get() -> &'static Tagger {
        &TAGGER
    }

    /// A tagger over a model in its binary form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger { model: Model::from_bytes(bytes)? })
    }

    /// A tagger over a model in memory.
    pub fn from_model(model: Model) -> Tagger {
        Tagger { model }
    }

    /// The model behind this tagger.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Whether the tagger has any trained weights.
    pub fn is_trained(&self) -> bool {
        !self.model.keys.is_empty()
    }

    /// Label indexes (into [`labels::LABELS`]) for one sentence of tokens.
    pub fn tag_ids(&self, tokens: &[&str]) -> Vec<u8> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let feats = sentence_features(tokens, &self.model.classes, &self.model.gazetteer);
        let em: Vec<[f32; N_LABELS]> = feats.iter().map(|f| self.model.emissions(f)).collect();
        self.model.viterbi(&em)
    }

    /// BIO tags for one sentence of tokens, one per token.
    pub fn tag(&self, tokens: &[&str]) -> Vec<&'static str> {
        self.tag_ids(tokens).into_iter().map(|l| LABELS[l as usize]).collect()
    }
}

/// Tags one sentence of tokens with the embedded model; returns one BIO tag per token.
pub fn tag_sentence(tokens: &[&str]) -> Vec<String> {
    Tagger::get().tag(tokens).into_iter().map(str::to_string).collect()
}

/// Tags CoNLL input: one token per line (first tab-separated column), blank lines between
/// sentences. Writes `token<TAB>TAG` per token line and keeps blank lines.
pub fn tag_conll(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let tagger = Tagger::get();
    let mut sentence: Vec<String> = Vec::new();
    let flush = |sentence: &mut Vec<String>, output: &mut dyn Write| -> io::Result<()> {
        if sentence.is_empty() {
            return Ok(());
        }
        let toks: Vec<&str> = sentence.iter().map(String::as_str).collect();
        let tags = tagger.tag(&toks);
        for (t, tag) in toks.iter().zip(tags) {
            writeln!(output, "{t}\t{tag}")?;
        }
        sentence.clear();
        Ok(())
    };
    for line in input.lines() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut sentence, &mut output)?;
            writeln!(output)?;
            continue;
        }
        let token = line.split('\t').next().unwrap_or("");
        sentence.push(token.to_string());
    }
    flush(&mut sentence, &mut output)?;
    output.flush()
}
