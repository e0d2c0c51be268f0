//! Evaluation of the temporal layer over the Duckling and Recognizers Arabic test sets.
//!
//! [`run`] reads `time/duckling-ar.jsonl` and `time/recognizers-ar.jsonl` under a data folder and
//! returns a markdown report: value accuracy per kind (Duckling) and per spec file
//! (Recognizers), with `ignore_resolution`, `dotnet_not_supported` and `span_mismatch` cases
//! counted apart as soft, and the failures named.

use crate::command::{time_items, TimeItem};
use crate::Reference;
use hadath_text::TimexValue;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: broken JSON: {source}")]
    Json { path: PathBuf, line: usize, source: serde_json::Error },
}

/// Scores of one group of cases.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub cases: usize,
    pub correct: usize,
    pub soft_cases: usize,
    pub soft_correct: usize,
    /// Every case not marked `ignore_resolution` (so with `dotnet_not_supported` and
    /// `span_mismatch` ones): the broader reading of "cases with a resolution".
    pub broad_cases: usize,
    pub broad_correct: usize,
    pub failures: Vec<String>,
    /// Failures among the broad cases that are soft (`dotnet_not_supported`, `span_mismatch`).
    pub broad_failures: Vec<String>,
}

impl Tally {
    fn pct(n: usize, d: usize) -> String {
        if d == 0 {
            "–".to_string()
        } else {
            format!("{:.1}%", 100.0 * n as f64 / d as f64)
        }
    }
}

/// Summary numbers the report is built from, for tests and CI gates.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub duckling: BTreeMap<String, Tally>,
    pub recognizers: BTreeMap<String, Tally>,
}

/// Accuracy over the scored cases of the named groups, 0 when there are none.
fn accuracy_of(groups: &BTreeMap<String, Tally>, names: &[&str]) -> f64 {
    let (correct, cases) =
        names.iter().filter_map(|k| groups.get(*k)).fold((0, 0), |(c, n), t| (c + t.correct, n + t.cases));
    if cases == 0 {
        0.0
    } else {
        correct as f64 / cases as f64
    }
}

impl Summary {
    /// Duckling value accuracy over the datetime and interval cases.
    pub fn duckling_target(&self) -> f64 {
        accuracy_of(&self.duckling, &["datetime", "interval"])
    }
    /// Recognizers DateParser + DatePeriodParser accuracy on cases with a resolution.
    pub fn recognizers_target(&self) -> f64 {
        accuracy_of(&self.recognizers, &["DateParser", "DatePeriodParser"])
    }
    /// The same over every case not marked `ignore_resolution`.
    pub fn recognizers_broad(&self) -> f64 {
        let (c, n) = ["DateParser", "DatePeriodParser"]
            .iter()
            .filter_map(|k| self.recognizers.get(*k))
            .fold((0, 0), |(c, n), t| (c + t.broad_correct, n + t.broad_cases));
        if n == 0 {
            0.0
        } else {
            c as f64 / n as f64
        }
    }
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read { path: path.to_path_buf(), source })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        out.push(v);
    }
    Ok(out)
}

/// Runs both evaluations and returns the markdown report.
pub fn run(data_dir: &Path) -> Result<String, EvalError> {
    let summary = summarize(data_dir)?;
    Ok(report(&summary))
}

/// Runs both evaluations and returns the numbers.
pub fn summarize(data_dir: &Path) -> Result<Summary, EvalError> {
    let duckling = read_jsonl(&data_dir.join("time/duckling-ar.jsonl"))?;
    let recognizers = read_jsonl(&data_dir.join("time/recognizers-ar.jsonl"))?;
    Ok(Summary { duckling: eval_duckling(&duckling), recognizers: eval_recognizers(&recognizers) })
}

