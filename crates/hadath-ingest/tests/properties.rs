//! Property tests: any text lays out into paragraphs that slice it exactly, in order, and any
//! bytes in any format are read without a panic.

use hadath_ingest::{prepare, read_bytes, IngestOptions};
use hadath_text::{Document, ParagraphKind};
use proptest::prelude::*;

/// Text mixing Arabic, Latin, digits, punctuation, line breaks and interface words.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("باريس: ".to_string()),
        Just("موسكو - (وكالات) ".to_string()),
        Just("اقرأ أيضاً".to_string()),
        Just("الأحد 16 يونيو 2024".to_string()),
        Just("9-10-2020 | 22:35".to_string()),
        Just("— X (@x) May 1, 2020".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just(".".to_string()),
        Just("«".to_string()),
        "[\\p{Arabic} a-zé0-9:().|@\\-]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn paragraphs_slice_the_text(text in news_like(), title in proptest::option::of("[\\p{Arabic} ]{0,20}")) {
        let mut doc = Document::new("p", text.clone());
        doc.meta.title = title;
        prepare(&mut doc);
        prop_assert_eq!(&doc.text, &text);
        let mut last_end = 0;
        for p in &doc.paragraphs {
            let s = doc.text.get(p.span.start..p.span.end);
            prop_assert!(s.is_some_and(|s| !s.is_empty() && s == s.trim()));
            prop_assert!(p.span.start >= last_end);
            last_end = p.span.end;
        }
        for span in doc.title.iter().chain(doc.dateline.iter()) {
            prop_assert!(doc.paragraphs.iter().any(|p| p.span == *span && matches!(p.kind, ParagraphKind::Title | ParagraphKind::Dateline)));
        }
    }

    #[test]
    fn any_bytes_any_format(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in prop_oneof![Just("txt"), Just("html"), Just("jsonl"), Just("warc"), Just("gz"), Just("")]) {
        let id = format!("input.{ext}");
        for doc in read_bytes(&id, &bytes, &IngestOptions::default()) {
            for p in &doc.paragraphs {
                prop_assert!(doc.text.get(p.span.start..p.span.end).is_some());
            }
        }
    }
}
