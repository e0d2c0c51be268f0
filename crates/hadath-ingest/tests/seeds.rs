//! Layout of the five crawled seed articles in `../shared/seeds`, checked by line number (no
//! seed text is held here). Skips when the seeds are absent.

use hadath_ingest::{open, IngestOptions};
use hadath_text::{Document, Lang, ParagraphKind};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    p.is_dir().then_some(p)
}

/// Kinds of the paragraphs starting on each 1-based line of the file.
fn kinds_by_line(doc: &Document) -> BTreeMap<usize, Vec<(ParagraphKind, Lang)>> {
    let mut out: BTreeMap<usize, Vec<(ParagraphKind, Lang)>> = BTreeMap::new();
    for p in &doc.paragraphs {
        let line = doc.text[..p.span.start].matches('\n').count() + 1;
        out.entry(line).or_default().push((p.kind, p.lang));
    }
    out
}

fn title_line(doc: &Document) -> Option<usize> {
    doc.title.map(|t| doc.text[..t.start].matches('\n').count() + 1)
}

struct Expect {
    prefix: &'static str,
    title: Option<usize>,
    titles: &'static [usize],
    meta: &'static [usize],
    boilerplate: &'static [usize],
    dateline: Option<usize>,
    french: &'static [usize],
}

const EXPECT: &[Expect] = &[
    Expect {
        prefix: "000_",
        title: Some(2),
        titles: &[1, 2],
        meta: &[11],
        boilerplate: &[3, 4],
        dateline: Some(5),
        french: &[10],
    },
    Expect {
        prefix: "001_",
        title: Some(3),
        titles: &[3],
        meta: &[1, 5],
        boilerplate: &[],
        dateline: None,
        french: &[],
    },
    Expect {
        prefix: "002_",
        title: Some(1),
        titles: &[1, 3],
        meta: &[],
        boilerplate: &[15],
        dateline: None,
        french: &[],
    },
    Expect {
        prefix: "003_",
        title: Some(1),
        titles: &[1],
        meta: &[],
        boilerplate: &[4, 34, 36, 38, 40],
        dateline: None,
        french: &[],
    },
    Expect { prefix: "004_", title: None, titles: &[], meta: &[], boilerplate: &[], dateline: None, french: &[] },
];

#[test]
fn seed_layout() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let docs: Vec<Document> = open(&[dir], &IngestOptions::default()).expect("seeds readable").collect();
    assert_eq!(docs.len(), 5);
    for doc in &docs {
        let Some(e) = EXPECT.iter().find(|e| doc.id.starts_with(e.prefix)) else { continue };
        let lines = kinds_by_line(doc);
        if std::env::var_os("HADATH_SHOW_LAYOUT").is_some() {
            for (line, ks) in &lines {
                println!("{} {line:>3} {ks:?}", doc.id);
            }
        }
        assert!(!doc.failed(), "{}", doc.id);
        assert_eq!(title_line(doc), e.title, "{} title", doc.id);
        for (&line, ks) in &lines {
            let kinds: Vec<ParagraphKind> = ks.iter().map(|k| k.0).collect();
            let want: &[ParagraphKind] = if e.titles.contains(&line) {
                &[ParagraphKind::Title]
            } else if e.meta.contains(&line) {
                &[ParagraphKind::Meta]
            } else if e.boilerplate.contains(&line) {
                &[ParagraphKind::Boilerplate]
            } else if e.dateline == Some(line) {
                &[ParagraphKind::Dateline, ParagraphKind::Body]
            } else {
                &[ParagraphKind::Body]
            };
            assert_eq!(kinds, want, "{} line {line}", doc.id);
            if e.french.contains(&line) {
                assert_eq!(ks[0].1, Lang::French, "{} line {line} language", doc.id);
            } else if kinds[0] == ParagraphKind::Body {
                assert_eq!(ks.last().map(|k| k.1), Some(Lang::Arabic), "{} line {line} language", doc.id);
            }
        }
        assert_eq!(doc.dateline.is_some(), e.dateline.is_some(), "{} dateline", doc.id);
    }
}

#[test]
fn no_sentence_covers_boilerplate_or_meta() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: data pack not found");
        return;
    };
    for mut doc in open(&[dir], &IngestOptions::default()).expect("seeds readable") {
        hadath_text::segment::segment_document(&mut doc);
        for p in &doc.paragraphs {
            assert!(doc.text.get(p.span.start..p.span.end).is_some());
            if matches!(p.kind, ParagraphKind::Boilerplate | ParagraphKind::Meta) {
                assert!(
                    !doc.sentences.iter().any(|s| s.overlaps(p.span)),
                    "{}: sentence over a {:?} line",
                    doc.id,
                    p.kind
                );
            }
        }
    }
}