fn report(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Time: Duckling AR (`time/duckling-ar.jsonl`)\n");
    let _ = writeln!(
        out,
        "Value accuracy on datetime + interval cases: **{:.1}%** (target ≥ 98%).\n",
        100.0 * s.duckling_target()
    );
    let _ = writeln!(out, "| kind | cases | correct | accuracy |\n|---|---|---|---|");
    for (k, t) in &s.duckling {
        let _ = writeln!(out, "| {k} | {} | {} | {} |", t.cases, t.correct, Tally::pct(t.correct, t.cases));
    }
    let _ = writeln!(out, "\n## Time: Recognizers AR (`time/recognizers-ar.jsonl`)\n");
    let _ = writeln!(
        out,
        "DateParser + DatePeriodParser accuracy on cases with a resolution: **{:.1}%** (target ≥ 95%).\n",
        100.0 * s.recognizers_target()
    );
    let _ = writeln!(
        out,
        "The same over every case not marked `ignore_resolution` (with the `dotnet_not_supported` and \
         `span_mismatch` ones): **{:.1}%**.\n",
        100.0 * s.recognizers_broad()
    );
    let _ = writeln!(
        out,
        "Parser specs score the resolved value, extractor specs the exact span. Soft cases (`ignore_resolution`, \
         `dotnet_not_supported`, `span_mismatch`) are scored apart; the broad columns count every case not \
         marked `ignore_resolution`.\n"
    );
    let _ = writeln!(
        out,
        "| spec file | scored cases | correct | accuracy | soft cases | soft correct | broad cases | broad accuracy |\n\
         |---|---|---|---|---|---|---|---|"
    );
    for (k, t) in &s.recognizers {
        let _ = writeln!(
            out,
            "| {k} | {} | {} | {} | {} | {} | {} | {} |",
            t.cases,
            t.correct,
            Tally::pct(t.correct, t.cases),
            t.soft_cases,
            Tally::pct(t.soft_correct, t.soft_cases),
            t.broad_cases,
            Tally::pct(t.broad_correct, t.broad_cases)
        );
    }
    let _ = writeln!(out, "\n### Known failures (scored cases)\n");
    for (name, group) in [("Duckling", &s.duckling), ("Recognizers", &s.recognizers)] {
        for (k, t) in group {
            if t.failures.is_empty() {
                continue;
            }
            let _ = writeln!(out, "- **{name} {k}** ({}):", t.failures.len());
            for f in t.failures.iter().take(40) {
                let _ = writeln!(out, "  - {f}");
            }
        }
    }
    let _ = writeln!(out, "\n### Failures among the broad cases that are soft (DateParser, DatePeriodParser)\n");
    for k in ["DateParser", "DatePeriodParser"] {
        let Some(t) = s.recognizers.get(k) else { continue };
        let _ = writeln!(out, "- **Recognizers {k}** ({}):", t.broad_failures.len());
        for f in t.broad_failures.iter().take(80) {
            let _ = writeln!(out, "  - {f}");
        }
    }
    out
}

/// The start instant of a TIMEX value, as `YYYY-MM-DDTHH:MM:SS`.
fn instant(v: &str) -> Option<String> {
    let v = v.trim();
    if let Some((y, w)) = v.split_once("-W") {
        let y: i32 = y.parse().ok()?;
        let w: i64 = w.get(..2)?.parse().ok()?;
        let jan4 = hadath_text::Date::new(y, 1, 4)?;
        let monday = jan4.add_days(-(jan4.weekday() as i64 - 1) + 7 * (w - 1));
        return Some(format!("{}T00:00:00", monday.iso()));
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, t),
        None => (v, ""),
    };
    let date = match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        10 => date.to_string(),
        _ => return None,
    };
    let time = match time.len() {
        0 => "00:00:00".to_string(),
        2 => format!("{time}:00:00"),
        5 => format!("{time}:00"),
        8 => time.to_string(),
        _ => return None,
    };
    Some(format!("{date}T{time}"))
}

fn show(item: Option<&TimeItem>) -> String {
    match item {
        None => "nothing".to_string(),
        // Character offsets, not the text: the report names cases without quoting the data pack.
        Some(t) => format!("{}..{} {}", t.start, t.end, serde_json::to_string(&t.value).unwrap_or_default()),
    }
}

/// The item covering the most characters.
fn longest(items: &[TimeItem]) -> Option<&TimeItem> {
    items.iter().max_by_key(|t| (t.end - t.start, usize::MAX - t.start))
}

