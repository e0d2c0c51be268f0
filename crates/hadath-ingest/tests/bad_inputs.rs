//! Bad inputs mixed with good ones, all generated here: every good document comes out, every
//! bad one gives a diagnostic, and nothing panics.

use flate2::write::GzEncoder;
use flate2::Compression;
use hadath_ingest::{open, read_bytes, IngestOptions, InputFormat};
use hadath_text::{Date, Document, ParagraphKind, Severity};
use std::io::Write;
use std::path::Path;

const GOOD_TEXT: &str = "الوزير يصل إلى العاصمة\n\nالرباط: وصل وزير الخارجية إلى العاصمة مساء الاثنين في زيارة رسمية.\n";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn json_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn codes(d: &Document) -> Vec<(Severity, &str)> {
    d.diagnostics.iter().map(|x| (x.severity, x.code.as_str())).collect()
}

#[test]
fn mixed_bad_and_good_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "a_good.txt", GOOD_TEXT.as_bytes());
    write(p, "b_binary.txt", &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0, 0, 0]);
    let mut latin1 = "خبر ".as_bytes().to_vec();
    latin1.extend_from_slice(&[0xe9, 0xe8, b' ', b'o', b'k', b'.']);
    write(p, "c_latin1.txt", &latin1);
    write(p, "d_empty.txt", b"");
    let jsonl = [
        json_line("j1", "أعلنت الحكومة استئناف المحادثات."),
        "{\"id\": \"j2\", \"text\": \"broken".to_string(),
        "{\"id\": \"j3\", \"text\": {\"nested\": true}}".to_string(),
        String::new(),
        json_line("j4", "دعا المبعوث إلى وقف فوري لإطلاق النار."),
    ]
    .join("\n");
    write(p, "e_lines.jsonl", jsonl.as_bytes());
    let many: String = (0..200)
        .map(|i| json_line(&format!("z{i}"), &format!("خبر رقم {i} عن الهدنة.")))
        .collect::<Vec<_>>()
        .join("\n");
    let gz = gzip(many.as_bytes());
    write(p, "f_truncated.jsonl.gz", &gz[..gz.len() / 2]);
    let mut fake = vec![0x1f, 0x8b];
    fake.extend_from_slice(b"this is not really gzip data at all");
    write(p, "g_fake.txt.gz", &fake);
    write(p, "h_bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\ntoo short");
    write(
        p,
        "i_page.html",
        "<html><head><meta itemprop=\"datePublished\" content=\"2023-07-08\"></head><body><nav>الرئيسية</nav><article><h1>عنوان الصفحة</h1><p>بغداد: قال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في العاصمة.</p></article></body></html>"
            .as_bytes(),
    );
    write(p, "j_plain.txt.gz", &gzip(GOOD_TEXT.as_bytes()));
    write(p, "README.md", b"not an article");
    std::fs::create_dir(p.join("sub")).unwrap();
    write(&p.join("sub"), "k_nested.txt", GOOD_TEXT.as_bytes());

    let docs: Vec<Document> = open(&[p.to_path_buf()], &IngestOptions::default()).unwrap().collect();
    let by_id = |id: &str| docs.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no document {id}: {docs:#?}"));

    let good = by_id("a_good.txt");
    assert!(good.diagnostics.is_empty());
    assert_eq!(good.slice(good.title.unwrap()), "الوزير يصل إلى العاصمة");
    assert!(by_id("b_binary.txt").failed());
    let latin1 = by_id("c_latin1.txt");
    assert!(!latin1.failed());
    assert_eq!(codes(latin1), vec![(Severity::Warning, "invalid-utf8")]);
    assert!(latin1.text.contains('\u{fffd}'));
    assert_eq!(codes(by_id("d_empty.txt")), vec![(Severity::Warning, "empty")]);
    assert!(!by_id("j1").failed());
    assert_eq!(codes(by_id("e_lines.jsonl#2")), vec![(Severity::Error, "broken-json")]);
    assert_eq!(codes(by_id("j3")), vec![(Severity::Error, "bad-field")]);
    assert!(!by_id("j4").failed());
    // The truncated gzip keeps the records decoded before the break, then reports it.
    let kept = docs.iter().filter(|d| d.id.starts_with('z') && !d.failed()).count();
    assert!(kept > 10 && kept < 200, "kept {kept}");
    assert!(docs.iter().any(|d| d.id.starts_with("f_truncated.jsonl.gz#") && d.failed()));
    assert!(by_id("g_fake.txt.gz").failed());
    assert!(docs.iter().any(|d| d.id.starts_with("h_bad.warc") && d.failed()));
    let page = by_id("i_page.html");
    assert!(!page.failed());
    assert_eq!(page.meta.published, Date::new(2023, 7, 8));
    assert_eq!(page.slice(page.title.unwrap()), "عنوان الصفحة");
    assert_eq!(page.slice(page.dateline.unwrap()), "بغداد:");
    assert!(!page.text.contains("الرئيسية"));
    assert_eq!(by_id("j_plain.txt.gz").text, GOOD_TEXT);
    assert!(!docs.iter().any(|d| d.id == "README.md"));
    // Sorted order, folders where they sort.
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).filter(|i| i.ends_with(".txt")).collect();
    assert_eq!(ids, vec!["a_good.txt", "b_binary.txt", "c_latin1.txt", "d_empty.txt", "k_nested.txt"]);
    for d in &docs {
        for para in &d.paragraphs {
            assert!(d.text.get(para.span.start..para.span.end).is_some_and(|s| !s.is_empty()));
        }
    }
}

