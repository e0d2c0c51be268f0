//! A stream read with `defer_layout`, each document then finished with `finish_layout`, lays
//! documents out exactly as a stream that lays them out itself.

use hadath_ingest::{finish_layout, read_bytes, IngestOptions};
use hadath_text::Document;

/// JSON Lines of one site whose pages repeat a menu, a footer and a prompt, with datelines,
/// titles and a long paragraph, and a page of another site.
fn pages() -> String {
    let mut out = String::new();
    for i in 0..6 {
        let site = if i == 4 { "other" } else { "site" };
        let long = "وأكد المتحدث أن المحادثات ستتواصل خلال الأيام المقبلة بحضور الوسطاء. ".repeat(40);
        let text = format!(
            "الرئيسية | أخبار | رياضة | اقتصاد\\nعنوان الخبر رقم {i} عن الاجتماع\\n\
             القاهرة (رويترز) - قال مسؤول إن الاجتماع رقم {i} انتهى باتفاق على جدول زمني.\\nموقع الأنباء اليومية\\n{long}\\n\
             تابعونا على قناتنا في تيليجرام\\nجميع الحقوق محفوظة لموقع الأنباء\\n\u{00A0}الخميس 5 فبراير 2026"
        );
        out.push_str(&format!(
            "{{\"id\":\"p{i}\",\"source\":\"{site}\",\"title\":\"عنوان الخبر رقم {i} عن الاجتماع\",\"text\":\"{text}\"}}\n"
        ));
    }
    out.push_str("{\"id\":\"bad\",\"text\":42}\n");
    out
}

fn layout_of(d: &Document) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?} {:?}",
        d.id,
        d.paragraphs,
        d.title,
        d.dateline,
        d.norm.as_ref().map(|n| n.text.clone()),
        d.diagnostics
    )
}

#[test]
fn deferred_layout_is_the_same_layout() {
    let input = pages();
    for no_repeated_lines in [false, true] {
        let plain = IngestOptions { no_repeated_lines, ..Default::default() };
        let deferred = IngestOptions { no_repeated_lines, defer_layout: true, ..Default::default() };
        let want: Vec<String> = read_bytes("pages.jsonl", input.as_bytes(), &plain).iter().map(layout_of).collect();
        let mut docs = read_bytes("pages.jsonl", input.as_bytes(), &deferred);
        assert!(docs.iter().any(|d| d.pending_layout.is_some()));
        // Finished in another order than read: only the stream part depends on the order.
        for d in docs.iter_mut().rev() {
            finish_layout(d);
            assert!(d.pending_layout.is_none());
        }
        let got: Vec<String> = docs.iter().map(layout_of).collect();
        assert_eq!(got, want, "no_repeated_lines = {no_repeated_lines}");
    }
    // A line is boilerplate only because the site repeats it, in both ways of reading.
    let kind = |opts: &IngestOptions| {
        let mut docs = read_bytes("pages.jsonl", pages().as_bytes(), opts);
        docs.iter_mut().for_each(finish_layout);
        let d = docs.into_iter().find(|d| d.id == "p5").unwrap();
        d.paragraphs.iter().find(|p| d.slice(p.span) == "موقع الأنباء اليومية").map(|p| p.kind)
    };
    let boilerplate = Some(hadath_text::ParagraphKind::Boilerplate);
    assert_eq!(kind(&IngestOptions::default()), boilerplate);
    assert_eq!(kind(&IngestOptions { defer_layout: true, ..Default::default() }), boilerplate);
    assert_ne!(kind(&IngestOptions { no_repeated_lines: true, ..Default::default() }), boilerplate);
}

#[test]
fn deferred_layout_on_the_ant_corpus() {
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus/ant-v2.1.jsonl.gz");
    if !path.exists() {
        eprintln!("skipped: data pack not found");
        return;
    }
    let read = |opts: &IngestOptions| -> Vec<Document> {
        hadath_ingest::open(std::slice::from_ref(&path), opts).expect("open").take(1500).collect()
    };
    let want: Vec<String> = read(&IngestOptions::default()).iter().map(layout_of).collect();
    let mut docs = read(&IngestOptions { defer_layout: true, ..Default::default() });
    docs.iter_mut().for_each(finish_layout);
    let got: Vec<String> = docs.iter().map(layout_of).collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert!(g == w, "{}", &w[..w.len().min(80)]);
    }
}
