//! Bad inputs at scale, all generated here (issue 6, item 5): a 100 MB line, a million tiny
//! lines, HTML nested 100,000 deep, truncated gzip, WARC records with wrong lengths, JSON
//! lines with wrong types, NUL bytes and random bytes. Each case must give diagnostics, never
//! a panic, never lose a good document, and stream in bounded memory.
//!
//! The cases run one at a time (a lock) so that the memory readings of one are not disturbed
//! by another; the whole file is meant to stay well under a minute in a debug build.

use flate2::write::GzEncoder;
use flate2::Compression;
use hadath_ingest::{open, read_bytes, IngestOptions};
use hadath_text::{Document, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

const GOOD: &str = "القاهرة: أعلنت وزارة الخارجية أن الوفدين سيلتقيان الخميس المقبل لبحث تبادل الأسرى.";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn json_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

fn warc_record(uri: &str, page: &str) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    warc_with_length(uri, &http, http.len() as i64)
}

fn warc_with_length(uri: &str, http: &str, len: i64) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n{http}\r\n\r\n"
    )
}

fn page(text: &str) -> String {
    format!("<html><body><article><p>{text}</p></article></body></html>")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

fn errors(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().filter(|x| x.severity == Severity::Error).map(|x| x.code.as_str()).collect()
}

/// Every paragraph, title and dateline span slices the text.
fn spans_ok(docs: &[Document]) {
    for d in docs {
        if let Err(e) = d.check_spans() {
            panic!("{}: {e}", d.id);
        }
    }
}

fn by_id<'a>(docs: &'a [Document], id: &str) -> &'a Document {
    docs.iter().find(|d| d.id == id).unwrap_or_else(|| {
        let ids: Vec<(&str, Vec<&str>)> = docs.iter().map(|d| (d.id.as_str(), codes(d))).collect();
        panic!("no document {id} in {ids:?}")
    })
}

/// Resident memory of this process in KiB (Linux), or `None` where it cannot be read.
fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A small deterministic generator (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn hundred_megabyte_single_line() {
    let _g = serial();
    // 100 MB of Arabic words on one line, without a single line break.
    let word = "تفاوض ";
    let body = word.repeat(100 * 1024 * 1024 / word.len());
    assert!(body.len() >= 100 * 1024 * 1024 - word.len());
    let t = Instant::now();
    let line = json_line("big", &body);
    let mut input = line.into_bytes();
    input.push(b'\n');
    input.extend_from_slice(json_line("after", GOOD).as_bytes());
    let docs = read_bytes("big.jsonl", &input, &IngestOptions::default());
    drop(input);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "big");
    assert_eq!(docs[0].text.len(), body.len());
    assert!(errors(&docs[0]).is_empty(), "{:?}", codes(&docs[0]));
    assert_eq!(docs[1].text, GOOD);
    spans_ok(&docs);
    drop(docs);
    assert!(t.elapsed() < Duration::from_secs(40), "a 100 MB line took {:?}", t.elapsed());
}

