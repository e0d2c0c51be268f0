//! One JSON Lines record (`{"id", "text"}` or `{"id", "html"}` with optional title,
//! published, url and source) into a document.

use crate::html;
use hadath_text::{Date, Diagnostic, Document};
use serde::Deserialize;
use serde_json::Value;

/// The fields hadath reads; any other field is skipped without being kept.
#[derive(Deserialize)]
struct Record {
    id: Option<Value>,
    text: Option<Value>,
    html: Option<Value>,
    title: Option<Value>,
    published: Option<Value>,
    url: Option<Value>,
    source: Option<Value>,
}

fn as_string(v: Option<Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads one JSON line. `fallback_id` (such as `file.jsonl#3`) names records without an id
/// and records that cannot be parsed; those carry an error diagnostic.
pub fn parse_line(line: &[u8], fallback_id: &str) -> Document {
    let mut diagnostics = Vec::new();
    // Nearly every line is valid UTF-8: checked once here (with SIMD), its strings need no
    // second check, so it is parsed as a `str`. Other lines take the byte parser as before.
    let parsed = match simdutf8::basic::from_utf8(line) {
        Ok(s) => serde_json::from_str::<Record>(s),
        Err(_) => serde_json::from_slice::<Record>(line),
    };
    let parsed = match parsed {
        Ok(r) => Ok(r),
        Err(e) if std::str::from_utf8(line).is_err() => {
            diagnostics.push(Diagnostic::warning("invalid-utf8", "the line is not valid UTF-8; decoded lossily"));
            serde_json::from_str::<Record>(&String::from_utf8_lossy(line)).map_err(|_| e)
        }
        Err(e) => Err(e),
    };
    let record = match parsed {
        Ok(r) => r,
        Err(e) => {
            let mut doc = Document::new(fallback_id, "");
            doc.meta.format = "jsonl".into();
            doc.diagnostics = diagnostics;
            doc.diagnostics.push(Diagnostic::error("broken-json", format!("cannot parse the JSON line: {e}")));
            return doc;
        }
    };
    let id = as_string(record.id).filter(|s| !s.is_empty()).unwrap_or_else(|| fallback_id.to_string());
    let mut doc = Document::new(id, "");
    doc.meta.format = "jsonl".into();
    doc.diagnostics = diagnostics;
    doc.meta.url = as_string(record.url);
    doc.meta.source = as_string(record.source);
    doc.meta.title = as_string(record.title).filter(|t| !t.trim().is_empty());
    if let Some(p) = record.published {
        match &p {
            Value::String(s) => match Date::parse_iso(s) {
                Some(d) => doc.meta.published = Some(d),
                None => {
                    doc.diagnostics.push(Diagnostic::warning("bad-date", format!("`published` is not a date: {s:?}")))
                }
            },
            Value::Null => {}
            _ => doc.diagnostics.push(Diagnostic::warning("bad-date", "`published` is not a string")),
        }
    }
    match (record.text, record.html) {
        (Some(Value::String(text)), _) => doc.text = text,
        (Some(Value::Null) | None, Some(Value::String(page))) => {
            let e = html::extract(&page);
            doc.text = e.text;
            if doc.meta.title.is_none() {
                doc.meta.title = e.title;
            }
            if doc.meta.published.is_none() {
                doc.meta.published = e.published;
            }
        }
        (Some(Value::Null) | None, None | Some(Value::Null)) => {
            doc.diagnostics.push(Diagnostic::error("no-text", "the record has neither `text` nor `html`"));
        }
        (None | Some(Value::Null), Some(_)) => {
            doc.diagnostics.push(Diagnostic::error("bad-field", "`html` is not a string"))
        }
        (Some(_), _) => doc.diagnostics.push(Diagnostic::error("bad-field", "`text` is not a string")),
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use hadath_text::Severity;

    #[test]
    fn reads_records() {
        let d = parse_line(
            r#"{"id":"a","text":"نص","published":"2024-05-06T10:00:00+02:00","extra":[1,{"x":2}],"title":"ع"}"#
                .as_bytes(),
            "f#1",
        );
        assert_eq!(d.id, "a");
        assert_eq!(d.text, "نص");
        assert_eq!(d.meta.published, Date::new(2024, 5, 6));
        assert_eq!(d.meta.title.as_deref(), Some("ع"));
        assert!(d.diagnostics.is_empty());
        let d = parse_line(br#"{"id":7,"html":"<p>hello there</p>"}"#, "f#2");
        assert_eq!(d.id, "7");
        assert_eq!(d.text, "hello there");
    }

    #[test]
    fn bad_records_are_diagnosed() {
        let d = parse_line(br#"{"id":"b","text":42}"#, "f#1");
        assert_eq!(d.id, "b");
        assert!(d.failed());
        let d = parse_line(br#"{"id":"c","text":"x"#, "f#2");
        assert_eq!(d.id, "f#2");
        assert_eq!(d.diagnostics[0].code, "broken-json");
        let d = parse_line(br#"[1,2]"#, "f#3");
        assert!(d.failed());
        let d = parse_line(br#"{"id":"d"}"#, "f#4");
        assert!(d.failed());
        let d = parse_line(br#"{"id":"e","text":"ok","published":"yesterday"}"#, "f#5");
        assert!(!d.failed());
        assert_eq!(d.diagnostics[0].severity, Severity::Warning);
        let mut line = br#"{"id":"f","text":"a"#.to_vec();
        line.push(0xff);
        line.extend_from_slice(br#"b"}"#);
        let d = parse_line(&line, "f#6");
        assert!(!d.failed());
        assert_eq!(d.text, "a\u{fffd}b");
        assert_eq!(d.diagnostics[0].code, "invalid-utf8");
    }
}
