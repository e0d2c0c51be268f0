//! Named-entity tagging of pre-tokenised text with BIO tags over PER, LOC, ORG, MISC.
//!
//! The tagger is a linear-chain model (a CRF trained with AdaGrad, or an averaged structured
//! perceptron; constrained Viterbi) trained on ANERcorp; its weights are embedded in the binary
//! from `data/tagger/model.bin`.

pub mod conll;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod labels;
pub mod model;
pub mod propagate;
pub mod train;

use features::sentence_features;
use labels::{LABELS, N_LABELS};
use model::{Model, ModelError};
use std::io::{self, BufRead, Write};
use std::sync::LazyLock;

/// The committed sentence model, embedded at build time.
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/tagger/model.bin");
/// The committed document model (sentence features plus document memory of a first pass).
static DOC_MODEL_BYTES: &[u8] = include_bytes!("../../../data/tagger/model-doc.bin");

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| {
    // A corrupt embedded model degrades to tagging everything O rather than panicking.
    let tagger = Tagger::from_bytes(MODEL_BYTES).unwrap_or_else(|_| Tagger::from_model(Model::empty()));
    match Model::from_bytes(DOC_MODEL_BYTES) {
        Ok(doc) if !doc.keys.is_empty() => tagger.with_doc_model(doc),
        _ => tagger,
    }
});

/// A named-entity tagger: a sentence model, and optionally a document model for running text.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    doc_model: Option<Model>,
}

impl Tagger {
    /// The tagger with the embedded model, loaded once.
    pub fn get() -> &'static Tagger {
        &TAGGER
    }

    /// A tagger over a model in its binary form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger { model: Model::from_bytes(bytes)?, doc_model: None })
    }

    /// A tagger over a model in memory.
    pub fn from_model(model: Model) -> Tagger {
        Tagger { model, doc_model: None }
    }

    /// Adds a document model; its word classes and gazetteer come from the sentence model.
    pub fn with_doc_model(mut self, doc: Model) -> Tagger {
        self.doc_model = Some(doc);
        self
    }

    /// The document model, if any.
    pub fn doc_model(&self) -> Option<&Model> {
        self.doc_model.as_ref()
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

    /// Label indexes for consecutive sentences of one text: a first pass with the sentence
    /// model, then, when there is a document model, a second pass that also sees how the same
    /// words were labelled in nearby sentences; last, untagged repeats of names tagged nearby
    /// are tagged (see [`propagate::propagate`]).
    pub fn tag_document_ids(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        let first: Vec<Vec<u8>> = sentences.iter().map(|s| self.tag_ids(s)).collect();
        let mut labels = match &self.doc_model {
            Some(doc) => self.second_pass(doc, sentences, &first),
            None => first,
        };
        propagate::propagate(sentences, &mut labels);
        labels
    }

    /// The document model's labels, given the first pass.
    fn second_pass(&self, doc: &Model, sentences: &[Vec<&str>], first: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let memory = features::memory_features(sentences, first);
        sentences
            .iter()
            .zip(memory)
            .map(|(s, mem)| {
                if s.is_empty() {
                    return Vec::new();
                }
                let mut feats = sentence_features(s, &self.model.classes, &self.model.gazetteer);
                for (a, b) in feats.iter_mut().zip(mem) {
                    a.extend(b);
                }
                let em: Vec<[f32; N_LABELS]> = feats.iter().map(|f| doc.emissions(f)).collect();
                doc.viterbi(&em)
            })
            .collect()
    }

    /// BIO tags for consecutive sentences of one text (see [`Tagger::tag_document_ids`]).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<&'static str>> {
        self.tag_document_ids(sentences)
            .into_iter()
            .map(|s| s.into_iter().map(|l| LABELS[l as usize]).collect())
            .collect()
    }
}

/// Tags one sentence of tokens with the embedded model; returns one BIO tag per token.
pub fn tag_sentence(tokens: &[&str]) -> Vec<String> {
    Tagger::get().tag(tokens).into_iter().map(str::to_string).collect()
}

/// Tags CoNLL input: one token per line (first tab-separated column), blank lines between
/// sentences. Writes `token<TAB>TAG` per token line and keeps blank lines.
///
/// The whole input is read first, so that the document model can use nearby sentences.
pub fn tag_conll(mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    // Each line is a token or `None` for a blank line; invalid UTF-8 is replaced, not fatal.
    let mut lines: Vec<Option<String>> = Vec::new();
    let mut raw = Vec::new();
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&raw);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            lines.push(None);
        } else {
            lines.push(Some(line.split('\t').next().unwrap_or("").to_string()));
        }
    }
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for l in &lines {
        match l {
            Some(t) => cur.push(t),
            None if !cur.is_empty() => sentences.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    let tags = Tagger::get().tag_document(&sentences);
    let mut flat = tags.iter().flatten();
    let mut out = io::BufWriter::new(&mut output);
    for l in &lines {
        match l {
            Some(t) => writeln!(out, "{t}\t{}", flat.next().copied().unwrap_or("O"))?,
            None => writeln!(out)?,
        }
    }
    out.flush()
}
