//! Golden tests: every sentence in `cases.tsv` must yield exactly the listed number mentions.

use hadath_numbers::find_numbers;
use hadath_text::NumberKind;

fn kind_name(k: NumberKind) -> &'static str {
    match k {
        NumberKind::Cardinal => "cardinal",
        NumberKind::Ordinal => "ordinal",
        NumberKind::Percent => "percent",
        NumberKind::Range => "range",
    }
}

fn opt(v: Option<i64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "-".into())
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[test]
fn golden_cases() {
    let data = include_str!("cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (text, expected) = line.split_once('\t').unwrap_or((line, ""));
        count += 1;
        let got: Vec<String> = find_numbers(text)
            .iter()
            .map(|m| {
                let counted = m
                    .counted
                    .map(|(s, c)| format!("{}:{}", format!("{c:?}").to_lowercase(), s.slice(text)))
                    .unwrap_or_else(|| "-".into());
                format!(
                    "{}|{}|{}|{}|{}|{}",
                    m.span.slice(text),
                    kind_name(m.kind),
                    fmt_value(m.value),
                    opt(m.min),
                    opt(m.max),
                    counted
                )
            })
            .collect();
        let want: Vec<String> =
            expected.split(" ;; ").map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        if got != want {
            failures.push(format!("{text}\n    got:  {got:?}\n    want: {want:?}"));
        }
    }
    assert!(count >= 40, "too few golden cases: {count}");
    assert!(failures.is_empty(), "{} golden failures:\n{}", failures.len(), failures.join("\n"));
}
