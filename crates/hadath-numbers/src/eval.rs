//! Evaluation over the Recognizers-Text Arabic number specs (`number/recognizers-ar.jsonl`).
//!
//! Each case is scored per spec file: *value* when the predicted values equal the expected
//! ones in order, *span* when the character spans match as well. Cases flagged
//! `ignore_resolution`, `dotnet_not_supported` or `span_mismatch` are soft and counted apart.
//! The report names failing cases by id only, never by text.

use crate::{find_bare_numbers, find_numbers_detailed, find_relative_ordinals, Bound, Qualifier, RelativeTo};
use hadath_text::{CharIndex, NumberKind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Errors of the evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("line {line} of {path} is not a JSON object")]
    Json { path: String, line: usize },
}

/// One predicted or expected item: char span and value text.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// Score of one spec file.
#[derive(Debug, Default, Clone)]
pub struct SpecScore {
    pub hard: usize,
    pub hard_value: usize,
    pub hard_span: usize,
    pub soft: usize,
    pub soft_value: usize,
    pub soft_span: usize,
    pub hard_failures: Vec<String>,
}

/// Scores every spec file; keys are spec names such as `NumberModel`.
pub fn score(data_dir: &Path) -> Result<BTreeMap<String, SpecScore>, EvalError> {
    let path = data_dir.join("number/recognizers-ar.jsonl");
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|source| EvalError::Read { path: shown.clone(), source })?;
    let mut scores: BTreeMap<String, SpecScore> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Value =
            serde_json::from_str(line).map_err(|_| EvalError::Json { path: shown.clone(), line: n + 1 })?;
        let spec = case["source_file"]
            .as_str()
            .and_then(|s| s.rsplit('/').next())
            .unwrap_or("")
            .trim_end_matches(".json")
            .to_string();
        let sentence = case["text"].as_str().unwrap_or("");
        let expected: Vec<Item> =
            case["expected"].as_array().map(|a| a.iter().map(expected_item).collect()).unwrap_or_default();
        let predicted = predict(&spec, sentence);
        let value_ok = predicted.len() == expected.len()
            && predicted.iter().zip(&expected).all(|(p, e)| same_value(&p.value, &e.value));
        let span_ok = value_ok && predicted.iter().zip(&expected).all(|(p, e)| p.start == e.start && p.end == e.end);
        let soft = ["ignore_resolution", "dotnet_not_supported", "span_mismatch"]
            .iter()
            .any(|k| case[*k].as_bool().unwrap_or(false));
        let s = scores.entry(spec).or_default();
        if soft {
            s.soft += 1;
            s.soft_value += value_ok as usize;
            s.soft_span += span_ok as usize;
        } else {
            s.hard += 1;
            s.hard_value += value_ok as usize;
            s.hard_span += span_ok as usize;
            if !value_ok {
                s.hard_failures.push(case["id"].as_str().unwrap_or("?").to_string());
            }
        }
    }
    Ok(scores)
}

/// Runs the evaluation and returns a markdown report.
pub fn run(data_dir: &Path) -> Result<String, EvalError> {
    let scores = score(data_dir)?;
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    let mut out = String::from("## Numbers: Recognizers-Text Arabic specs\n\n");
    out.push_str("| Spec | Cases | Value | Span | Soft cases | Soft value | Soft span | All value |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for (spec, s) in &scores {
        out.push_str(&format!(
            "| {spec} | {} | {:.1}% | {:.1}% | {} | {:.1}% | {:.1}% | {:.1}% |\n",
            s.hard,
            pct(s.hard_value, s.hard),
            pct(s.hard_span, s.hard),
            s.soft,
            pct(s.soft_value, s.soft),
            pct(s.soft_span, s.soft),
            pct(s.hard_value + s.soft_value, s.hard + s.soft)
        ));
    }
    out.push_str("\nCases counts those without soft flags; soft cases are `ignore_resolution`, ");
    out.push_str("`dotnet_not_supported` or `span_mismatch`.\n\n");
    for (spec, s) in &scores {
        if !s.hard_failures.is_empty() {
            out.push_str(&format!("- {spec} failures: {}\n", s.hard_failures.join(", ")));
        }
    }
    Ok(out)
}

fn expected_item(e: &Value) -> Item {
    let v = &e["value"]["value"];
    let value = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    Item { start: e["start"].as_u64().unwrap_or(0) as usize, end: e["end"].as_u64().unwrap_or(0) as usize, value }
}

