//! `hadath eval ner`: entity-level scores of the embedded tagger on the data pack.

use crate::conll::{chunks, read_sentences, Scores};
use crate::labels::LABELS;
use crate::train::read_examples;
use crate::Tagger;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Errors of the NER evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The data pack is not there; callers print "skipped: data pack not found".
    #[error("data pack not found at {0}")]
    DataMissing(PathBuf),
    #[error("reading {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

fn open(path: &Path) -> Result<BufReader<File>, EvalError> {
    File::open(path).map(BufReader::new).map_err(|source| EvalError::Io { path: path.to_path_buf(), source })
}

/// Finds the NER folder given the data pack root (or the `ner` folder itself).
fn ner_dir(data_dir: &Path) -> Option<PathBuf> {
    [data_dir.join("ner"), data_dir.to_path_buf()].into_iter().find(|d| d.join("anercorp-train.conll").is_file())
}

/// Runs the evaluation and returns a markdown report.
///
/// `data_dir` is the data pack root, e.g. `../shared/data`.
pub fn run(data_dir: &Path) -> Result<String, EvalError> {
    let dir = ner_dir(data_dir).ok_or_else(|| EvalError::DataMissing(data_dir.to_path_buf()))?;
    let tagger = Tagger::get();
    let model = tagger.model();
    let mut md = String::from("# NER evaluation (hadath-tagger)\n\n");
    md.push_str(&format!(
        "Model: {} weighted features, {} word classes; trained on the first {} of {} ANERcorp train sentences.\n\n",
        model.keys.len(),
        model.classes.map.len(),
        model.train_sentences,
        model.total_sentences
    ));

    let path = dir.join("anercorp-train.conll");
    let examples = read_examples(open(&path)?, 1).map_err(|source| EvalError::Io { path: path.clone(), source })?;
    let from = model.train_sentences as usize;
    md.push_str("## ANERcorp train, held-out tail\n\n");
    if from < examples.len() {
        let held = &examples[from..];
        let sentences: Vec<Vec<&str>> = held.iter().map(|ex| ex.tokens.iter().map(String::as_str).collect()).collect();
        let gold: Vec<Vec<&str>> =
            held.iter().map(|ex| ex.labels.iter().map(|l| LABELS[*l as usize]).collect()).collect();
        let started = Instant::now();
        let sentence_tags: Vec<Vec<&str>> = sentences.iter().map(|s| tagger.tag(s)).collect();
        let sentence_secs = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let document_tags = tagger.tag_document(&sentences);
        let document_secs = started.elapsed().as_secs_f64();
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        md.push_str(&format!(
            "Sentences {}..{} of `anercorp-train.conll` ({} sentences, {} tokens), never seen in training.\n\n",
            from,
            examples.len(),
            examples.len() - from,
            tokens
        ));
        let mut scores = Scores::default();
        for (g, p) in gold.iter().zip(&document_tags) {
            scores.add(g, p);
        }
        md.push_str(&format!(
            "### As `hadath tag --conll` tags it (document model: {})\n\n{:.0} tokens/s.\n\n",
            if tagger.doc_model().is_some() {
                "sentence pass, then document memory"
            } else {
                "none, sentence model only"
            },
            tokens as f64 / document_secs.max(1e-9)
        ));
        md.push_str(&scores.markdown());
        let mut scores = Scores::default();
        for (g, p) in gold.iter().zip(&sentence_tags) {
            scores.add(g, p);
        }
        md.push_str(&format!(
            "\n### Sentence model alone (`Tagger::tag`)\n\n{:.0} tokens/s.\n\n",
            tokens as f64 / sentence_secs.max(1e-9)
        ));
        md.push_str(&scores.markdown());
    } else {
        md.push_str(
            "The committed model was trained on all of `anercorp-train.conll`, so no honest held-out \
             score can be computed from it; see `data/tagger/README.md` for the held-out score \
             measured before the final retraining.\n",
        );
    }

    let path = dir.join("newsfane-dev.conll");
    if path.is_file() {
        let sentences = read_sentences(open(&path)?).map_err(|source| EvalError::Io { path: path.clone(), source })?;
        let mut scores = Scores::default();
        let mut fine: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let token_lists: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|c| c[0].as_str()).collect()).collect();
        let predicted = tagger.tag_document(&token_lists);
        for (s, pred) in sentences.iter().zip(predicted) {
            let gold: Vec<&str> = s.iter().map(|c| c.get(1).map(|t| t.trim()).unwrap_or("O")).collect();
            scores.add(&gold, &pred);
            let pred_chunks = chunks(&pred);
            let gold_chunks = chunks(&gold);
            let fine_tags: Vec<&str> = s.iter().map(|c| c.get(2).map(|t| t.trim()).unwrap_or("O")).collect();
            for fc in chunks(&fine_tags) {
                if !matches!(fc.kind.as_str(), "Politician" | "Nation" | "Government") {
                    continue;
                }
                let e = fine.entry(fc.kind.clone()).or_default();
                e.0 += 1;
                let coarse = gold_chunks.iter().find(|g| g.start == fc.start && g.end == fc.end);
                let hit = pred_chunks.iter().any(|p| {
                    p.start == fc.start
                        && p.end == fc.end
                        && match coarse {
                            Some(g) => g.kind == p.kind,
                            None => true,
                        }
                });
                if hit {
                    e.1 += 1;
                }
            }
        }
        md.push_str("\n## NewsFANE dev (coarse tags, column 2)\n\n");
        md.push_str(
            "NewsFANE is clitic-segmented and alef-normalised, unlike ANERcorp, and covers the same \
             ANERcorp text re-annotated, including the training part: read it as a robustness check \
             on differently tokenised input, not as a held-out score.\n\n",
        );
        md.push_str(&scores.markdown());
        md.push_str("\nRecall on fine classes (exact span and coarse type):\n\n| Fine class | Gold | Found | Recall |\n|---|---:|---:|---:|\n");
        for (k, (g, h)) in &fine {
            md.push_str(&format!("| {} | {} | {} | {:.4} |\n", k, g, h, *h as f64 / (*g).max(1) as f64));
        }
    }
    Ok(md)
}
