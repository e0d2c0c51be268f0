//! Layout of the repository's own example articles in `examples/`: titles, datelines, page
//! dates, boilerplate and metadata dates.

use hadath_ingest::{open, IngestOptions};
use hadath_text::{Date, Document, Lang, ParagraphKind};
use std::path::PathBuf;

fn examples() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    open(&[dir], &IngestOptions::default()).expect("examples readable").collect()
}

fn count(doc: &Document, kind: ParagraphKind) -> usize {
    doc.paragraphs.iter().filter(|p| p.kind == kind).count()
}

#[test]
fn examples_are_laid_out() {
    let docs = examples();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "01_moscow_ministers.txt",
            "02_border_shelling.txt",
            "03_granada_cancelled.txt",
            "04_jeddah_talks.html",
            "05_belgrade_pristina"
        ]
    );
    // (title starts with, dateline, meta lines, boilerplate lines, metadata date)
    let expect: [(&str, &str, usize, usize, Option<Date>); 5] = [
        ("لافروف يجمع", "موسكو - (وكالات)", 2, 4, None),
        ("باكو تتهم", "باكو - (وكالات)", 0, 3, None),
        ("علييف: اللقاء", "بروكسل:", 3, 2, None),
        ("محادثات جدة", "جدة - (وكالات)", 0, 0, Date::new(2023, 5, 12)),
        ("جولة حوار", "بروكسل:", 0, 1, Date::new(2023, 9, 14)),
    ];
    for (doc, (title, dateline, meta, boilerplate, published)) in docs.iter().zip(expect) {
        assert!(doc.diagnostics.is_empty(), "{}: {:?}", doc.id, doc.diagnostics);
        assert!(doc.slice(doc.title.expect("title")).starts_with(title), "{}", doc.id);
        assert_eq!(doc.dateline.map(|d| doc.slice(d)), Some(dateline), "{}", doc.id);
        assert_eq!(count(doc, ParagraphKind::Meta), meta, "{} meta", doc.id);
        assert_eq!(count(doc, ParagraphKind::Boilerplate), boilerplate, "{} boilerplate", doc.id);
        assert_eq!(doc.meta.published, published, "{}", doc.id);
        assert!(count(doc, ParagraphKind::Body) >= 6, "{}", doc.id);
        for p in &doc.paragraphs {
            let text = doc.slice(p.span);
            assert!(!text.is_empty() && text == text.trim(), "{}", doc.id);
        }
    }
    // The French post in 03 is its own French paragraph.
    assert!(docs[2].paragraphs.iter().any(|p| p.kind == ParagraphKind::Body && p.lang == Lang::French));
    // HTML chrome is gone from the extracted text.
    for chrome in ["الرئيسية", "ملفات تعريف الارتباط", "الأكثر قراءة", "جميع الحقوق", "واتساب", "السبت 13 مايو"]
    {
        assert!(!docs[3].text.contains(chrome), "{chrome}");
    }
}
