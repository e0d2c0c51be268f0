//! Evaluation against the Arabic PLOVER gold standard (`events/gsr-dev.jsonl`): detection and actors.

use hadath_text::{Date, Document, EventStatus, Paragraph, ParagraphKind, Published, PublishedBasis};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path} line {line}: {message}")]
    Parse { path: String, line: usize, message: String },
}

/// Builds a document from plain text and runs every analysis layer, events included.
pub fn analyse_text(id: &str, text: &str, published: Option<Date>) -> Document {
    let mut doc = prepare_text(id, text, published);
    crate::annotate_events(&mut doc);
    doc
}

/// Builds a document from plain text and runs every layer the event coder reads.
pub fn prepare_text(id: &str, text: &str, published: Option<Date>) -> Document {
    let mut doc = Document::new(id, text);
    doc.meta.published = published;
    doc.paragraphs = hadath_text::segment::lines(text)
        .into_iter()
        .map(|span| Paragraph { span, kind: ParagraphKind::Body, lang: hadath_text::Lang::Arabic })
        .collect();
    hadath_text::segment::segment_document(&mut doc);
    if let Some(d) = published {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
    }
    hadath_lexicon::Lexicon::get().annotate(&mut doc);
    hadath_time::annotate_times(&mut doc);
    hadath_numbers::annotate_numbers(&mut doc);
    doc
}

/// Detection counts for one task.
#[derive(Default, Debug, Clone)]
pub struct Detection {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    pub ignored: usize,
    /// Actor country comparisons on true positives: (agreeing, total).
    pub actor_agree: usize,
    pub actor_total: usize,
    pub missed_no_trigger: usize,
    pub missed_not_occurred: usize,
    /// False positives by pattern id.
    pub false_by_pattern: BTreeMap<String, usize>,
    /// False positives by gold label (easy no, difficult no).
    pub false_by_label: BTreeMap<String, usize>,
    /// False positives as (gold label, pattern id, trigger, text), for inspection.
    pub false_examples: Vec<(String, String, String, String)>,
    /// Misses as (record id, text), for inspection.
    pub missed_examples: Vec<(String, String)>,
    /// Actor comparisons as (gold source, coded source, gold target, coded target, text).
    pub actor_examples: Vec<[String; 5]>,
    /// What one of the gold's own coders is expected to score against the gold: each record
    /// counts as accepted with the share of its coders who accepted it (true positives, false
    /// positives, misses). A record is labelled yes only when every coder accepted it, so this
    /// is a reference for how far the label is from one coder's judgement.
    pub coder_tp: f64,
    pub coder_fp: f64,
    pub coder_fn: f64,
    /// Bytes of text coded and seconds spent in the event coder alone.
    pub bytes: usize,
    pub coder_seconds: f64,
}

impl Detection {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Precision, recall and F1 expected of one gold coder (see `coder_tp`).
    pub fn coder_scores(&self) -> (f64, f64, f64) {
        let share = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        let p = share(self.coder_tp, self.coder_tp + self.coder_fp);
        let r = share(self.coder_tp, self.coder_tp + self.coder_fn);
        (p, r, share(2.0 * p * r, p + r))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The country part of a gold code such as `PAK OPP` (`None` for `None UAF`).
fn gold_country(code: Option<&str>) -> Option<String> {
    let c = code?.split_whitespace().next()?;
    (c != "None" && !c.is_empty()).then(|| c.to_string())
}

/// The country part of a coded actor, as the gold writes it: its country, or `IGO` for an
/// intergovernmental organisation and `IMG` for a transnational armed group (the lexicon gives
/// NATO, the UN or the Arab League a code starting with `IGO`, al-Qaeda or the Islamic State
/// one starting with `IMG`, and no country; the gold's codes put `IGO` or `IMG` in the
/// country slot).
pub fn actor_country(a: &hadath_text::Actor) -> Option<String> {
    a.country.clone().or_else(|| {
        let code = a.code.as_deref()?;
        ["IGO", "IMG"].into_iter().find(|p| code.starts_with(p)).map(str::to_string)
    })
}

/// Which records of the gold file to score: all, or one half chosen by a hash of the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    All,
    /// Records whose id hash has an even first hex digit (the tuning half).
    A,
    /// Records whose id hash has an odd first hex digit (the checking half).
    B,
}

impl Half {
    /// Whether a record id belongs to this half.
    pub fn holds(self, id: &str) -> bool {
        match self {
            Half::All => true,
            Half::A => id_half_is_a(id),
            Half::B => !id_half_is_a(id),
        }
    }
}

/// Whether the first hex digit of the id's FNV-1a hash is even.
fn id_half_is_a(id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 60).is_multiple_of(2)
}

