//! WARC records, read one at a time: a `response` record whose payload is a page or plain text
//! becomes one document, named by its `WARC-Target-URI` and dated (as a fallback) by its `WARC-Date`.

use crate::{body_document, InputFormat};
use flate2::read::MultiGzDecoder;
use hadath_text::{Date, Diagnostic, Document};
use std::io::{BufRead, Read};

/// Longest header line kept; the rest of a longer line is skipped.
const MAX_LINE: usize = 64 * 1024;
/// Largest record body read into memory.
const MAX_RECORD: u64 = 512 * 1024 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 512;

/// A reader with bytes put back in front of it: the head of a record that a too-long
/// Content-Length swallowed is read again from here.
struct Replay<R> {
    pending: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: BufRead> Read for Replay<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Replay<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos < self.pending.len() {
            return Ok(&self.pending[self.pos..]);
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        if self.pos < self.pending.len() {
            self.pos = (self.pos + n).min(self.pending.len());
            if self.pos == self.pending.len() {
                self.pending.clear();
                self.pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// A streaming reader of WARC records.
pub struct WarcReader<R: BufRead> {
    reader: Replay<R>,
    name: String,
    records: usize,
    /// The version line of the next record has been read.
    at_header: bool,
    done: bool,
}

/// Reads one line into `buf` (without the line end), keeping at most `MAX_LINE` bytes.
/// Returns `Ok(false)` at end of input.
fn read_line_bounded<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    let mut any = false;
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok(any);
        }
        any = true;
        let (chunk, found) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (&avail[..i], Some(i + 1)),
            None => (avail, None),
        };
        let room = MAX_LINE.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = found.unwrap_or(avail.len());
        r.consume(used);
        if found.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(true);
        }
    }
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, name: impl Into<String>) -> Self {
        let reader = Replay { pending: Vec::new(), pos: 0, inner: reader };
        WarcReader { reader, name: name.into(), records: 0, at_header: false, done: false }
    }

    fn error_doc(&self, id: Option<String>, code: &str, msg: String) -> Document {
        let id = id.unwrap_or_else(|| format!("{}#record{}", self.name, self.records));
        let mut doc = Document::new(id, "");
        doc.meta.format = "warc".into();
        doc.diagnostics.push(Diagnostic::error(code, msg));
        doc
    }

    fn broke_off(&mut self, id: Option<String>, e: std::io::Error) -> Document {
        self.done = true;
        self.error_doc(id, "read-error", format!("input broke off: {e}"))
    }

    /// Skips lines up to the next `WARC/` version line.
    fn skip_to_next_record(&mut self, line: &mut Vec<u8>) {
        loop {
            match read_line_bounded(&mut self.reader, line) {
                Ok(true) if line.starts_with(b"WARC/") => {
                    self.at_header = true;
                    self.records += 1;
                    return;
                }
                Ok(true) => {}
                Ok(false) | Err(_) => {
                    self.done = true;
                    return;
                }
            }
        }
    }

    /// The next document, skipping records that are not articles.
    fn next_doc(&mut self) -> Option<Document> {
        let mut line = Vec::new();
        loop {
            if self.done {
                return None;
            }
            if !self.at_header {
                // Version line, after any blank separator lines.
                let found = loop {
                    match read_line_bounded(&mut self.reader, &mut line) {
                        Ok(false) => break false,
                        Ok(true) if line.iter().all(|b| b.is_ascii_whitespace()) => continue,
                        Ok(true) => break true,
                        Err(e) => return Some(self.broke_off(None, e)),
                    }
                };
                if !found {
                    self.done = true;
                    return None;
                }
                self.records += 1;
                if !line.starts_with(b"WARC/") {
                    let doc = self.error_doc(
                        None,
                        "bad-warc",
                        "text outside a WARC record; skipped to the next record".into(),
                    );
                    self.skip_to_next_record(&mut line);
                    return Some(doc);
                }
            }
            self.at_header = false;
            if let Some(doc) = self.read_record(&mut line) {
                return Some(doc);
            }
        }
    }

    /// Reads the headers and body of one record whose version line was read.
    fn read_record(&mut self, line: &mut Vec<u8>) -> Option<Document> {
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match read_line_bounded(&mut self.reader, line) {
                Ok(false) => {
                    self.done = true;
                    return Some(self.error_doc(None, "bad-warc", "the record ends inside its headers".into()));
                }
                Ok(true) if line.is_empty() => break,
                Ok(true) => {
                    if headers.len() < MAX_HEADERS {
                        let l = String::from_utf8_lossy(line);
                        if let Some((k, v)) = l.split_once(':') {
                            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                        }
                    }
                }
                Err(e) => return Some(self.broke_off(None, e)),
            }
        }
        let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let uri = header("warc-target-uri")
            .map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string())
            .filter(|u| !u.is_empty());
        let warc_type = header("warc-type").unwrap_or("").to_ascii_lowercase();
        let warc_date = header("warc-date").and_then(Date::parse_iso);
        let record_type = header("content-type").unwrap_or("").to_ascii_lowercase();
        let Some(len) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            // Without a length the body cannot be found: skip to the next record.
            let doc = self.error_doc(uri, "bad-warc", "the record has no valid Content-Length".into());
            self.skip_to_next_record(line);
            return Some(doc);
        };
        if warc_type != "response" && warc_type != "resource" || len > MAX_RECORD {
            let skipped = std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink());
            return match skipped {
                Ok(n) if n == len => {
                    if len > MAX_RECORD && warc_type == "response" {
                        Some(self.error_doc(uri, "too-large", format!("record body of {len} bytes skipped")))
                    } else {
                        None
                    }
                }
                Ok(n) => {
                    self.done = true;
                    if warc_type == "response" {
                        Some(self.error_doc(uri, "truncated-warc", format!("the record ends after {n} of {len} bytes")))
                    } else {
                        None
                    }
                }
                Err(e) => Some(self.broke_off(uri, e)),
            };
        }
        let mut body = Vec::with_capacity(len.min(16 * 1024 * 1024) as usize);
        match (&mut self.reader).take(len).read_to_end(&mut body) {
            Ok(n) if n as u64 == len => {}
            Ok(n) => {
                self.done = true;
                return Some(self.error_doc(
                    uri,
                    "truncated-warc",
                    format!("the record ends after {n} of {len} bytes"),
                ));
            }
            Err(e) => return Some(self.broke_off(uri, e)),
        }
        let overshoot = self.repair_overshoot(&mut body);
        let id = uri.clone().unwrap_or_else(|| format!("{}#record{}", self.name, self.records));
        let (payload, content_type) =
            if warc_type == "response" && record_type.contains("http") || body.starts_with(b"HTTP/") {
                match split_http(&body) {
                    Some(HttpResponse { status, content_type, payload }) => {
                        if !(200..300).contains(&status) {
                            return None;
                        }
                        (payload, content_type)
                    }
                    None => return Some(self.error_doc(uri, "bad-http", "the HTTP response cannot be parsed".into())),
                }
            } else {
                (body, record_type)
            };
        let format = if content_type.contains("html") {
            InputFormat::Html
        } else if content_type.is_empty() || content_type.starts_with("text/") {
            if crate::sniff::format_from_content(&payload) == InputFormat::Html {
                InputFormat::Html
            } else {
                InputFormat::Txt
            }
        } else {
            // Images, scripts and other bodies are not articles.
            return None;
        };
        let charset = crate::sniff::declared_charset(content_type.as_bytes());
        let warnings = if overshoot {
            vec![Diagnostic::warning(
                "wrong-length",
                "the Content-Length runs into the next record; the body was cut before it",
            )]
        } else {
            Vec::new()
        };
        let mut doc = body_document(id, payload, format, charset.as_deref(), warnings);
        doc.meta.format = "warc".into();
        doc.meta.url = uri;
        if doc.meta.published.is_none() {
            if let Some(d) = warc_date {
                doc.meta.published = Some(d);
                doc.meta.published_is_fallback = true;
            }
        }
        Some(doc)
    }
}

