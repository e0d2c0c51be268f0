//! Criterion benchmarks of normalisation, tokenisation and sentence splitting.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hadath_text::segment::{lines, sentences_in};

/// A news-like text of our own writing, with marks, digits, quotes and Latin, about 1 MB.
fn generated_text() -> String {
    let paragraph = "\
موسكو - (وكالات) استقبل الرئيسُ الروسيّ نظيرَه الكازاخستاني في الكرملين يوم الخميس، وبحثا سُبل تعزيز التعاون الاقتصادي.
وأعلنت وزارة الصحة أن حصيلة الفيضانات بلغت ٤٣ قتيلاً و١٢٠ مصاباً، مشيرة إلى أن فرق الإنقاذ ما زالت تعمل.
وقال المتحدث باسم الحكومة: «لن نسمح بتكرار ما حدث. سنحاسب المسؤولين» وفق ما نقلت Reuters عبر https://example.com/news.
وارتفعت نسبة التضخم إلى 7.5 في المئة خلال الربع الأول من عام 2024، بحسب بيانات رسمية نشرت الاثنين.
";
    paragraph.repeat(1_000_000 / paragraph.len() + 1)
}

fn text_core(c: &mut Criterion) {
    let text = generated_text();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("normalize_for_match", |b| b.iter(|| hadath_text::normalize_for_match(&text).len()));
    g.bench_function("normalize_mapped", |b| b.iter(|| hadath_text::normalize::normalize_mapped(&text).text.len()));
    g.bench_function("tokenize", |b| b.iter(|| hadath_text::tokenize(&text).len()));
    g.bench_function("sentences", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for l in lines(&text) {
                sentences_in(&text, l, &mut out);
            }
            out.len()
        })
    });
    g.bench_function("detect_lang", |b| {
        b.iter(|| {
            lines(&text)
                .iter()
                .filter(|l| hadath_text::lang::detect(l.slice(&text)) == hadath_text::Lang::Arabic)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, text_core);
criterion_main!(benches);
