//! Criterion benchmarks of each analysis stage over a generated Arabic news text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hadath_text::{Date, Document};

/// A news-like text of our own, repeated to about 200 KB.
fn corpus() -> String {
    let paragraph = "\
أعلن وزير الخارجية الفرنسي أمس الأربعاء أن باريس ستستضيف جولة جديدة من المحادثات بين أرمينيا وأذربيجان في 12 نوفمبر المقبل.
وقالت وزارة الدفاع الأذربيجانية إن اشتباكات على الحدود أسفرت عن مقتل 15 جنديا على الأقل وإصابة أكثر من 30 آخرين.
ودعا الاتحاد الأوروبي الطرفين إلى وقف فوري لإطلاق النار، فيما اتهمت يريفان باكو بخرق الهدنة مساء الثلاثاء.
";
    paragraph.repeat(200_000 / paragraph.len() + 1)
}

fn prepared(text: &str) -> Document {
    let mut doc = Document::new("bench", text);
    hadath_ingest::prepare(&mut doc);
    hadath_text::segment::segment_document(&mut doc);
    doc.published.value = Date::new(2022, 11, 10);
    doc
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("normalise", |b| b.iter(|| hadath_text::normalize::normalize_mapped(&text)));
    g.bench_function("tokenise", |b| b.iter(|| hadath_text::tokenize(&text)));
    g.bench_function("segment", |b| {
        b.iter(|| {
            let mut doc = Document::new("bench", text.as_str());
            hadath_ingest::prepare(&mut doc);
            hadath_text::segment::segment_document(&mut doc);
            doc.sentences.len()
        })
    });
    let base = prepared(&text);
    g.bench_function("time", |b| {
        b.iter(|| {
            let mut doc = base.clone();
            hadath_time::annotate_times(&mut doc);
            doc.times.len()
        })
    });
    g.bench_function("numbers", |b| {
        b.iter(|| {
            let mut doc = base.clone();
            hadath_numbers::annotate_numbers(&mut doc);
            doc.numbers.len()
        })
    });
    hadath_lexicon::Lexicon::get();
    g.bench_function("lexicon", |b| {
        b.iter(|| {
            let mut doc = base.clone();
            hadath_lexicon::Lexicon::get().annotate(&mut doc);
            doc.entities.len()
        })
    });
    let mut full = base.clone();
    hadath_time::annotate_times(&mut full);
    hadath_numbers::annotate_numbers(&mut full);
    hadath_lexicon::Lexicon::get().annotate(&mut full);
    g.bench_function("events", |b| {
        b.iter(|| {
            let mut doc = full.clone();
            hadath_events::annotate_events(&mut doc);
            doc.events.len()
        })
    });
    g.bench_function("whole pipeline", |b| {
        b.iter(|| hadath_pipeline::analyze_text("bench", &text, Date::new(2022, 11, 10)).events.len())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