/// Scores the coder on one gold file and returns per-task detection counts.
pub fn score_file(path: &Path) -> Result<BTreeMap<String, Detection>, EvalError> {
    score_file_half(path, Half::All)
}

/// Scores the coder on one half of a gold file and returns per-task detection counts.
pub fn score_file_half(path: &Path, half: Half) -> Result<BTreeMap<String, Detection>, EvalError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| EvalError::Read { path: path.display().to_string(), source })?;
    let mut out: BTreeMap<String, Detection> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(line).map_err(|e| EvalError::Parse {
            path: path.display().to_string(),
            line: i + 1,
            message: e.to_string(),
        })?;
        let task = rec["task"].as_str().unwrap_or("").to_string();
        let label = rec["label"].as_str().unwrap_or("");
        let id = rec["id"].as_str().unwrap_or("");
        if !half.holds(id) {
            continue;
        }
        let body = rec["text"].as_str().unwrap_or("");
        let date = rec["date"].as_str().and_then(Date::parse_iso);
        let want = task.to_uppercase();
        let det = out.entry(task.clone()).or_default();
        if label == "ambiguous" {
            det.ignored += 1;
            continue;
        }
        let votes = &rec["votes"];
        if let (Some(accept), Some(total)) = (votes["accept"].as_f64(), votes["total"].as_f64()) {
            if total > 0.0 {
                let share = (accept / total).clamp(0.0, 1.0);
                if label == "yes" {
                    det.coder_tp += share;
                    det.coder_fn += 1.0 - share;
                } else {
                    det.coder_fp += share;
                }
            }
        }
        let mut doc = prepare_text(id, body, date);
        let t0 = std::time::Instant::now();
        crate::annotate_events(&mut doc);
        det.coder_seconds += t0.elapsed().as_secs_f64();
        det.bytes += body.len();
        let of_type: Vec<_> = doc.events.iter().filter(|e| e.event_type == want).collect();
        let occurred: Vec<_> = of_type.iter().filter(|e| e.status == EventStatus::Occurred).collect();
        let gold_yes = label == "yes";
        match (gold_yes, !occurred.is_empty()) {
            (true, true) => {
                det.tp += 1;
                if let Some(g) = rec["events"].as_array().and_then(|a| a.first()) {
                    let e = occurred[0];
                    let pred_src = e.source.first().and_then(actor_country);
                    let pred_tgt = e.target.first().and_then(actor_country);
                    let gs = gold_country(g["source_code"].as_str());
                    let gt = gold_country(g["target_code"].as_str());
                    det.actor_total += 2;
                    det.actor_agree += usize::from(pred_src == gs) + usize::from(pred_tgt == gt);
                    let show = |c: &Option<String>| c.clone().unwrap_or_else(|| "-".into());
                    det.actor_examples.push([show(&gs), show(&pred_src), show(&gt), show(&pred_tgt), body.to_string()]);
                }
            }
            (true, false) => {
                det.fn_ += 1;
                det.missed_examples.push((id.to_string(), body.to_string()));
                if of_type.is_empty() {
                    det.missed_no_trigger += 1;
                } else {
                    det.missed_not_occurred += 1;
                }
            }
            (false, true) => {
                det.fp += 1;
                *det.false_by_pattern.entry(occurred[0].pattern.clone()).or_default() += 1;
                *det.false_by_label.entry(label.to_string()).or_default() += 1;
                let trig = doc.slice(occurred[0].trigger).to_string();
                det.false_examples.push((label.to_string(), occurred[0].pattern.clone(), trig, body.to_string()));
            }
            (false, false) => det.tn += 1,
        }
    }
    Ok(out)
}

