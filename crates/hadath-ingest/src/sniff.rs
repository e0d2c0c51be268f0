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

/// Whether bytes look like a binary file rather than text: more than one NUL byte in a hundred,
/// or more than one control byte in ten, in the first 8 KiB. A few stray NULs in a text are
/// dropped by [`decode_text`] instead.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let nul = sample.iter().filter(|&&b| b == 0).count();
    if nul * 100 > sample.len() {
        return true;
    }
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    control * 10 > sample.len()
}

/// The charset a page or an HTTP header declares (`charset=…`), lowercased.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let label: String =
        rest.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')).map(|&b| b as char).collect();
    (!label.is_empty()).then_some(label)
}

/// Whether bytes that are not UTF-8 read as Arabic in Windows-1256: most high bytes decode to
/// Arabic letters (UTF-8 Arabic does not: half its bytes are continuation bytes).
fn looks_like_windows_1256(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(65536)];
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    if high < 16 {
        return false;
    }
    let (text, _) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(sample);
    let arabic = text.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count();
    arabic * 10 >= high * 7
}

/// Decodes bytes to text: UTF-8; else a declared legacy charset (`declared`, or a
/// `charset=` in the bytes themselves); else Windows-1256 when the bytes read as Arabic in it;
/// else UTF-8 decoded lossily. Each fallback leaves a warning. A BOM is dropped.
pub fn decode_text(bytes: Vec<u8>, declared: Option<&str>, diagnostics: &mut Vec<Diagnostic>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let label = declared.map(str::to_string).or_else(|| declared_charset(&bytes));
            let legacy = label
                .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
                .filter(|enc| *enc != encoding_rs::UTF_8)
                .or_else(|| looks_like_windows_1256(&bytes).then_some(encoding_rs::WINDOWS_1256));
            match legacy {
                Some(enc) => {
                    let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
                    let note = if had_errors { " (some bytes replaced)" } else { "" };
                    diagnostics.push(Diagnostic::warning(
                        "legacy-encoding",
                        format!("the input is not UTF-8; decoded as {}{note}", enc.name()),
                    ));
                    text.into_owned()
                }
                None => {
                    let bad = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to()).unwrap_or(0);
                    diagnostics.push(Diagnostic::warning(
                        "invalid-utf8",
                        format!("the input is not valid UTF-8 (first bad byte at {bad}); decoded lossily"),
                    ));
                    String::from_utf8_lossy(&bytes).into_owned()
                }
            }
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\0') {
        let n = text.bytes().filter(|&b| b == 0).count();
        diagnostics.push(Diagnostic::warning("nul-bytes", format!("the input holds {n} NUL bytes; they were dropped")));
        return text.replace('\0', "");
    }
    text
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
        let mut text = "نص عربي طويل بما يكفي ليكون نصا. ".repeat(20).into_bytes();
        let space = text.iter().position(|&b| b == b' ').unwrap();
        text.insert(space, 0);
        assert!(!looks_binary(&text));
        let mut diags = Vec::new();
        let decoded = decode_text(text, None, &mut diags);
        assert!(!decoded.contains('\0') && decoded.starts_with("نص عربي"));
        assert_eq!(diags[0].code, "nul-bytes");
        assert!(!looks_binary("نص\n".as_bytes()));
    }

    #[test]
    fn decodes_legacy_arabic() {
        let (cp, _, _) = encoding_rs::WINDOWS_1256.encode("أعلنت الحكومة السودانية استئناف المفاوضات في جدة");
        let mut diags = Vec::new();
        assert_eq!(decode_text(cp.to_vec(), None, &mut diags), "أعلنت الحكومة السودانية استئناف المفاوضات في جدة");
        assert_eq!(diags[0].code, "legacy-encoding");
        let mut page = b"<meta charset=\"windows-1256\"><p>".to_vec();
        page.extend_from_slice(&cp[..10]);
        let mut diags = Vec::new();
        assert!(decode_text(page, None, &mut diags).starts_with("<meta"));
        assert_eq!(diags[0].code, "legacy-encoding");
        // UTF-8 Arabic with one bad byte stays UTF-8, decoded lossily.
        let mut bytes = "نص عربي طويل بما يكفي لاختبار التمييز بين الترميزين".as_bytes().to_vec();
        bytes.push(0xff);
        let mut diags = Vec::new();
        assert!(decode_text(bytes, None, &mut diags).starts_with("نص عربي"));
        assert_eq!(diags[0].code, "invalid-utf8");
        assert_eq!(declared_charset(b"text/html; charset=ISO-8859-6"), Some("iso-8859-6".into()));
    }
}