#[test]
fn a_million_tiny_lines() {
    let _g = serial();
    // One million JSON lines of a few bytes: mostly values that are not records, every
    // 10,000th a good record. Streamed from a gzipped file, one document at a time.
    let mut jsonl = String::with_capacity(8 * 1_000_000);
    for i in 0..1_000_000u32 {
        if i % 10_000 == 0 {
            jsonl.push_str(&json_line(&format!("g{i}"), GOOD));
        } else {
            jsonl.push_str(["1", "[]", "\"x\"", "{}", "null", "{\"id\":1}"][i as usize % 6]);
        }
        jsonl.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(dir.path(), "tiny.jsonl.gz", &gzip(jsonl.as_bytes()));
    drop(jsonl);
    let before = rss_kib();
    let mut peak = 0u64;
    let (mut total, mut good, mut failed) = (0usize, 0usize, 0usize);
    for d in open(&[path], &IngestOptions::default()).unwrap() {
        total += 1;
        if d.id.starts_with('g') && d.text == GOOD && !d.failed() {
            good += 1;
        } else if d.failed() {
            failed += 1;
        }
        if total % 50_000 == 0 {
            peak = peak.max(rss_kib().unwrap_or(0));
        }
    }
    assert_eq!(total, 1_000_000);
    assert_eq!(good, 100);
    assert_eq!(failed, 999_900);
    // Memory does not grow with the number of documents: 1 M documents held at once would
    // take hundreds of MB.
    if let Some(b) = before {
        assert!(peak < b + 64 * 1024, "resident memory grew from {b} KiB to {peak} KiB");
    }

    // A million tiny lines in one plain text file: one document of a million paragraphs.
    let text = "نعم\n".repeat(1_000_000);
    let docs = read_bytes("lines.txt", text.as_bytes(), &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    assert!(errors(&docs[0]).is_empty());
    assert_eq!(docs[0].text, text);
    spans_ok(&docs);
}

#[test]
fn deeply_nested_html() {
    let _g = serial();
    let n = 100_000;
    let inner = format!("<p>{GOOD}</p>");
    let cases: Vec<(&str, String)> = vec![
        ("divs", format!("<html><body>{}{inner}{}</body></html>", "<div>".repeat(n), "</div>".repeat(n))),
        ("unclosed", format!("<html><body>{}{inner}</body></html>", "<div><span>".repeat(n / 2))),
        // `/>` does not close an HTML element, and an end tag without its start tag is ignored:
        // both nest as deep as the plain divs.
        ("self-closing", format!("<html><body>{}{inner}</body></html>", "<div/>".repeat(n))),
        ("stray-closers", format!("<html><body>{}{inner}</body></html>", "<div></x>".repeat(n))),
        ("tables", format!("<html><body>{}{inner}</body></html>", "<table><tr><td>".repeat(n / 3))),
        ("inline", format!("<html><body><p>{}{GOOD}</p></body></html>", "<b><i>".repeat(n / 2))),
    ];
    for (name, html) in &cases {
        let t = Instant::now();
        let docs = read_bytes(&format!("{name}.html"), html.as_bytes(), &IngestOptions::default());
        let took = t.elapsed();
        assert_eq!(docs.len(), 1, "{name}");
        assert!(docs[0].text.contains(GOOD), "{name}: the article text is lost");
        spans_ok(&docs);
        assert!(took < Duration::from_secs(10), "{name}: HTML nested {n} deep took {took:?}");
    }
    // The same page inside a JSON line and a WARC record.
    let html = &cases[0].1;
    let line = serde_json::json!({"id": "deep", "html": html}).to_string();
    let docs = read_bytes("deep.jsonl", line.as_bytes(), &IngestOptions::default());
    assert!(docs[0].text.contains(GOOD));
    let docs =
        read_bytes("deep.warc", warc_record("https://x.example/deep", html).as_bytes(), &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    assert!(docs[0].text.contains(GOOD));
}

#[test]
fn truncated_gzip_every_format() {
    let _g = serial();
    let lines: String = (0..2_000).map(|i| json_line(&format!("j{i}"), GOOD) + "\n").collect();
    let warc: String = (0..300).map(|i| warc_record(&format!("https://x.example/{i}"), &page(GOOD))).collect();
    let txt = format!("{GOOD}\n").repeat(2_000);
    let html = page(&format!("{GOOD} ").repeat(2_000));
    let inputs: [(&str, &[u8]); 4] = [
        ("a.jsonl.gz", lines.as_bytes()),
        ("a.warc.gz", warc.as_bytes()),
        ("a.txt.gz", txt.as_bytes()),
        ("a.html.gz", html.as_bytes()),
    ];
    for (name, plain) in inputs {
        let gz = gzip(plain);
        for cut in [1, 2, 10, 11, 40, gz.len() / 3, gz.len() / 2, gz.len() - 9, gz.len() - 1] {
            let docs = read_bytes(name, &gz[..cut], &IngestOptions::default());
            assert!(!docs.is_empty(), "{name} cut at {cut}: no diagnostic at all");
            spans_ok(&docs);
            // Something says the input broke off, on the last document.
            let last = docs.last().unwrap();
            assert!(
                !last.diagnostics.is_empty(),
                "{name} cut at {cut} of {}: no diagnostic; {} documents",
                gz.len(),
                docs.len()
            );
            // Every document before the break is whole.
            for d in &docs[..docs.len() - 1] {
                if !d.failed() && name != "a.txt.gz" && name != "a.html.gz" {
                    assert!(d.text.contains(GOOD), "{name} cut at {cut}: {} damaged", d.id);
                }
            }
        }
        // Two members, the second one truncated: the first member's documents are all kept.
        let mut two = gzip(plain);
        let second = gzip(plain);
        two.extend_from_slice(&second[..second.len() / 2]);
        let docs = read_bytes(name, &two, &IngestOptions::default());
        spans_ok(&docs);
        if name == "a.jsonl.gz" {
            assert!(docs.iter().filter(|d| !d.failed()).count() >= 2_000);
        }
        if name == "a.warc.gz" {
            assert!(docs.iter().filter(|d| !d.failed()).count() >= 300);
        }
        assert!(docs
            .last()
            .unwrap()
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error || d.code == "truncated"));
    }
}

#[test]
fn warc_records_with_wrong_lengths() {
    let _g = serial();
    let good = |i: u32| warc_record(&format!("https://x.example/good{i}"), &page(GOOD));
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}", page("نص السجل المعيب"));
    let n = http.len() as i64;
    let bad: Vec<(&str, String)> = vec![
        ("short", warc_with_length("https://x.example/short", &http, n / 2)),
        ("zero", warc_with_length("https://x.example/zero", &http, 0)),
        ("negative", warc_with_length("https://x.example/negative", &http, -5)),
        ("huge", warc_with_length("https://x.example/huge", &http, i64::MAX)),
        ("text", format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/text\r\nContent-Length: many\r\n\r\n{http}\r\n\r\n")),
        ("missing", format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/missing\r\n\r\n{http}\r\n\r\n")),
    ];
    for (name, rec) in &bad {
        // Good record, bad record, good record.
        let input = format!("{}{rec}{}", good(1), good(2));
        let docs = read_bytes("w.warc", input.as_bytes(), &IngestOptions::default());
        spans_ok(&docs);
        let kept: Vec<&str> =
            docs.iter().filter(|d| d.text.contains(GOOD) && !d.failed()).map(|d| d.id.as_str()).collect();
        assert!(kept.contains(&"https://x.example/good1"), "{name}: first good record lost: {kept:?}");
        if *name != "huge" {
            assert!(kept.contains(&"https://x.example/good2"), "{name}: good record after it lost: {kept:?}");
        }
        assert!(docs.iter().any(|d| !d.diagnostics.is_empty()), "{name}: no diagnostic");
    }
    // A length that runs past the end of the input.
    let input = format!("{}{}", good(1), warc_with_length("https://x.example/long", &http, n + 10_000));
    let docs = read_bytes("w.warc", input.as_bytes(), &IngestOptions::default());
    assert_eq!(docs[0].id, "https://x.example/good1");
    assert_eq!(errors(by_id(&docs, "https://x.example/long")), vec!["truncated-warc"]);
    // A length too long by a little runs into the next record's head: the reader goes back
    // to that record, warns, and loses nothing.
    let input =
        format!("{}{}{}{}", good(1), warc_with_length("https://x.example/over", &http, n + 40), good(2), good(3));
    let docs = read_bytes("w.warc", input.as_bytes(), &IngestOptions::default());
    spans_ok(&docs);
    let kept: Vec<&str> = docs.iter().filter(|d| d.text.contains(GOOD) && !d.failed()).map(|d| d.id.as_str()).collect();
    assert_eq!(kept, ["https://x.example/good1", "https://x.example/good2", "https://x.example/good3"]);
    assert!(codes(by_id(&docs, "https://x.example/over")).contains(&"wrong-length"));
}

#[test]
fn json_lines_with_wrong_types() {
    let _g = serial();
    let bad = [
        r#"{"id": 5, "text": 12}"#,
        r#"{"id": "t-array", "text": ["a", "b"]}"#,
        r#"{"id": "t-object", "text": {"ar": "نص"}}"#,
        r#"{"id": "t-bool", "text": true}"#,
        r#"{"id": "h-number", "html": 3}"#,
        r#"{"id": "h-array", "text": null, "html": ["<p>x</p>"]}"#,
        r#"{"id": "none", "title": "عنوان"}"#,
        r#"{"id": "dup", "text": "a", "text": "b"}"#,
        r#"[{"id": "in-array", "text": "نص"}]"#,
        r#""just a string""#,
        r#"12345"#,
        r#"null"#,
        r#"{"id": "deep", "text": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
    ];
    // Wrong types in fields that are optional: the document is kept, with a warning at most.
    let odd_but_good = [
        (r#"{"id": ["x"], "text": "GOOD", "published": 20240101}"#, "w.jsonl#17"),
        (r#"{"id": {"a": 1}, "text": "GOOD", "published": ["2024-01-01"], "title": 7}"#, "w.jsonl#18"),
        (r#"{"id": null, "text": "GOOD", "url": ["http://x"], "source": {"n": 1}}"#, "w.jsonl#19"),
        (r#"{"id": true, "text": "GOOD", "published": {"date": "2024-01-01"}}"#, "w.jsonl#20"),
        (r#"{"id": 3.5e300, "text": "GOOD", "published": "2024-13-45"}"#, "3.5e+300"),
    ];
    let nested = format!("{{\"id\": \"nest\", \"text\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let mut lines: Vec<String> = vec![json_line("first", GOOD)];
    lines.extend(bad.iter().map(|s| s.to_string()));
    lines.push(nested);
    lines.push(json_line("middle", GOOD));
    lines.extend(odd_but_good.iter().map(|(s, _)| s.replace("GOOD", GOOD)));
    lines.push(json_line("last", GOOD));
    let input = lines.join("\n");
    let docs = read_bytes("w.jsonl", input.as_bytes(), &IngestOptions::default());
    spans_ok(&docs);
    assert_eq!(docs.len(), lines.len());
    for id in ["first", "middle", "last"] {
        assert!(by_id(&docs, id).diagnostics.is_empty());
    }
    // Every bad line is a failed document with an error, in input order.
    for d in &docs[1..=bad.len() + 1] {
        assert!(d.failed(), "{} should fail: {:?}", d.id, codes(d));
    }
    for (_, id) in odd_but_good {
        let d = by_id(&docs, id);
        assert!(!d.failed() && d.text == GOOD, "{id}: {:?}", codes(d));
    }
}

#[test]
fn nul_bytes() {
    let _g = serial();
    // A NUL inside Arabic text, in every format.
    let with_nul = format!("{GOOD}\0{GOOD}");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("a.txt", with_nul.clone().into_bytes()),
        ("a.html", page(&with_nul).into_bytes()),
        ("a.jsonl", format!("{}\n{}", json_line("escaped", &with_nul), json_line("ok", GOOD)).into_bytes()),
        ("b.jsonl", [b"{\"id\":\"raw\",\"text\":\"a\0b\"}\n".as_slice(), json_line("ok", GOOD).as_bytes()].concat()),
        (
            "a.warc",
            [warc_record("https://x.example/nul", &page(&with_nul)), warc_record("https://x.example/ok", &page(GOOD))]
                .concat()
                .into_bytes(),
        ),
        (
            "b.warc",
            [
                b"WARC/1.0\r\nWARC-Type: resp\0onse\r\n\0\0\r\n\r\n".as_slice(),
                warc_record("https://x.example/ok", &page(GOOD)).as_bytes(),
            ]
            .concat(),
        ),
        ("only.txt", vec![0u8; 100_000]),
        ("late.txt", [GOOD.repeat(200).as_bytes(), b"\0\0\0"].concat()),
    ];
    for (name, bytes) in &cases {
        let docs = read_bytes(name, bytes, &IngestOptions::default());
        assert!(!docs.is_empty(), "{name}");
        spans_ok(&docs);
        for d in &docs {
            // A document is either read or says why not.
            assert!(!d.text.is_empty() || !d.diagnostics.is_empty(), "{name}: {} silent and empty", d.id);
        }
        if name.ends_with("jsonl") {
            assert!(by_id(&docs, "ok").text == GOOD, "{name}");
        }
        if name.ends_with("warc") {
            assert!(by_id(&docs, "https://x.example/ok").text.contains(GOOD), "{name}");
        }
    }
    // A few NUL bytes in a text are dropped with a warning; a file of NULs is binary.
    for (name, bytes) in [&cases[0], &cases[7]] {
        let docs = read_bytes(name, bytes, &IngestOptions::default());
        assert!(!docs[0].failed() && docs[0].text.contains(GOOD) && !docs[0].text.contains('\0'), "{name}");
        assert!(codes(&docs[0]).contains(&"nul-bytes"), "{name}: {:?}", codes(&docs[0]));
    }
    let docs = read_bytes("only.txt", &cases[6].1, &IngestOptions::default());
    assert_eq!(errors(&docs[0]), vec!["binary"]);
}

#[test]
fn random_bytes_and_flipped_bits() {
    let _g = serial();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let names = ["r.txt", "r.html", "r.jsonl", "r.warc", "r.gz", "r.warc.gz", "r"];
    // Pure random bytes, small and large.
    for size in [0, 1, 2, 7, 100, 4_096, 1 << 20] {
        let bytes = rng.bytes(size);
        for name in names {
            let docs = read_bytes(name, &bytes, &IngestOptions::default());
            spans_ok(&docs);
        }
        // Random bytes behind a gzip header.
        let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        gz.extend_from_slice(&bytes);
        let docs = read_bytes("r.jsonl.gz", &gz, &IngestOptions::default());
        assert!(docs.iter().any(|d| d.failed()) || size < 100, "random deflate data read without an error");
        spans_ok(&docs);
    }
    // Good inputs with random bytes flipped: whatever is read still has valid spans.
    let jsonl: String = (0..50).map(|i| json_line(&format!("j{i}"), GOOD) + "\n").collect();
    let warc: String = (0..20).map(|i| warc_record(&format!("https://x.example/{i}"), &page(GOOD))).collect();
    let plain = [jsonl.into_bytes(), warc.into_bytes()];
    for (k, name) in ["f.jsonl", "f.warc"].iter().enumerate() {
        for compressed in [false, true] {
            let base = if compressed { gzip(&plain[k]) } else { plain[k].clone() };
            for _ in 0..40 {
                let mut b = base.clone();
                for _ in 0..(1 + rng.next() % 8) {
                    let i = (rng.next() % b.len() as u64) as usize;
                    b[i] ^= 1 << (rng.next() % 8);
                }
                let n = if compressed { format!("{name}.gz") } else { name.to_string() };
                let docs = read_bytes(&n, &b, &IngestOptions::default());
                spans_ok(&docs);
                if !compressed {
                    // A few flipped bits damage a few records, not the whole input.
                    let ok = docs.iter().filter(|d| d.text.contains(GOOD)).count();
                    assert!(ok >= if k == 0 { 40 } else { 10 }, "{n}: only {ok} good documents left");
                }
            }
        }
    }
}
