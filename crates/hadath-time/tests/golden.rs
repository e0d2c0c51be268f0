//! Golden tests: every case of `cases.tsv` and `news.tsv` (own sentences) must yield its expected mentions.

use hadath_text::TimexValue;
use hadath_time::{find_times, Reference};

fn render(v: &Option<TimexValue>) -> String {
    match v {
        None => "null".to_string(),
        Some(TimexValue::Single(s)) => s.clone(),
        Some(TimexValue::Interval { from, to }) => format!("{from}..{to}"),
    }
}

#[test]
fn golden_cases() {
    check(include_str!("cases.tsv"), 50);
}

#[test]
fn news_cases() {
    check(include_str!("news.tsv"), 80);
}

fn check(data: &str, at_least: usize) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: three tab-separated columns", n + 1);
        let reference = if cols[0] == "-" { None } else { Some(Reference::parse(cols[0]).expect("reference")) };
        let text = cols[1];
        let found: Vec<(String, String)> = find_times(text, reference)
            .iter()
            .map(|t| (text[t.span.start..t.span.end].to_string(), render(&t.value)))
            .collect();
        count += 1;
        if cols[2] == "-" {
            if !found.is_empty() {
                failures.push(format!("line {}: {text}\n  expected nothing, got {found:?}", n + 1));
            }
            continue;
        }
        for want in cols[2].split('|') {
            let (span, value) = want.split_once(" => ").expect("span => value");
            if !found.iter().any(|(s, v)| s == span.trim() && v == value.trim()) {
                failures.push(format!("line {}: {text}\n  expected {want}, got {found:?}", n + 1));
            }
        }
    }
    assert!(count > at_least);
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