#[test]
fn unreadable_path_is_an_error() {
    assert!(open(&["/no/such/path/hadath".into()], &IngestOptions::default()).is_err());
}

#[test]
fn one_huge_line() {
    // A single line of 20 MB, in JSON and as plain text.
    let body = "كلمة ".repeat(2_000_000);
    let line = json_line("big", &body);
    let docs = read_bytes("big.jsonl", line.as_bytes(), &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text.len(), body.len());
    let docs = read_bytes("big.txt", body.as_bytes(), &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].paragraphs.len(), 1);
    assert_eq!(docs[0].paragraphs[0].kind, ParagraphKind::Body);
}

#[test]
fn warc_gz_and_forced_formats() {
    let page = "<html><body><p>طرابلس: أعلن المجلس الرئاسي تشكيل لجنة جديدة للحوار.</p></body></html>";
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
    let record = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a\r\nWARC-Date: 2022-02-03T04:05:06Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let docs = read_bytes("crawl.warc.gz", &gzip(record.as_bytes()), &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "https://news.example/a");
    assert_eq!(docs[0].meta.published, Date::new(2022, 2, 3));
    assert!(docs[0].meta.published_is_fallback);
    assert!(docs[0].dateline.is_some());
    // Content sniffing without an extension, and a forced format.
    let docs = read_bytes("stdin", record.as_bytes(), &IngestOptions::default());
    assert_eq!(docs[0].id, "https://news.example/a");
    let forced = IngestOptions { format: Some(InputFormat::Txt), ..Default::default() };
    let docs = read_bytes("x.jsonl", json_line("q", "نص").as_bytes(), &forced);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].text.starts_with('{'));
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces: [&[u8]; 12] = [
        b"WARC/1.0\r\n",
        b"Content-Length: 12\r\n",
        b"\r\n",
        b"{\"id\":\"x\",\"text\":\"",
        b"\"}\n",
        b"<p>",
        b"</div>",
        "باريس: ".as_bytes(),
        b"\x1f\x8b",
        b"\xff\xfe",
        b"\0",
        b"HTTP/1.1 200 OK\r\n",
    ];
    for round in 0..300 {
        let mut bytes = Vec::new();
        for _ in 0..(next() % 12) {
            bytes.extend_from_slice(pieces[(next() % 12) as usize]);
        }
        for name in ["a.txt", "a.html", "a.jsonl", "a.warc", "a.gz", "a"] {
            let _ = read_bytes(name, &bytes, &IngestOptions::default());
        }
        let _ = round;
    }
}