fn eval_duckling(rows: &[Value]) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for r in rows {
        let kind = r["kind"].as_str().unwrap_or("?").to_string();
        let text = r["text"].as_str().unwrap_or("");
        let mut reference = r["reference"].as_str().and_then(Reference::parse);
        if let Some(reference) = reference.as_mut() {
            reference.utc_offset = r["reference_tz"].as_str().and_then(Reference::parse_offset);
        }
        let items = time_items(text, reference);
        let best = longest(&items);
        let expected = &r["expected_value"];
        let ok = match (kind.as_str(), best) {
            ("negative", _) => items.is_empty(),
            (_, None) => false,
            (_, Some(t)) => match (&t.value, expected) {
                (Some(TimexValue::Single(v)), Value::String(e)) => instant(v).as_deref() == Some(e.as_str()),
                (Some(TimexValue::Interval { from, to }), Value::Object(e)) => {
                    instant(from).as_deref() == e.get("from").and_then(Value::as_str)
                        && instant(to).as_deref() == e.get("to").and_then(Value::as_str)
                }
                _ => false,
            },
        };
        let t = out.entry(kind).or_default();
        t.cases += 1;
        if ok {
            t.correct += 1;
        } else {
            let id = r["id"].as_str().unwrap_or("?");
            t.failures.push(format!("{id}: expected {expected}, got {}", show(best)));
        }
    }
    out
}

/// A TIMEX pattern with X placeholders matches a value of the same shape.
fn timex_matches(pattern: &str, value: &str) -> bool {
    if pattern == value {
        return true;
    }
    if pattern.len() == value.len() {
        return pattern.chars().zip(value.chars()).all(|(p, v)| p == 'X' || p == v);
    }
    // Seasons: "SU" matches "2016-SU".
    value.ends_with(&format!("-{pattern}")) && pattern.len() == 2
}

fn time_of(v: &str) -> Option<String> {
    let t = v.split_once('T')?.1;
    instant(&format!("2000-01-01T{t}")).map(|s| s[11..].to_string())
}

fn recognizers_ok(items: &[TimeItem], e: &Value) -> (bool, Option<usize>) {
    let (Some(es), Some(ee)) = (e["start"].as_u64(), e["end"].as_u64()) else {
        return (false, None);
    };
    let (es, ee) = (es as usize, ee as usize);
    let pick = items
        .iter()
        .enumerate()
        .filter(|(_, t)| t.start < ee && es < t.end)
        .max_by_key(|(_, t)| t.end.min(ee).saturating_sub(t.start.max(es)))
        .map(|(i, _)| i);
    let value = &e["value"];
    let timex = e["timex"].as_str().unwrap_or("");
    let sides = [&value["future"], &value["past"]];
    let invalid = sides.iter().any(|s| s["date"].as_str() == Some("0001-01-01"));
    let Some(i) = pick else { return (invalid, None) };
    let mine = &items[i].value;
    if invalid {
        return (mine.is_none(), Some(i));
    }
    let ok = sides.iter().any(|s| match mine {
        Some(TimexValue::Single(v)) => {
            if let Some(d) = s["date"].as_str() {
                v == d
            } else if let (Some(a), Some(b)) = (s["startDate"].as_str(), s["endDate"].as_str()) {
                let _ = (a, b);
                false
            } else if let Some(t) = s["time"].as_str() {
                time_of(v).as_deref() == Some(t)
            } else if s.get("duration").is_some() {
                v == timex
            } else {
                false
            }
        }
        Some(TimexValue::Interval { from, to }) => {
            if let (Some(a), Some(b)) = (s["startDate"].as_str(), s["endDate"].as_str()) {
                instant(from) == instant(a) && instant(to) == instant(b)
            } else if let (Some(a), Some(b)) = (s["startTime"].as_str(), s["endTime"].as_str()) {
                time_of(from).as_deref() == Some(a) && time_of(to).as_deref() == Some(b)
            } else {
                false
            }
        }
        None => false,
    });
    if ok {
        return (true, Some(i));
    }
    // Ranges named by a single value ("2016-06" for June): compare the covered days.
    if let Some(TimexValue::Single(v)) = mine {
        for s in sides {
            if let (Some(a), Some(b)) = (s["startDate"].as_str(), s["endDate"].as_str()) {
                if let Some(range) = single_range(v) {
                    if range.0 == a && range.1 == b {
                        return (true, Some(i));
                    }
                }
            }
        }
        if !timex.is_empty() && timex_matches(timex, v) {
            return (true, Some(i));
        }
    }
    (false, Some(i))
}