impl<R: BufRead> WarcReader<R> {
    /// When the bytes after a body are not a record separator but the body holds the start of
    /// a next record (a Content-Length too long), cuts the body there and puts the next
    /// record back to be read. Returns whether it did.
    fn repair_overshoot(&mut self, body: &mut Vec<u8>) -> bool {
        let Ok(next) = self.reader.fill_buf() else { return false };
        let rest: Vec<u8> = next.iter().copied().skip_while(|b| matches!(b, b'\r' | b'\n')).take(5).collect();
        if rest.is_empty() || b"WARC/".starts_with(&rest) {
            return false;
        }
        // The last version line inside the body, after a blank line.
        let Some(at) = body.windows(8).rposition(|w| w == b"\nWARC/1.") else { return false };
        if !(body[..at].ends_with(b"\n") || body[..at].ends_with(b"\n\r")) {
            return false;
        }
        let start = at + 1;
        let mut pending = body.split_off(start);
        while body.last().is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            body.pop();
        }
        // Bytes not yet consumed from the replay buffer stay behind the put-back record.
        pending.extend_from_slice(&self.reader.pending[self.reader.pos..]);
        self.reader.pending = pending;
        self.reader.pos = 0;
        true
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Document;
    fn next(&mut self) -> Option<Document> {
        self.next_doc()
    }
}

struct HttpResponse {
    status: u16,
    content_type: String,
    payload: Vec<u8>,
}