/// Runs the evaluation on `data_dir/events/gsr-dev.jsonl` and returns a Markdown report.
pub fn run(data_dir: &Path) -> Result<String, EvalError> {
    run_half(data_dir, Half::All)
}

/// Runs the evaluation on one half of the dev file and returns a Markdown report.
pub fn run_half(data_dir: &Path, half: Half) -> Result<String, EvalError> {
    let path = data_dir.join("events").join("gsr-dev.jsonl");
    let started = std::time::Instant::now();
    let scores = score_file_half(&path, half)?;
    let secs = started.elapsed().as_secs_f64();
    let mut r = String::new();
    let _ = writeln!(r, "# Event detection on the PLOVER gold standard (dev, {half:?})\n");
    let _ = writeln!(
        r,
        "File: `{}`. Positives: label yes; negatives: easy no and difficult no; ambiguous set aside.",
        path.display()
    );
    let _ = writeln!(r, "An event counts as detected when an event of the task's type has status occurred.\n");
    let _ = writeln!(r, "| task | P | R | F1 | TP | FP | FN | TN | ambiguous | actor-country agreement |");
    let _ = writeln!(r, "|---|---|---|---|---|---|---|---|---|---|");
    for (task, d) in &scores {
        let _ = writeln!(
            r,
            "| {task} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {} | {} | {:.3} ({}/{}) |",
            d.precision(),
            d.recall(),
            d.f1(),
            d.tp,
            d.fp,
            d.fn_,
            d.tn,
            d.ignored,
            ratio(d.actor_agree, d.actor_total),
            d.actor_agree,
            d.actor_total
        );
    }
    let _ = writeln!(
        r,
        "\nReference: one coder of the gold itself. A record is labelled yes only when every coder \
         accepted it; counting each record as accepted with the share of its coders who did (the \
         coder's own vote included, which favours the coder) gives:\n"
    );
    let _ = writeln!(r, "| task | coder P | coder R | coder F1 |");
    let _ = writeln!(r, "|---|---|---|---|");
    for (task, d) in &scores {
        let (p, rc, f) = d.coder_scores();
        let _ = writeln!(r, "| {task} | {p:.3} | {rc:.3} | {f:.3} |");
    }
    let _ = writeln!(r, "\n## Errors by cause\n");
    for (task, d) in &scores {
        let _ = writeln!(r, "### {task}\n");
        let _ = writeln!(
            r,
            "- missed, no event of the type (no trigger, or a mention judged not to report one): {}",
            d.missed_no_trigger
        );
        let _ = writeln!(r, "- missed, trigger found but status not occurred: {}", d.missed_not_occurred);
        let labels: Vec<String> = d.false_by_label.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let _ = writeln!(r, "- false triggers by gold label: {}", labels.join(", "));
        let mut pats: Vec<(&String, &usize)> = d.false_by_pattern.iter().collect();
        pats.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let pats: Vec<String> = pats.iter().map(|(k, v)| format!("`{k}` {v}")).collect();
        let _ = writeln!(r, "- false triggers by pattern: {}\n", pats.join(", "));
    }
    let bytes: usize = scores.values().map(|d| d.bytes).sum();
    let coder: f64 = scores.values().map(|d| d.coder_seconds).sum();
    let _ = writeln!(r, "Time: {secs:.1} s for the whole file, all layers included.");
    if coder > 0.0 {
        let _ = writeln!(
            r,
            "Event coder alone: {:.2} MB in {:.3} s = {:.1} MB/s (one core; this build's profile).",
            bytes as f64 / 1e6,
            coder,
            bytes as f64 / 1e6 / coder
        );
    }
    Ok(r)
}
