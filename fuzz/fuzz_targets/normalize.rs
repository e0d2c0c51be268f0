//! Fuzz target: normalisation with offsets, tokens, lines, sentences and datelines must
//! never panic and must give spans that slice the input exactly.
#![no_main]

use hadath_text::normalize::{normalize_for_match, normalize_mapped};
use hadath_text::segment::{dateline_parts, lines, sentences_in};
use hadath_text::tokenize::{clitic_analyses, stem_span, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let t: &str = &text;

    let nt = normalize_mapped(t);
    assert_eq!(nt.text, normalize_for_match(t));
    let mut prev = 0;
    for (i, c) in nt.text.char_indices() {
        let span = nt.to_original(i, i + c.len_utf8());
        assert!(span.start <= span.end && span.end <= t.len());
        assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end));
        assert!(span.start >= prev);
        prev = span.start;
    }

    let mut last = 0;
    for tok in tokenize(t) {
        assert!(tok.span.start >= last && tok.span.start < tok.span.end);
        assert!(t.get(tok.span.start..tok.span.end).is_some());
        last = tok.span.end;
        for a in clitic_analyses(&tok.norm) {
            let s = stem_span(t, &tok, &a);
            assert!(tok.span.contains(s));
        }
    }

    for para in lines(t) {
        let mut out = Vec::new();
        sentences_in(t, para, &mut out);
        let mut last = para.start;
        for s in &out {
            assert!(s.start >= last && s.start < s.end && s.end <= para.end);
            assert!(t.get(s.start..s.end).is_some());
            last = s.end;
        }
        if let Some(d) = dateline_parts(t, para) {
            assert!(para.contains(d.span) && t.get(d.span.start..d.span.end).is_some());
        }
        let _ = hadath_text::lang::detect(para.slice(t));
    }
});