/// Splits an HTTP response into status, content type and decoded payload.
fn split_http(body: &[u8]) -> Option<HttpResponse> {
    let (head_end, sep) = match find(body, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => (find(body, b"\n\n")?, 2),
    };
    let head = String::from_utf8_lossy(&body[..head_end]);
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let (mut content_type, mut chunked, mut encoding) = (String::new(), false, String::new());
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
            match k.as_str() {
                "content-type" => content_type = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    let mut payload = body[head_end + sep..].to_vec();
    if chunked {
        if let Some(p) = dechunk(&payload) {
            payload = p;
        }
    }
    if encoding.contains("gzip") {
        let mut out = Vec::new();
        if MultiGzDecoder::new(&payload[..]).take(MAX_RECORD).read_to_end(&mut out).is_ok() || !out.is_empty() {
            payload = out;
        }
    }
    Some(HttpResponse { status, content_type, payload })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTTP chunked body; `None` when it is not well formed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..nl]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        b = &b[nl + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(ct: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n{body}").into_bytes()
    }

    #[test]
    fn reads_responses_and_skips_others() {
        let mut w = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".to_vec();
        w.extend(record("request", "http://a/1", "2024-01-01T00:00:00Z", b"GET / HTTP/1.1\r\n\r\n"));
        w.extend(record(
            "response",
            "http://a/1",
            "2024-01-02T00:00:00Z",
            &http("text/html; charset=utf-8", "<html><body><p>خبر أول عن المحادثات.</p></body></html>"),
        ));
        w.extend(record("response", "http://a/2.png", "2024-01-02T00:00:00Z", &http("image/png", "PNG")));
        w.extend(record("response", "http://a/3", "2024-01-03T00:00:00Z", &http("text/plain", "خبر ثان.")));
        let docs: Vec<Document> = WarcReader::new(&w[..], "x.warc").collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "http://a/1");
        assert_eq!(docs[0].text, "خبر أول عن المحادثات.");
        assert_eq!(docs[0].meta.published, Date::new(2024, 1, 2));
        assert!(docs[0].meta.published_is_fallback);
        assert_eq!(docs[1].text, "خبر ثان.");
    }

    #[test]
    fn malformed_records_give_diagnostics() {
        let good = record("response", "http://a/ok", "2024-01-02T00:00:00Z", &http("text/plain", "نص سليم."));
        // Garbage before a record, then a record without length, then a good one.
        let mut w = b"garbage line\n".to_vec();
        w.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n");
        w.extend_from_slice(&good);
        let docs: Vec<Document> = WarcReader::new(&w[..], "x.warc").collect();
        assert!(docs.iter().any(|d| d.id == "http://a/ok" && !d.failed()), "{docs:?}");
        assert!(docs.iter().any(|d| d.failed()));
        // A length past the end of input.
        let mut w = good.clone();
        w.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a/cut\r\nContent-Length: 99999\r\n\r\nshort",
        );
        let docs: Vec<Document> = WarcReader::new(&w[..], "x.warc").collect();
        assert_eq!(docs.len(), 2);
        assert!(!docs[0].failed());
        assert_eq!(docs[1].id, "http://a/cut");
        assert_eq!(docs[1].diagnostics[0].code, "truncated-warc");
    }

    #[test]
    fn too_long_length_loses_no_next_record() {
        let first = http("text/plain", "الخبر الأول كاملا.");
        let mut w = record("response", "http://a/1", "2024-01-02T00:00:00Z", &first);
        // Claim 30 bytes more than the block holds: the length runs into the next record.
        let claimed = format!("Content-Length: {}", first.len());
        let wrong = format!("Content-Length: {}", first.len() + 30);
        let head_end = w.windows(4).position(|x| x == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(w[..head_end].to_vec()).unwrap().replace(&claimed, &wrong);
        w.splice(..head_end, head.into_bytes());
        w.extend(record("response", "http://a/2", "2024-01-03T00:00:00Z", &http("text/plain", "الخبر الثاني.")));
        w.extend(record("response", "http://a/3", "2024-01-04T00:00:00Z", &http("text/plain", "الخبر الثالث.")));
        let docs: Vec<Document> = WarcReader::new(&w[..], "x.warc").collect();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["http://a/1", "http://a/2", "http://a/3"], "{docs:?}");
        assert_eq!(docs[0].text, "الخبر الأول كاملا.");
        assert_eq!(docs[0].diagnostics[0].code, "wrong-length");
        assert_eq!(docs[1].text, "الخبر الثاني.");
        assert!(docs.iter().all(|d| !d.failed()));
    }

    #[test]
    fn dechunks() {
        assert_eq!(dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").as_deref(), Some(&b"abcde"[..]));
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}