/// Predictions of this crate in the spec's format.
pub fn predict(spec: &str, text: &str) -> Vec<Item> {
    let ci = CharIndex::new(text);
    let item = |s: hadath_text::Span, value: String| Item { start: ci.char_of(s.start), end: ci.char_of(s.end), value };
    match spec {
        "NumberModel" => find_bare_numbers(text).into_iter().map(|(s, v)| item(s, fmt(v))).collect(),
        "NumberRangeModel" => find_numbers_detailed(text)
            .into_iter()
            .filter(|d| matches!(d.qualifier, Qualifier::Bounded | Qualifier::Between))
            .map(|d| item(d.mention.span, range_text(d.lo, d.hi, d.qualifier)))
            .collect(),
        "OrdinalModelSuppressExtendedTypes" => find_numbers_detailed(text)
            .into_iter()
            .filter(|d| d.mention.kind == NumberKind::Ordinal)
            .map(|d| item(d.mention.span, fmt(d.mention.value)))
            .collect(),
        "OrdinalModel" => {
            let mut items: Vec<Item> = find_numbers_detailed(text)
                .into_iter()
                .filter(|d| d.mention.kind == NumberKind::Ordinal)
                .map(|d| item(d.mention.span, fmt(d.mention.value)))
                .collect();
            for (span, r) in find_relative_ordinals(text) {
                let (s, e) = (ci.char_of(span.start), ci.char_of(span.end));
                if items.iter().any(|i| i.start < e && s < i.end && e - s <= i.end - i.start) {
                    continue;
                }
                items.retain(|i| !(i.start < e && s < i.end));
                let anchor = match r.relative_to {
                    RelativeTo::End => "end",
                    RelativeTo::Current => "current",
                };
                let sign = if r.offset < 0 { "-" } else { "+" };
                items.push(item(span, format!("{anchor}{sign}{}", r.offset.abs())));
            }
            items.sort_by_key(|i| i.start);
            items
        }
        "PercentModel" => find_numbers_detailed(text)
            .into_iter()
            .filter(|d| d.mention.kind == NumberKind::Percent)
            .map(|d| item(d.mention.span, format!("{}%", fmt(d.mention.value))))
            .collect(),
        _ => Vec::new(),
    }
}

/// A number as Recognizers writes it: integers without a point.
pub fn fmt(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Recognizers' interval notation: `(20,35]`, `[30,)`, `(,100]`; between-ranges are `[a,b)`.
fn range_text(lo: Bound, hi: Bound, q: Qualifier) -> String {
    let (l, lv) = match lo {
        Bound::Inclusive(v) => ("[", fmt(v)),
        Bound::Exclusive(v) => ("(", fmt(v)),
        Bound::Open => ("(", String::new()),
    };
    let (h, hv) = match hi {
        Bound::Inclusive(v) if q == Qualifier::Between => (")", fmt(v)),
        Bound::Inclusive(v) => ("]", fmt(v)),
        Bound::Exclusive(v) => (")", fmt(v)),
        Bound::Open => (")", String::new()),
    };
    format!("{l}{lv},{hv}{h}")
}

/// Compares values numerically where both parse, else as text; intervals end by end.
pub fn same_value(p: &str, e: &str) -> bool {
    let num = |s: &str| s.trim().trim_end_matches('%').parse::<f64>().ok();
    match (num(p), num(e)) {
        (Some(a), Some(b)) => return (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        (None, None) => {}
        _ => return false,
    }
    let parts = |s: &str| -> Option<(char, String, String, char)> {
        let s = s.trim();
        let open = s.chars().next()?;
        let close = s.chars().next_back()?;
        let inner = s.get(1..s.len() - 1)?;
        let (a, b) = inner.split_once(',')?;
        Some((open, a.trim().to_string(), b.trim().to_string(), close))
    };
    match (parts(p), parts(e)) {
        (Some((o1, a1, b1, c1)), Some((o2, a2, b2, c2))) => {
            let end = |x: &str, y: &str| match (num(x), num(y)) {
                (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                _ => x.is_empty() && y.is_empty(),
            };
            o1 == o2 && c1 == c2 && end(&a1, &a2) && end(&b1, &b2)
        }
        _ => p == e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_compare_numerically() {
        assert!(same_value("0.3333333333333333", "0.333333333333333"));
        assert!(same_value("(20,35]", "(20,35]"));
        assert!(!same_value("[20,35]", "(20,35]"));
        assert_eq!(fmt(4300.0), "4300");
        assert_eq!(range_text(Bound::Exclusive(10.0), Bound::Open, Qualifier::Bounded), "(10,)");
    }

    #[test]
    fn runs_on_the_data_pack() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        if !dir.join("number/recognizers-ar.jsonl").exists() {
            eprintln!("skipped: data pack not found");
            return;
        }
        let report = run(&dir).expect("report");
        println!("{report}");
        assert!(report.contains("NumberModel"));
        let scores = score(&dir).expect("scores");
        let number = &scores["NumberModel"];
        assert!(number.hard_value * 100 >= number.hard * 95, "NumberModel below 95%: {number:?}");
        let all = number.hard_value + number.soft_value;
        assert!(all * 100 >= (number.hard + number.soft) * 85, "NumberModel (all cases) below 85%: {number:?}");
    }
}