/// The `[start, end)` days of a month or year value.
fn single_range(v: &str) -> Option<(String, String)> {
    match v.len() {
        2 | 3 if v.chars().all(|c| c.is_ascii_digit()) => {
            let step = if v.len() == 2 { 100 } else { 10 };
            let y: i32 = v.parse::<i32>().ok()? * step;
            Some((format!("{y:04}-01-01"), format!("{:04}-01-01", y + step)))
        }
        4 => {
            let y: i32 = v.parse().ok()?;
            Some((format!("{y:04}-01-01"), format!("{:04}-01-01", y + 1)))
        }
        7 => {
            let y: i32 = v.get(..4)?.parse().ok()?;
            let m: u32 = v.get(5..7)?.parse().ok()?;
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            Some((format!("{y:04}-{m:02}-01"), format!("{ny:04}-{nm:02}-01")))
        }
        _ => None,
    }
}

fn eval_recognizers(rows: &[Value]) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for r in rows {
        let file = r["source_file"].as_str().unwrap_or("?");
        let spec = file.rsplit('/').next().unwrap_or(file).trim_end_matches(".json").to_string();
        let text = r["text"].as_str().unwrap_or("");
        let reference = r["reference"].as_str().and_then(Reference::parse);
        let items = time_items(text, reference);
        let soft = r["ignore_resolution"].as_bool().unwrap_or(false)
            || r["dotnet_not_supported"].as_bool().unwrap_or(false)
            || r["span_mismatch"].as_bool().unwrap_or(false);
        let expected = r["expected"].as_array().cloned().unwrap_or_default();
        let extractor = spec.ends_with("Extractor");
        let ok = if extractor {
            let want: Vec<(u64, u64)> =
                expected.iter().filter_map(|e| Some((e["start"].as_u64()?, e["end"].as_u64()?))).collect();
            let got: Vec<(u64, u64)> = items.iter().map(|t| (t.start as u64, t.end as u64)).collect();
            want == got
        } else if expected.is_empty() {
            items.is_empty()
        } else {
            expected.iter().all(|e| recognizers_ok(&items, e).0)
        };
        let t = out.entry(spec).or_default();
        let broad = !r["ignore_resolution"].as_bool().unwrap_or(false);
        if broad {
            t.broad_cases += 1;
            t.broad_correct += ok as usize;
        }
        let failure = || {
            let want: Vec<String> = expected
                .iter()
                .map(|e| {
                    let value = if extractor { String::new() } else { format!(" {}", e["value"]) };
                    format!("{}..{}{value}", e["start"], e["end"])
                })
                .collect();
            let got: Vec<String> = items.iter().map(|i| show(Some(i))).collect();
            let id = r["id"].as_str().unwrap_or("?");
            format!("{id} (reference {}): expected [{}], got [{}]", r["reference"], want.join("; "), got.join("; "))
        };
        if soft {
            t.soft_cases += 1;
            t.soft_correct += ok as usize;
            if broad && !ok {
                t.broad_failures.push(failure());
            }
        } else {
            t.cases += 1;
            if ok {
                t.correct += 1;
            } else {
                t.failures.push(failure());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants() {
        assert_eq!(instant("2013-02").as_deref(), Some("2013-02-01T00:00:00"));
        assert_eq!(instant("2013-W07").as_deref(), Some("2013-02-11T00:00:00"));
        assert_eq!(instant("2013-02-12T15:00").as_deref(), Some("2013-02-12T15:00:00"));
        assert!(timex_matches("XXXX-10-02", "2017-10-02"));
        assert!(timex_matches("SU", "2016-SU"));
    }
}
