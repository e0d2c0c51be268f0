//! `hadath time`: JSON lines in, temporal expressions with character offsets out.
//!
//! Input lines are `{"id", "text", "reference"?}`; a line's `reference` wins over the default.
//! A line that is not such an object still yields an output line (its `id` if readable, else
//! null, and empty `times`) so that output lines stay aligned with input lines; a message goes
//! to stderr and the line counts as bad. Blank lines are skipped.

use crate::{find_times, Reference};
use hadath_text::{CharIndex, Precision, TimeKind, TimexValue};
use serde::Serialize;
use std::io::{BufRead, Write};

/// One temporal expression as `hadath time` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct TimeItem {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimeKind,
    pub value: Option<TimexValue>,
    pub precision: Precision,
}

/// One output line of `hadath time`.
#[derive(Debug, Clone, Serialize)]
pub struct TimeLine {
    pub id: serde_json::Value,
    pub times: Vec<TimeItem>,
}

/// Analyses one text: expressions with character offsets.
pub fn time_items(text: &str, reference: Option<Reference>) -> Vec<TimeItem> {
    let index = CharIndex::new(text);
    find_times(text, reference)
        .into_iter()
        .map(|t| TimeItem {
            start: index.char_of(t.span.start),
            end: index.char_of(t.span.end),
            text: text.get(t.span.start..t.span.end).unwrap_or("").to_string(),
            kind: t.kind,
            value: t.value,
            precision: t.precision,
        })
        .collect()
}

/// Runs `hadath time` over JSON lines; returns the number of bad input lines.
pub fn time_command(
    input: impl BufRead,
    mut output: impl Write,
    default_reference: Option<&str>,
) -> std::io::Result<usize> {
    let default_ref = default_reference.and_then(Reference::parse);
    let mut bad = 0;
    for (n, line) in input.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                eprintln!("hadath time: line {}: not UTF-8", n + 1);
                bad += 1;
                write_line(&mut output, &TimeLine { id: serde_json::Value::Null, times: Vec::new() })?;
                continue;
            }
            Err(e) => return Err(e),
        };
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&line);
        let is_object = matches!(parsed, Ok(serde_json::Value::Object(_)));
        let (id, text, reference) = match parsed {
            Ok(serde_json::Value::Object(map)) => {
                let id = map.get("id").cloned().unwrap_or(serde_json::Value::Null);
                let text = map.get("text").and_then(|t| t.as_str()).map(str::to_string);
                let reference = match map.get("reference") {
                    Some(serde_json::Value::String(s)) => match Reference::parse(s) {
                        Some(r) => Some(r),
                        None => {
                            eprintln!("hadath time: line {}: bad reference {s:?}, using the default", n + 1);
                            default_ref
                        }
                    },
                    _ => default_ref,
                };
                (id, text, reference)
            }
            Ok(_) => {
                eprintln!("hadath time: line {}: not a JSON object", n + 1);
                (serde_json::Value::Null, None, None)
            }
            Err(e) => {
                eprintln!("hadath time: line {}: broken JSON: {e}", n + 1);
                (serde_json::Value::Null, None, None)
            }
        };
        let times = match text {
            Some(t) => time_items(&t, reference),
            None => {
                if is_object {
                    eprintln!("hadath time: line {}: no \"text\" string", n + 1);
                }
                bad += 1;
                Vec::new()
            }
        };
        write_line(&mut output, &TimeLine { id, times })?;
    }
    output.flush()?;
    Ok(bad)
}

fn write_line(output: &mut impl Write, line: &TimeLine) -> std::io::Result<()> {
    serde_json::to_writer(&mut *output, line)?;
    output.write_all(b"\n")
}
