//! Reading CoNLL files (token, tag, more columns) and conlleval-style entity scoring.

use std::collections::BTreeMap;
use std::io::{self, BufRead};

/// One sentence of a CoNLL file: the columns of each token line.
pub type Sentence = Vec<Vec<String>>;

/// Reads sentences (blank-line separated) from a tab-separated CoNLL file.
pub fn read_sentences(input: impl BufRead) -> io::Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur: Sentence = Vec::new();
    for line in input.lines() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.push(line.split('\t').map(str::to_string).collect());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// An entity chunk: type and token range `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Chunk {
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

/// Entity chunks of a BIO tag sequence, read the way conlleval reads them.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (bio, kind) = match t.split_once('-') {
            Some((b, k)) if b == "B" || b == "I" => (b, k),
            _ => ("O", ""),
        };
        let continues = bio == "I" && open.as_ref().is_some_and(|c| c.kind == kind);
        if !continues {
            if let Some(mut c) = open.take() {
                c.end = i;
                out.push(c);
            }
            if bio != "O" {
                open = Some(Chunk { kind: kind.to_string(), start: i, end: i + 1 });
            }
        }
    }
    if let Some(mut c) = open.take() {
        c.end = tags.len();
        out.push(c);
    }
    out
}

/// Counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Entity-level scores per type and overall, conlleval style.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub per_type: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub tokens: usize,
    pub tokens_correct: usize,
}

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add<A: AsRef<str>, B: AsRef<str>>(&mut self, gold: &[A], pred: &[B]) {
        let g = chunks(gold);
        let p = chunks(pred);
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a.as_ref() == b.as_ref()).count();
        for c in &g {
            self.per_type.entry(c.kind.clone()).or_default().gold += 1;
            self.overall.gold += 1;
        }
        for c in &p {
            self.per_type.entry(c.kind.clone()).or_default().predicted += 1;
            self.overall.predicted += 1;
            if g.contains(c) {
                self.per_type.entry(c.kind.clone()).or_default().correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// A markdown table of the scores.
    pub fn markdown(&self) -> String {
        let mut s = String::from("| Type | Gold | Predicted | Correct | P | R | F1 |\n");
        s.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
        let row = |name: &str, c: &Counts| {
            format!(
                "| {} | {} | {} | {} | {:.4} | {:.4} | {:.4} |\n",
                name,
                c.gold,
                c.predicted,
                c.correct,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for (k, c) in &self.per_type {
            s.push_str(&row(k, c));
        }
        s.push_str(&row("**overall**", &self.overall));
        s.push_str(&format!(
            "\nToken accuracy: {:.4} ({} tokens)\n",
            ratio(self.tokens_correct, self.tokens),
            self.tokens
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_conlleval() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER"];
        let c = chunks(&tags);
        assert_eq!(c.len(), 4);
        assert_eq!((c[0].start, c[0].end), (0, 2));
        assert_eq!((c[1].kind.as_str(), c[1].start, c[1].end), ("LOC", 3, 5));
        assert_eq!((c[3].kind.as_str(), c[3].start), ("PER", 6));
    }

    #[test]
    fn perfect_scores() {
        let mut s = Scores::default();
        s.add(&["B-PER", "O", "B-LOC"], &["B-PER", "O", "B-LOC"]);
        assert!((s.overall.f1() - 1.0).abs() < 1e-9);
    }
}
