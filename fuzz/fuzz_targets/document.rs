//! Fuzz target: whole-document coding of any text, with and without a publication date,
//! must not panic (a panic caught by the pipeline aborts here too), must keep every span
//! inside the text, and every output renderer must accept the result.
#![no_main]

use hadath_pipeline::output::{header, render, report_diagnostics, Emit, Format};
use hadath_pipeline::{analyze, PipelineOptions};
use hadath_text::{Date, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = if data.is_empty() { (0u8, data) } else { (data[0], &data[1..]) };
    let text = String::from_utf8_lossy(rest);
    let published = Date::new(2000 + (head as i32 % 30), 1 + head as u32 % 12, 1 + head as u32 % 28);
    for opts in [PipelineOptions::default(), PipelineOptions { published }] {
        let mut doc = Document::new("fuzz", text.as_ref());
        doc.meta.format = "txt".into();
        hadath_ingest::prepare(&mut doc);
        analyze(&mut doc, &opts);
        assert!(!doc.diagnostics.iter().any(|d| d.code == "internal-error"), "analysis failed: {:?}", doc.diagnostics);
        if let Err(e) = doc.check_spans() {
            panic!("{e}");
        }
        for emit in [Emit::Events, Emit::Documents] {
            for format in [Format::Jsonl, Format::Tsv, Format::Csv] {
                let _ = header(emit, format);
                let out = render(&doc, emit, format);
                if emit == Emit::Documents || format == Format::Jsonl {
                    for line in out.lines() {
                        assert!(serde_json::from_str::<serde_json::Value>(line).is_ok(), "bad JSON line: {line}");
                    }
                }
            }
        }
        let _ = report_diagnostics(&doc, &mut Vec::new());
    }
});
