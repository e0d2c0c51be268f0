//! Format detection from file names and content, and decoding of raw bytes into text.

use crate::InputFormat;
use hadath_text::Diagnostic;

/// Gzip magic bytes.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The format an extension names, looking through a `.gz` suffix.
pub fn format_from_name(name: &str) -> Option<InputFormat> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = base.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "txt" | "text" => Some(InputFormat::Txt),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
        "warc" => Some(InputFormat::Warc),
        _ => None,
    }
}

/// Whether a name ends in `.gz`.
pub fn is_gz_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".gz")
}

/// The format the first bytes of a stream look like.
pub fn format_from_content(head: &[u8]) -> InputFormat {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let t = &head[start..];
    if t.starts_with(b"WARC/") {
        return InputFormat::Warc;
    }
    if t.starts_with(b"{") {
        return InputFormat::Jsonl;
    }
    let lower: Vec<u8> = t.iter().take(1024).map(|b| b.to_ascii_lowercase()).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if t.starts_with(b"<")
        && (has(b"<html") || has(b"<!doctype") || has(b"<body") || has(b"<p") || has(b"<div") || has(b"<head"))
    {
        return InputFormat::Html;
    }
    InputFormat::Txt
}

/// Whether bytes look like a binary file rather than text: NUL bytes, or mostly control chars.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    if sample.contains(&0) {
        return true;
    }
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    control * 10 > sample.len()
}

/// Decodes bytes as UTF-8, lossily with a warning when they are not valid; drops a BOM.
pub fn decode_text(bytes: Vec<u8>, diagnostics: &mut Vec<Diagnostic>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to()).unwrap_or(0);
            diagnostics.push(Diagnostic::warning(
                "invalid-utf8",
                format!("the input is not valid UTF-8 (first bad byte at {bad}); decoded lossily"),
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(format_from_name("a/b.TXT"), Some(InputFormat::Txt));
        assert_eq!(format_from_name("crawl.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(format_from_name("x.jsonl.gz"), Some(InputFormat::Jsonl));
        assert_eq!(format_from_name("README"), None);
        assert_eq!(format_from_content(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(format_from_content(b"  {\"id\":1}"), InputFormat::Jsonl);
        assert_eq!(format_from_content(b"<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(format_from_content("نص عادي".as_bytes()), InputFormat::Txt);
        assert!(looks_binary(b"ab\0cd"));
        assert!(!looks_binary("نص\n".as_bytes()));
    }
}
